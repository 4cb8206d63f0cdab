import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireSteward } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { loadStandardsPage } from "@/lib/standards/pages";
import { PageHeader } from "@/components/ui/card";
import { LibrarySection } from "./library-section";
import { EditorSections } from "./editor-sections";
import { QueueSection } from "./queue-section";
import { ComplianceSection } from "./compliance-section";
import { RecentSection } from "./recent-section";
import { formatMonth, isMonthText } from "@/lib/months";

export const metadata: Metadata = { title: "Standards" };

export default async function StandardsPage({ params, searchParams }: PageProps<"/t/[tenant]/standards">) {
  const { tenant } = await params;
  const sp = await searchParams;
  const access = await requireSteward(tenant);
  const tenantId = access.tenant.id;
  const write = can(access.membership.role, "standards:write");
  const periodParam = isMonthText(sp.period) ? sp.period : formatMonth(new Date());
  const period = new Date(`${periodParam}-01T00:00:00Z`);
  const editId = typeof sp.edit === "string" ? sp.edit : undefined;
  const data = await loadStandardsPage(tenantId, { period, editId });
  if (editId && (!data.editing || !write)) notFound();
  const { library, assignments, compliance, queue, recent, editing, partnerNames } = data;
  const touchpoints = library.map((t) => ({ id: t.id, name: t.name }));
  const partnersByTouchpoint = new Map<string, string[]>();
  for (const a of assignments) partnersByTouchpoint.set(a.touchpointId, [...(partnersByTouchpoint.get(a.touchpointId) ?? []), a.partnerId]);
  const assignedPartners = [...new Map(assignments.map((a) => [a.partnerId, { id: a.partnerId, name: a.partner.name }])).values()].sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  const standardOptions = library.flatMap((t) =>
    t.standards.map((s) => ({ id: s.id, label: `${s.name} (${t.name})`, kind: s.metricKind, partnerIds: partnersByTouchpoint.get(t.id) ?? [] })),
  );
  const base = `/t/${tenant}/standards`;
  return (
    <div className="space-y-8">
      <PageHeader
        title="Experience standards"
        description="How each touchpoint must be delivered. Standards apply to the partners assigned to their touchpoint."
      />

      <LibrarySection tenant={tenant} base={base} write={write} library={library} />

      {write && library.length > 0 && (
        <EditorSections tenant={tenant} editing={editing} touchpoints={touchpoints} assignedPartners={assignedPartners} standardOptions={standardOptions} />
      )}

      <QueueSection tenant={tenant} write={write} queue={queue} />

      <ComplianceSection tenant={tenant} base={base} periodParam={periodParam} partnerNames={partnerNames} compliance={compliance} />

      <RecentSection recent={recent} />
    </div>
  );
}
