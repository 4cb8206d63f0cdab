import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { requireSteward } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { loadStandardsPage } from "@/lib/standards/pages";
import { editTargetExists } from "@/lib/workspace/edit-target";
import { isMonthText, formatMonth } from "@/lib/months";
import { PageHeader } from "@/components/ui/card";
import { PageSkeleton } from "@/components/ui/page-skeleton";
import { SectionNav } from "@/components/ui/section-nav";
import { LibrarySection } from "./library-section";
import { EditorSections } from "./editor-sections";
import { QueueSection } from "./queue-section";
import { ComplianceSection } from "./compliance-section";
import { RecentSection } from "./recent-section";

export const metadata: Metadata = { title: "Standards" };

// The 404 for an unknown ?edit= id is answered before the sections stream in behind their skeleton
// (docs/decisions/004-loading-boundaries-and-404.md).
export default async function StandardsPage({ params, searchParams }: PageProps<"/t/[tenant]/standards">) {
  const { tenant } = await params;
  const sp = await searchParams;
  const access = await requireSteward(tenant);
  const tenantId = access.tenant.id;
  const write = can(access.membership.role, "standards:write");
  if (typeof sp.edit === "string") {
    const found = write && (await editTargetExists("standard", tenantId, sp.edit));
    if (!found) notFound();
  }
  return (
    <Suspense fallback={<PageSkeleton />}>
      <StandardsSections tenant={tenant} tenantId={tenantId} write={write} sp={sp} />
    </Suspense>
  );
}

type SectionsProps = {
  tenant: string;
  tenantId: string;
  write: boolean;
  sp: Record<string, string | string[] | undefined>;
};

async function StandardsSections({ tenant, tenantId, write, sp }: SectionsProps) {
  // Without a chosen month, compliance opens on the latest month with assessments.
  const period = isMonthText(sp.period) ? new Date(`${sp.period}-01T00:00:00Z`) : null;
  const editId = typeof sp.edit === "string" ? sp.edit : undefined;
  const data = await loadStandardsPage(tenantId, { period, editId });
  if (editId && (!data.editing || !write)) notFound();
  const { library, assignments, compliance, queue, recent, editing, partnerNames } = data;
  const periodParam = formatMonth(data.period);
  const touchpoints = library.map((t) => ({ id: t.id, name: t.name }));
  const partnersByTouchpoint = new Map<string, string[]>();
  for (const a of assignments)
    partnersByTouchpoint.set(a.touchpointId, [...(partnersByTouchpoint.get(a.touchpointId) ?? []), a.partnerId]);
  const assignedPartners = [
    ...new Map(assignments.map((a) => [a.partnerId, { id: a.partnerId, name: a.partner.name }])).values(),
  ].sort((a, b) => a.name.localeCompare(b.name));
  const standardOptions = library.flatMap((t) =>
    t.standards.map((s) => ({
      id: s.id,
      label: `${s.name} (${t.name})`,
      kind: s.metricKind,
      partnerIds: partnersByTouchpoint.get(t.id) ?? [],
    })),
  );
  const base = `/t/${tenant}/standards`;
  return (
    <div className="space-y-8">
      <PageHeader
        title="Experience standards"
        description="How each touchpoint must be delivered. Standards apply to the partners assigned to their touchpoint."
      />
      <SectionNav
        label="Standards sections"
        sections={[
          { id: "library-heading", label: "Library" },
          ...(write && library.length > 0 ? [{ id: "standard-form", label: "Add & assess" }] : []),
          { id: "queue-heading", label: `Verification queue (${queue.length})` },
          { id: "compliance-heading", label: `Compliance · ${periodParam}` },
          { id: "recent-heading", label: "Recent assessments" },
        ]}
      />

      <LibrarySection tenant={tenant} base={base} write={write} library={library} editing={editing} />

      {write && library.length > 0 && (
        <EditorSections
          tenant={tenant}
          editing={editing}
          touchpoints={touchpoints}
          assignedPartners={assignedPartners}
          standardOptions={standardOptions}
        />
      )}

      <QueueSection tenant={tenant} write={write} queue={queue} />

      <ComplianceSection
        tenant={tenant}
        base={base}
        periodParam={periodParam}
        partnerNames={partnerNames}
        compliance={compliance}
      />

      <RecentSection recent={recent} />
    </div>
  );
}
