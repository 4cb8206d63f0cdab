import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { requireSteward } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { withTenant } from "@/lib/db/scope";
import { standardsLibrary } from "@/lib/standards/store";
import { complianceByPartner, latestAssessedMonth, recentAssessments, verificationQueue } from "@/lib/standards/assessments";
import { describeTarget, formatMeasurement, METRIC_KIND_LABELS } from "@/lib/standards/evaluate";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { PageSkeleton } from "@/components/ui/page-skeleton";
import { Badge } from "@/components/ui/badge";
import { inputClass } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";
import { StandardForm } from "./standard-form";
import { SectionNav } from "@/components/ui/section-nav";
import { RecordAssessmentForm, VerifyControls } from "./assessment-forms";

export const metadata: Metadata = { title: "Standards" };

const month = (d: Date) => d.toISOString().slice(0, 7);

// The 404 for an unknown ?edit= id is answered before the sections stream in behind their skeleton
// (docs/decisions/004-loading-boundaries-and-404.md).
export default async function StandardsPage({ params, searchParams }: PageProps<"/t/[tenant]/standards">) {
  const { tenant } = await params;
  const sp = await searchParams;
  const access = await requireSteward(tenant);
  const tenantId = access.tenant.id;
  const write = can(access.membership.role, "standards:write");
  if (typeof sp.edit === "string") {
    const where = { tenantId, id: sp.edit, isCurrent: true };
    const found = write ? await withTenant({ tenantId }, (db) => db.experienceStandard.findFirst({ where, select: { id: true } })) : null;
    if (!found) notFound();
  }
  return (
    <Suspense fallback={<PageSkeleton />}>
      <StandardsSections tenant={tenant} tenantId={tenantId} write={write} sp={sp} />
    </Suspense>
  );
}

type SectionsProps = { tenant: string; tenantId: string; write: boolean; sp: Record<string, string | string[] | undefined> };

async function StandardsSections({ tenant, tenantId, write, sp }: SectionsProps) {
  const chosenPeriod = typeof sp.period === "string" && /^\d{4}-(0[1-9]|1[0-2])$/.test(sp.period) ? sp.period : null;
  const editId = typeof sp.edit === "string" ? sp.edit : undefined;
  const data = await withTenant({ tenantId }, async (db) => {
    // Without a chosen month, compliance opens on the latest month with assessments.
    const period = chosenPeriod ? new Date(`${chosenPeriod}-01T00:00:00Z`) : await latestAssessedMonth(db, tenantId);
    const library = await standardsLibrary(db, tenantId);
    const assignments = await db.touchpointPartner.findMany({
      where: { tenantId, partner: { status: { not: "OFFBOARDED" } } },
      select: { touchpointId: true, partnerId: true, partner: { select: { name: true } } },
    });
    const compliance = await complianceByPartner(db, tenantId, period);
    const queue = await verificationQueue(db, tenantId);
    const recent = await recentAssessments(db, tenantId);
    const editing = editId
      ? await db.experienceStandard.findFirst({
          where: { tenantId, id: editId, isCurrent: true },
          include: { _count: { select: { assessments: true } } },
        })
      : null;
    const partnerNames = await db.partner.findMany({ where: { tenantId, id: { in: [...compliance.keys()] } }, select: { id: true, name: true }, orderBy: { name: "asc" } });
    return { library, assignments, compliance, queue, recent, editing, partnerNames, period };
  });
  if (editId && (!data.editing || !write)) notFound();
  const { library, assignments, compliance, queue, recent, editing, partnerNames } = data;
  const periodParam = month(data.period);
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
  const total = library.reduce((n, t) => n + t.standards.length, 0);
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

      <section aria-labelledby="library-heading" className="space-y-3">
        <h2 id="library-heading" className="text-lg font-semibold">
          Library <span className="text-sm font-normal text-slate-500">({total} standards)</span>
        </h2>
        {library.length === 0 ? (
          <EmptyState title="No touchpoints yet">
            Standards belong to touchpoints: add one on the <Link href={`/t/${tenant}/touchpoints`} className="text-brand-700 hover:underline">journey map</Link> first.
          </EmptyState>
        ) : (
          <div className="grid gap-4 lg:grid-cols-2" data-testid="standards-library">
            {library.map((t) => (
              <Card key={t.id} className="p-4" aria-label={`Standards of ${t.name}`}>
                {/* Folded by default so the page stays short; the one being edited opens. */}
                <details open={editing?.touchpointId === t.id}>
                <summary className="cursor-pointer">
                <h3 className="inline font-medium">
                  {t.name}{" "}
                  <span className="text-xs font-normal text-slate-500">
                    · {t.stage} · {t.partnerCount} partner{t.partnerCount === 1 ? "" : "s"} · {t.standards.length} standard
                    {t.standards.length === 1 ? "" : "s"}
                  </span>
                  {t.isMomentOfTruth && <Badge tone="violet" className="ml-2">moment of truth</Badge>}
                </h3>
                </summary>
                {t.standards.length === 0 ? (
                  <p className="mt-2 text-sm text-slate-500">No standard for this touchpoint.</p>
                ) : (
                  <ul className="mt-2 divide-y divide-slate-100 text-sm">
                    {t.standards.map((s) => (
                      <li key={s.id} className="flex items-start justify-between gap-3 py-2" data-testid="standard-item">
                        <span>
                          <span className="font-medium">{s.name}</span> <span className="text-xs text-slate-500">v{s.version}</span>
                          <span className="block text-xs text-slate-500">
                            {describeTarget(s)} · {METRIC_KIND_LABELS[s.metricKind]} · weight {s.weight} · {s.severity.toLowerCase()}
                          </span>
                        </span>
                        {write && (
                          <Link href={`${base}?edit=${s.id}#standard-form`} className="shrink-0 text-xs text-brand-700 hover:underline">
                            Edit {s.name}
                          </Link>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
                </details>
              </Card>
            ))}
          </div>
        )}
      </section>

      {write && library.length > 0 && (
        <div className="grid gap-6 lg:grid-cols-2">
          <section aria-labelledby="standard-form-heading" id="standard-form">
            <h2 id="standard-form-heading" className="mb-3 text-lg font-semibold">
              {editing ? `Edit ${editing.name} (v${editing.version})` : "New standard"}
            </h2>
            <Card className="p-5">
              {editing ? (
                <StandardForm
                  key={editing.id}
                  tenantSlug={tenant}
                  standardId={editing.id}
                  assessed={editing._count.assessments > 0}
                  touchpoints={touchpoints}
                  initial={{
                    touchpointId: editing.touchpointId,
                    name: editing.name,
                    description: editing.description ?? "",
                    metricKind: editing.metricKind,
                    comparator: editing.comparator,
                    target: String(editing.target),
                    unit: editing.unit ?? "",
                    weight: String(editing.weight),
                    severity: editing.severity,
                  }}
                />
              ) : (
                <StandardForm tenantSlug={tenant} touchpoints={touchpoints} />
              )}
            </Card>
          </section>
          <section aria-labelledby="record-heading">
            <h2 id="record-heading" className="mb-3 text-lg font-semibold">
              Record an assessment
            </h2>
            <Card className="p-5">
              {assignedPartners.length === 0 ? (
                <p className="text-sm text-slate-600">Assign partners to touchpoints first: assessments measure a partner against a standard that applies to it.</p>
              ) : (
                <RecordAssessmentForm tenantSlug={tenant} partners={assignedPartners} standards={standardOptions} defaultPeriod={month(new Date())} />
              )}
            </Card>
          </section>
        </div>
      )}

      <section aria-labelledby="queue-heading">
        <h2 id="queue-heading" className="mb-3 text-lg font-semibold">
          Verification queue <span className="text-sm font-normal text-slate-500">({queue.length})</span>
        </h2>
        {queue.length === 0 ? (
          <EmptyState title="Nothing to verify">Partner self-assessments wait here for a steward.</EmptyState>
        ) : (
          <Card>
            <ul className="divide-y divide-slate-100" data-testid="verification-queue">
              {queue.map((a) => (
                <li key={a.id} className="grid gap-3 px-4 py-3 text-sm md:grid-cols-2" data-testid="queue-item">
                  <div>
                    <p className="font-medium">
                      {a.partner.name} · {a.standard.name} <span className="text-xs text-slate-500">v{a.standard.version}</span>
                    </p>
                    <p className="text-xs text-slate-600">
                      {month(a.period)} · reported {formatMeasurement(a.standard, a.value)} ({describeTarget(a.standard)}) ·{" "}
                      {a.met ? "meets the target" : "misses the target"}
                    </p>
                    <p className="mt-1 text-slate-700">{a.evidenceText}</p>
                    {a.evidenceUrl && (
                      <a href={a.evidenceUrl} className="text-xs text-brand-700 hover:underline" target="_blank" rel="noreferrer noopener">
                        {a.evidenceUrl}
                      </a>
                    )}
                  </div>
                  {write && <VerifyControls tenantSlug={tenant} assessmentId={a.id} label={`${a.partner.name}, ${a.standard.name}`} />}
                </li>
              ))}
            </ul>
          </Card>
        )}
      </section>

      <section aria-labelledby="compliance-heading">
        <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
          <h2 id="compliance-heading" className="text-lg font-semibold">
            Compliance by partner · {periodParam}
          </h2>
          <form method="get" action={base} className="flex items-end gap-2">
            <label className="text-sm">
              <span className="mb-1 block font-medium text-slate-700">Period</span>
              <input type="month" name="period" defaultValue={periodParam} className={inputClass} />
            </label>
            <button type="submit" className={buttonClass("secondary")}>
              Show
            </button>
          </form>
        </div>
        {partnerNames.length === 0 ? (
          <EmptyState title="No partner handles a touchpoint yet" />
        ) : (
          <Card className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="compliance-table">
              <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th className="px-4 py-2">Partner</th>
                  <th className="px-4 py-2">Compliance</th>
                  <th className="px-4 py-2">Met / assessed / applicable weight</th>
                  <th className="px-4 py-2">Coverage</th>
                </tr>
              </thead>
              <tbody>
                {partnerNames.map((p) => {
                  const c = compliance.get(p.id)!;
                  return (
                    <tr key={p.id} className="border-b border-slate-100 last:border-0" data-testid="compliance-row">
                      <td className="px-4 py-2">
                        <Link href={`/t/${tenant}/partners/${p.id}`} className="text-brand-700 hover:underline">
                          {p.name}
                        </Link>
                      </td>
                      <td className="px-4 py-2 font-medium">{c.score === null ? "not assessed" : `${c.score.toFixed(1)}%`}</td>
                      <td className="px-4 py-2 text-slate-600">
                        {c.metWeight} / {c.assessedWeight} / {c.totalWeight}
                      </td>
                      <td className="px-4 py-2 text-slate-600">{c.coverage === null ? "—" : `${c.coverage.toFixed(1)}%`}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </Card>
        )}
      </section>

      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading" className="mb-3 text-lg font-semibold">
          Recent assessments
        </h2>
        {recent.length === 0 ? (
          <EmptyState title="No assessment yet" />
        ) : (
          <Card>
            <ul className="divide-y divide-slate-100 text-sm" data-testid="recent-assessments">
              {recent.map((a) => (
                <li key={a.id} className="flex items-center justify-between gap-3 px-4 py-2">
                  <span>
                    {a.partner.name} · {a.standard.name} <span className="text-xs text-slate-500">v{a.standard.version}</span>
                    <span className="block text-xs text-slate-500">
                      {month(a.period)} · {a.source.toLowerCase().replace("_", " ")}
                      {a.rejectionReason ? ` · rejected: ${a.rejectionReason}` : ""}
                    </span>
                  </span>
                  <span className="flex shrink-0 items-center gap-1">
                    {formatMeasurement(a.standard, a.value)}
                    <Badge tone={a.met ? "green" : "red"}>{a.met ? "met" : "not met"}</Badge>
                    {a.verification !== "VERIFIED" && <Badge tone={a.verification === "PENDING" ? "amber" : "red"}>{a.verification.toLowerCase()}</Badge>}
                  </span>
                </li>
              ))}
            </ul>
          </Card>
        )}
      </section>
    </div>
  );
}
