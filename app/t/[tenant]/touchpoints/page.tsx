import type { Metadata } from "next";
import Link from "next/link";
import { TriangleAlert } from "lucide-react";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { requireSteward } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { CHANNEL_LABELS } from "@/lib/touchpoints/touchpoints";
import {
  BRAND,
  CHANNEL_DESIGN_OPTIONS,
  INTEGRATION_SCOPE_OPTIONS,
  RACI_ROLES,
  VALUE_PROPOSITION_LABELS,
  touchpointGapLabels,
} from "@/lib/touchpoints/channel-design";
import { loadTouchpointsPage } from "@/lib/touchpoints/pages";
import { editTargetExists } from "@/lib/workspace/edit-target";
import { Card, PageHeader } from "@/components/ui/card";
import { PageSkeleton } from "@/components/ui/page-skeleton";
import { Badge } from "@/components/ui/badge";
import { PartnerStatusBadge } from "@/components/partners/status-badge";
import { TouchpointForm } from "./touchpoint-form";
import { AssignPartner, MoveButtons, UnassignPartner } from "./card-controls";
import { ChannelRolesForm } from "./channel-roles-form";
import { GapsPanel } from "./gaps-panel";

export const metadata: Metadata = { title: "Touchpoints" };

// The 404 for an unknown ?edit= id is answered before the board streams in behind its skeleton
// (docs/decisions/004-loading-boundaries-and-404.md).
export default async function TouchpointsPage({ params, searchParams }: PageProps<"/t/[tenant]/touchpoints">) {
  const { tenant } = await params;
  const editId = (await searchParams).edit;
  const access = await requireSteward(tenant);
  const tenantId = access.tenant.id;
  const write = can(access.membership.role, "partners:write");
  if (typeof editId === "string") {
    const found = write && (await editTargetExists("touchpoint", tenantId, editId));
    if (!found) notFound();
  }
  return (
    <Suspense fallback={<PageSkeleton />}>
      <TouchpointsBoard tenant={tenant} tenantId={tenantId} write={write} editId={editId} />
    </Suspense>
  );
}

async function TouchpointsBoard({
  tenant,
  tenantId,
  write,
  editId,
}: {
  tenant: string;
  tenantId: string;
  write: boolean;
  editId: unknown;
}) {
  const { columns, partners, gaps, channel } = await loadTouchpointsPage(tenantId, { withPartnerOptions: write });
  const all = columns.flatMap((c) => c.touchpoints);
  const editing = typeof editId === "string" ? all.find((t) => t.id === editId) : undefined;
  if (typeof editId === "string" && (!editing || !write)) notFound();
  const stages = columns.map((c) => c.stage);
  const base = `/t/${tenant}/touchpoints`;
  return (
    <div className="space-y-6">
      <PageHeader
        title="Touchpoints"
        description="The customer journey: stages as columns, the moments where partners meet your customers as cards."
      />
      <p className="text-sm text-slate-600" data-testid="channel-design-summary">
        Channel design:{" "}
        {channel.design && channel.scope ? (
          <strong>
            {CHANNEL_DESIGN_OPTIONS[channel.design].label},{" "}
            {INTEGRATION_SCOPE_OPTIONS[channel.scope].label.toLowerCase()}
          </strong>
        ) : (
          <strong>not recorded yet</strong>
        )}{" "}
        (
        <Link href={`/t/${tenant}/settings/channel`} className="text-brand-700 underline">
          change the channel design
        </Link>
        ).
      </p>
      <GapsPanel tenant={tenant} gaps={gaps} write={write} />
      {/* Stages wrap onto new rows instead of scrolling sideways (one column on a phone). */}
      <div className="grid grid-cols-[repeat(auto-fill,minmax(15rem,1fr))] gap-4" data-testid="journey-map">
        {columns.map((column) => (
          <section
            key={column.stage}
            aria-label={`Stage ${column.stage}`}
            className="min-w-0 space-y-3"
            data-testid={`stage-${column.stage}`}
          >
            <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">
              {column.stage} <span className="font-normal">({column.touchpoints.length})</span>
            </h2>
            {column.touchpoints.length === 0 && (
              <p className="rounded-md border border-dashed border-slate-300 p-3 text-xs text-slate-500">
                No touchpoint in this stage.
              </p>
            )}
            {column.touchpoints.map((t, i) => (
              <Card
                key={t.id}
                id={`tp-${t.id}`}
                className="scroll-mt-4 space-y-2 p-3 text-sm"
                data-testid="touchpoint-card"
                aria-label={t.name}
              >
                <div className="flex items-start justify-between gap-2">
                  <div className="min-w-0">
                    <h3 className="font-medium text-slate-900">{t.name}</h3>
                    <p className="text-xs text-slate-500">
                      {CHANNEL_LABELS[t.channel]} · weight {t.weight} · {t.standards} standard
                      {t.standards === 1 ? "" : "s"}
                    </p>
                  </div>
                  {write && (
                    <MoveButtons
                      tenantSlug={tenant}
                      touchpointId={t.id}
                      name={t.name}
                      first={i === 0}
                      last={i === column.touchpoints.length - 1}
                    />
                  )}
                </div>
                {t.isMomentOfTruth && <Badge tone="violet">moment of truth</Badge>}
                <dl className="space-y-0.5 text-xs text-slate-600">
                  <div>
                    <dt className="inline">Serves: </dt>
                    <dd className="inline text-slate-900">
                      {t.valueProposition ? VALUE_PROPOSITION_LABELS[t.valueProposition] : "no value proposition"}
                    </dd>
                  </div>
                  <div>
                    <dt className="inline">Accountable: </dt>
                    <dd className="inline text-slate-900">{accountableName(t.roles) ?? "nobody"}</dd>
                  </div>
                </dl>
                {touchpointGapLabels(t).length > 0 && (
                  <ul className="space-y-1" aria-label={`Gaps at ${t.name}`} data-testid="gap-markers">
                    {touchpointGapLabels(t).map((g) => (
                      <li key={g} className="flex items-center gap-1 text-xs font-medium text-amber-800">
                        <TriangleAlert className="size-3.5 shrink-0" aria-hidden />
                        Gap: {g}
                      </li>
                    ))}
                  </ul>
                )}
                <ul className="space-y-1" aria-label={`Partners handling ${t.name}`}>
                  {t.partners.length === 0 && <li className="text-xs text-slate-500">No partner assigned.</li>}
                  {t.partners.map((p) => (
                    <li key={p.id} className="flex flex-wrap items-center justify-between gap-x-2 gap-y-1 text-xs">
                      <Link href={`/t/${tenant}/partners/${p.id}`} className="text-brand-700 hover:underline">
                        {p.name}
                      </Link>
                      <span className="flex items-center gap-1">
                        <PartnerStatusBadge status={p.status} />
                        {write && (
                          <UnassignPartner
                            tenantSlug={tenant}
                            touchpointId={t.id}
                            partnerId={p.id}
                            partnerName={p.name}
                            touchpointName={t.name}
                          />
                        )}
                      </span>
                    </li>
                  ))}
                </ul>
                {write && (
                  <>
                    <AssignPartner
                      tenantSlug={tenant}
                      touchpointId={t.id}
                      name={t.name}
                      partners={partners.filter((p) => !t.partners.some((a) => a.id === p.id))}
                    />
                    <Link href={`${base}?edit=${t.id}`} className="text-xs text-brand-700 hover:underline">
                      Edit {t.name}
                    </Link>
                  </>
                )}
              </Card>
            ))}
          </section>
        ))}
      </div>
      {write && (
        <section aria-labelledby="tp-form-heading" className="max-w-2xl">
          <h2 id="tp-form-heading" className="mb-3 text-lg font-semibold">
            {editing ? `Edit ${editing.name}` : "New touchpoint"}
          </h2>
          {editing && (
            <Card className="mb-4 p-5" id="channel-roles">
              <h3 className="mb-3 font-semibold">Value proposition and roles (RACI)</h3>
              <ChannelRolesForm
                key={editing.id}
                tenantSlug={tenant}
                touchpointId={editing.id}
                name={editing.name}
                parties={partners}
                initial={{
                  valueProposition: editing.valueProposition,
                  roles: Object.fromEntries(
                    RACI_ROLES.map((role) => [
                      role,
                      editing.roles.filter((r) => r.role === role).map((r) => r.partner?.id ?? BRAND),
                    ]),
                  ) as Record<(typeof RACI_ROLES)[number], string[]>,
                }}
              />
            </Card>
          )}
          <Card className="p-5">
            {editing ? (
              <TouchpointForm
                key={editing.id}
                tenantSlug={tenant}
                touchpointId={editing.id}
                stages={stages}
                initial={{
                  name: editing.name,
                  description: editing.description ?? "",
                  stage: editing.stage,
                  channel: editing.channel,
                  isMomentOfTruth: editing.isMomentOfTruth,
                  weight: String(editing.weight),
                }}
              />
            ) : (
              <TouchpointForm tenantSlug={tenant} stages={stages} />
            )}
          </Card>
        </section>
      )}
    </div>
  );
}

function accountableName(roles: { role: string; partner: { name: string } | null }[]) {
  const a = roles.find((r) => r.role === "ACCOUNTABLE");
  if (!a) return null;
  return a.partner?.name ?? "the brand";
}
