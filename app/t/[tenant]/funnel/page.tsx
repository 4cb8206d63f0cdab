import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { requireSteward } from "@/lib/auth/guards";
import { CONVERSION_DEFINITION, CONVERSION_WINDOW_DAYS, type FunnelRow } from "@/lib/funnel/funnel";
import { loadFunnelPage } from "@/lib/funnel/pages";
import { parseMonth } from "@/lib/months";
import { formatMoney } from "@/lib/workspace/money";
import { Card, EmptyState, PageHeader, ScrollCard } from "@/components/ui/card";
import { PageSkeleton } from "@/components/ui/page-skeleton";
import { HelpDisclosure } from "@/components/ui/help-disclosure";
import { ChartFigure } from "@/components/ui/chart-figure";
import { MonthPicker } from "@/components/scorecards/month-picker";
import { monthLabel } from "@/components/scorecards/labels";

export const metadata: Metadata = { title: "Funnel" };

export default async function FunnelPage({ params, searchParams }: PageProps<"/t/[tenant]/funnel">) {
  const { tenant } = await params;
  const query = await searchParams;
  const access = await requireSteward(tenant, "workspace:read");
  return (
    <div className="space-y-6">
      <PageHeader
        title="Engagement funnel"
        description="The customer journey in numbers: how many customers each stage reaches, how many go on to the next stage, what they are worth, and what incidents put at risk there."
      />
      <Suspense key={String(query.month ?? "")} fallback={<PageSkeleton />}>
        <FunnelFigures
          tenant={tenant}
          tenantId={access.tenant.id}
          currency={access.tenant.currency}
          month={query.month}
        />
      </Suspense>
    </div>
  );
}

const pct = (rate: number | null) => (rate === null ? "—" : `${(rate * 100).toFixed(1)} %`);
const num = (n: number) => n.toLocaleString("en-US");
const th = "px-3 py-2 text-left font-medium";
const td = "px-3 py-2 align-top";

function chartSummary(rows: FunnelRow[]): string {
  if (rows.every((r) => r.customersReached === 0)) return "No customer was reached at any stage this month.";
  return `Customers reached: ${rows
    .map((r) => `${r.stage} ${num(r.customersReached)} (${pct(r.conversionRate)} went on to ${r.next})`)
    .join(", ")}.`;
}

async function FunnelFigures({
  tenant,
  tenantId,
  currency,
  month,
}: {
  tenant: string;
  tenantId: string;
  currency: string;
  month: unknown;
}) {
  const data = await loadFunnelPage(tenantId, { month });
  const rows = data.funnel.stages;
  const base = `/t/${tenant}`;
  const max = Math.max(1, ...rows.map((r) => r.customersReached));
  const empty = rows.every((r) => r.interactions === 0 && r.incidents === 0);
  const months = data.months.map((m) => ({ value: m, label: monthLabel(parseMonth(m)) }));
  return (
    <>
      <Card className="flex flex-wrap items-end gap-6 p-5">
        <MonthPicker months={months} value={data.month} basePath={`${base}/funnel`} />
        <p className="max-w-2xl text-sm text-slate-600" data-testid="funnel-snapshot">
          Equity uses the customer values of{" "}
          {data.snapshotMonth ? monthLabel(parseMonth(data.snapshotMonth)) : "no month yet (recompute values first)"}.
          Touchpoints in a stage you named yourself are not part of the funnel.
        </p>
      </Card>
      {empty ? (
        <EmptyState title={`No interactions or incidents in ${monthLabel(parseMonth(data.month))}`}>
          Pick another month, or send interactions through the{" "}
          <Link href={`${base}/settings/import`} className="text-brand-700 underline">
            import
          </Link>{" "}
          or the API.
        </EmptyState>
      ) : (
        <>
          <Card className="p-5">
            <h2 className="mb-3 font-semibold">Customers reached per stage</h2>
            <ChartFigure title="Funnel: customers reached per stage" summary={chartSummary(rows)}>
              <div className="space-y-2" aria-hidden>
                {rows.map((r) => (
                  <div key={r.stage} className="grid grid-cols-[5.5rem_minmax(0,1fr)] items-center gap-2 text-sm">
                    <span className="capitalize text-slate-700">{r.stage}</span>
                    <div className="min-w-0">
                      <div
                        className="h-6 rounded bg-brand-600"
                        style={{ width: `${Math.max(1, (r.customersReached / max) * 100)}%` }}
                      />
                      <span className="text-xs text-slate-600">
                        {num(r.customersReached)} customers · {pct(r.conversionRate)} on to {r.next}
                      </span>
                    </div>
                  </div>
                ))}
              </div>
            </ChartFigure>
          </Card>
          <ScrollCard label="Funnel figures by stage">
            <table className="w-full text-sm">
              <caption className="sr-only">Funnel figures by stage for {monthLabel(parseMonth(data.month))}</caption>
              <thead className="bg-slate-50 text-slate-600">
                <tr>
                  <th scope="col" className={th}>
                    Stage
                  </th>
                  <th scope="col" className={th}>
                    Customers reached <HelpDisclosure topic="funnelReached" base={base} />
                  </th>
                  <th scope="col" className={th}>
                    Interactions
                  </th>
                  <th scope="col" className={th}>
                    Conversion to next stage <HelpDisclosure topic="funnelConversion" base={base} />
                  </th>
                  <th scope="col" className={th}>
                    Equity <HelpDisclosure topic="customerEquity" base={base} />
                  </th>
                  <th scope="col" className={th}>
                    Incidents
                  </th>
                  <th scope="col" className={th}>
                    Equity at risk <HelpDisclosure topic="equityAtRisk" base={base} />
                  </th>
                  <th scope="col" className={th}>
                    Partners who own it
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.stage} className="border-t border-slate-100" data-testid={`funnel-row-${r.stage}`}>
                    <th scope="row" className={`${td} text-left font-medium capitalize`}>
                      {r.stage}
                      <span className="block text-xs font-normal normal-case text-slate-500">
                        {r.touchpoints} touchpoint{r.touchpoints === 1 ? "" : "s"}
                      </span>
                    </th>
                    <td className={td} data-testid="reached">
                      {num(r.customersReached)}
                    </td>
                    <td className={td} data-testid="interactions">
                      {num(r.interactions)}
                    </td>
                    <td className={td} data-testid="conversion">
                      {pct(r.conversionRate)}
                      <span className="block text-xs text-slate-500">
                        {num(r.converted)} of {num(r.customersReached)} on to {r.next}
                      </span>
                    </td>
                    <td className={td}>{formatMoney(r.equity, currency)}</td>
                    <td className={td} data-testid="incidents">
                      {num(r.incidents)}
                    </td>
                    <td className={td}>{formatMoney(r.equityAtRisk, currency)}</td>
                    <td className={td}>
                      {r.owners.length === 0 ? (
                        <span className="text-slate-500">No partner</span>
                      ) : (
                        <ul className="space-y-0.5">
                          {r.owners.slice(0, 6).map((p) => (
                            <li key={p.id}>
                              <Link href={`${base}/partners/${p.id}`} className="text-brand-700 hover:underline">
                                {p.name}
                              </Link>
                            </li>
                          ))}
                          {r.owners.length > 6 && <li className="text-slate-500">and {r.owners.length - 6} more</li>}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollCard>
        </>
      )}
      <Card className="space-y-2 p-5 text-sm text-slate-700" data-testid="funnel-definitions">
        <h2 className="font-semibold text-slate-900">How these figures are computed</h2>
        <p>
          <strong>Conversion to the next stage:</strong> {CONVERSION_DEFINITION} The latest month can still rise for{" "}
          {CONVERSION_WINDOW_DAYS} days.
        </p>
        <p>
          <strong>Equity:</strong> the sum of the lifetime values of the customers reached at the stage.{" "}
          <strong>Incidents and equity at risk:</strong> incidents opened in the month at the stage&apos;s touchpoints,
          and the customer value they put at risk (the affected customers&apos; CLV × the chance they stop buying).{" "}
          <strong>Partners who own it:</strong> the partners assigned to, or accountable for, the stage&apos;s
          touchpoints.
        </p>
      </Card>
    </>
  );
}
