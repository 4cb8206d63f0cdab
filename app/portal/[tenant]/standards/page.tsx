import type { Metadata } from "next";
import { partnerScope } from "@/lib/auth/access";
import { requirePartner } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { loadPortalStandardsPage } from "@/lib/portal/pages";
import { formatMonth } from "@/lib/months";
import { describeTarget, formatMeasurement } from "@/lib/standards/evaluate";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { AcknowledgeForm, SelfAssessForm } from "./standard-forms";

export const metadata: Metadata = { title: "Your standards" };

export default async function PortalStandardsPage({ params }: PageProps<"/portal/[tenant]/standards">) {
  const { tenant } = await params;
  const access = await requirePartner(tenant);
  const respond = can(access.membership.role, "portal:respond");
  const now = new Date();
  const { standards, compliance } = await loadPortalStandardsPage(partnerScope(access), now);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Your standards"
        description="The experience standards you must meet at the touchpoints you handle: acknowledge them and self-assess."
      />
      <Card className="flex flex-wrap gap-8 p-5">
        <div>
          <p className="text-xs uppercase tracking-wide text-slate-500">Your compliance · {formatMonth(now)}</p>
          <p className="text-2xl font-semibold" data-testid="own-compliance">
            {compliance.score === null ? "not assessed" : `${compliance.score.toFixed(1)}%`}
          </p>
        </div>
        <div>
          <p className="text-xs uppercase tracking-wide text-slate-500">Coverage</p>
          <p className="text-2xl font-semibold">
            {compliance.coverage === null ? "—" : `${compliance.coverage.toFixed(1)}%`}
          </p>
        </div>
        <p className="max-w-md text-xs text-slate-600">
          Compliance is the weighted share of your assessed standards that met their target this month. Self-assessments
          count once the brand has verified them.
        </p>
      </Card>
      {standards.length === 0 ? (
        <EmptyState title="No standard applies to you yet">
          Standards apply once the brand assigns you to a touchpoint.
        </EmptyState>
      ) : (
        <ul className="space-y-4" data-testid="portal-standards">
          {standards.map((s) => {
            const acknowledged = s.acknowledgements[0];
            const status = compliance.perStandard.find((c) => c.standardId === s.id)?.status ?? "NOT_ASSESSED";
            return (
              <li key={s.id}>
                <Card className="grid gap-4 p-5 lg:grid-cols-2" aria-label={s.name} data-testid="portal-standard">
                  <div className="space-y-2 text-sm">
                    <h2 className="text-base font-semibold">
                      {s.name} <span className="text-xs font-normal text-slate-500">v{s.version}</span>
                    </h2>
                    <p className="text-slate-600">
                      {s.touchpoint.name} · target {describeTarget(s)} · weight {s.weight} · {s.severity.toLowerCase()}
                    </p>
                    {s.description && <p className="text-slate-700">{s.description}</p>}
                    <p className="flex gap-1">
                      <Badge tone={status === "MET" ? "green" : status === "NOT_MET" ? "red" : "slate"}>
                        {status === "MET"
                          ? "met this month"
                          : status === "NOT_MET"
                            ? "not met this month"
                            : "not assessed this month"}
                      </Badge>
                    </p>
                    {acknowledged ? (
                      <p className="text-sm text-emerald-700" data-testid="acknowledged">
                        Acknowledged on {acknowledged.acknowledgedAt.toISOString().slice(0, 10)}
                      </p>
                    ) : respond ? (
                      <AcknowledgeForm tenantSlug={tenant} standardId={s.id} name={s.name} />
                    ) : null}
                    {s.assessments.length > 0 && (
                      <div>
                        <h3 className="mt-3 text-xs font-semibold uppercase tracking-wide text-slate-500">
                          Your latest assessments
                        </h3>
                        <ul className="mt-1 space-y-1 text-xs" data-testid="own-assessments">
                          {s.assessments.map((a) => (
                            <li key={a.id} className="flex flex-wrap items-center gap-1">
                              {formatMonth(a.period)} · {formatMeasurement(s, a.value)}
                              <Badge tone={a.met ? "green" : "red"}>{a.met ? "met" : "not met"}</Badge>
                              <Badge
                                tone={
                                  a.verification === "VERIFIED"
                                    ? "blue"
                                    : a.verification === "PENDING"
                                      ? "amber"
                                      : "red"
                                }
                              >
                                {a.verification === "PENDING" ? "awaiting verification" : a.verification.toLowerCase()}
                              </Badge>
                              {a.rejectionReason && <span className="text-red-700">— {a.rejectionReason}</span>}
                            </li>
                          ))}
                        </ul>
                      </div>
                    )}
                  </div>
                  {respond && (
                    <div>
                      <h3 className="mb-2 text-sm font-semibold">Self-assess</h3>
                      <SelfAssessForm
                        tenantSlug={tenant}
                        standardId={s.id}
                        name={s.name}
                        kind={s.metricKind}
                        defaultPeriod={formatMonth(now)}
                      />
                    </div>
                  )}
                </Card>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
