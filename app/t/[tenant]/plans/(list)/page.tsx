import type { Metadata } from "next";
import Link from "next/link";
import { requireSteward } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { parseMonth } from "@/lib/months";
import { PATTERN_MIN_INCIDENTS, PATTERN_WINDOW_DAYS } from "@/lib/plans/open-plan";
import { loadPlansPage } from "@/lib/plans/pages";
import { PLAN_STATUS_LABELS, PLAN_STATUSES } from "@/lib/plans/lifecycle";
import { RECOMMENDATION_LABELS, type Recommendation } from "@/lib/scorecards/combine";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { monthLabel } from "@/components/scorecards/labels";
import { OpenPlanButton } from "@/components/plans/plan-forms";
import { PlanTable } from "@/components/plans/plan-table";
import { openPlanFromPatternAction, openPlanFromScorecardAction } from "../actions";

export const metadata: Metadata = { title: "Corrective-action plans" };

export default async function PlansPage({ params, searchParams }: PageProps<"/t/[tenant]/plans">) {
  const { tenant } = await params;
  const query = await searchParams;
  const access = await requireSteward(tenant, "workspace:read");
  const data = await loadPlansPage(access.tenant.id, query);
  const write = can(access.membership.role, "plans:write");
  const base = `/t/${tenant}/plans`;
  const { list } = data;
  const pageCount = Math.max(1, Math.ceil(list.total / list.pageSize));
  const hrefFor = (page: number) =>
    `${base}?${new URLSearchParams({ ...(data.status ? { status: data.status } : {}), page: String(page) })}`;
  return (
    <div className="space-y-8">
      <PageHeader
        title="Corrective-action plans"
        description="Plans agreed with partners who fall short: actions with an owner on the partner's side, a due date and the score they should move. Open one from a scorecard in the Develop, Probation or Exit band, or from a pattern of incidents."
      />
      {write && (data.scorecards.length > 0 || data.patterns.length > 0) ? (
        <section aria-labelledby="suggestions-heading" className="space-y-3">
          <h2 id="suggestions-heading" className="text-lg font-semibold">
            Suggested plans
          </h2>
          <div className="grid gap-4 *:min-w-0 lg:grid-cols-2">
            <Card className="space-y-3 p-5" data-testid="scorecard-suggestions">
              <h3 className="font-semibold">From the latest published scorecards</h3>
              {data.scorecards.length === 0 ? (
                <p className="text-sm text-slate-600">
                  No partner of the latest published month is in a band that calls for a plan.
                </p>
              ) : (
                <ul className="divide-y divide-slate-100 text-sm">
                  {data.scorecards.map((s) => (
                    <li key={s.scorecardId} className="flex flex-wrap items-center justify-between gap-2 py-2">
                      <span className="min-w-0">
                        <Link
                          href={`/t/${tenant}/scorecards/${s.partnerId}?month=${s.month}`}
                          className="font-medium text-brand-700 underline"
                        >
                          {s.partnerName}
                        </Link>{" "}
                        <span className="text-slate-600">
                          {monthLabel(parseMonth(s.month))}: {RECOMMENDATION_LABELS[s.recommendation as Recommendation]}
                          {s.score === null ? "" : `, score ${Math.round(s.score)}`}
                        </span>
                      </span>
                      <OpenPlanButton
                        action={openPlanFromScorecardAction}
                        input={{ tenantSlug: tenant, scorecardId: s.scorecardId }}
                        label="Open a plan"
                        plansPath={base}
                      />
                    </li>
                  ))}
                </ul>
              )}
            </Card>
            <Card className="space-y-3 p-5" data-testid="pattern-suggestions">
              <h3 className="font-semibold">From patterns of incidents</h3>
              <p className="text-xs text-slate-600">
                {PATTERN_MIN_INCIDENTS} or more incidents in the last {PATTERN_WINDOW_DAYS} days with the same partner,
                touchpoint and root cause.
              </p>
              {data.patterns.length === 0 ? (
                <p className="text-sm text-slate-600">No such pattern without a plan.</p>
              ) : (
                <ul className="divide-y divide-slate-100 text-sm">
                  {data.patterns.map((p) => (
                    <li
                      key={`${p.partnerId}:${p.touchpointId}:${p.rootCause}`}
                      className="flex flex-wrap items-center justify-between gap-2 py-2"
                    >
                      <span className="min-w-0">
                        <span className="font-medium">{p.partnerName}</span>{" "}
                        <span className="text-slate-600">
                          at {p.touchpointName}: {p.count} × “{p.rootCause}”
                        </span>
                      </span>
                      <OpenPlanButton
                        action={openPlanFromPatternAction}
                        input={{
                          tenantSlug: tenant,
                          partnerId: p.partnerId,
                          touchpointId: p.touchpointId,
                          rootCause: p.rootCause,
                        }}
                        label="Open a plan"
                        plansPath={base}
                      />
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          </div>
        </section>
      ) : null}
      <section aria-labelledby="plans-heading" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="plans-heading" className="text-lg font-semibold">
            Plans
          </h2>
          <nav aria-label="Filter by status" className="flex flex-wrap gap-x-3 gap-y-1 text-sm">
            <Link href={base} className="text-brand-700 underline" aria-current={data.status ? undefined : "page"}>
              All
            </Link>
            {PLAN_STATUSES.map((s) => (
              <Link
                key={s}
                href={`${base}?status=${s}`}
                className="text-brand-700 underline"
                aria-current={data.status === s ? "page" : undefined}
              >
                {PLAN_STATUS_LABELS[s]}
              </Link>
            ))}
          </nav>
        </div>
        {list.plans.length === 0 ? (
          <EmptyState
            title={data.status ? `No ${PLAN_STATUS_LABELS[data.status].toLowerCase()} plans` : "No plans yet"}
          >
            Open a plan from a suggestion above, or from a partner&apos;s scorecard.
          </EmptyState>
        ) : (
          <PlanTable plans={list.plans} base={base} label="Corrective-action plans" showPartner />
        )}
        {list.total > list.pageSize ? (
          <Pagination page={list.page} pageCount={pageCount} total={list.total} hrefFor={hrefFor} label="plans" />
        ) : null}
      </section>
    </div>
  );
}
