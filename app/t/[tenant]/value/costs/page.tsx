import type { Metadata } from "next";
import Link from "next/link";
import { requireSteward } from "@/lib/auth/guards";
import { loadCostOfFailurePage } from "@/lib/costs/pages";
import { formatMonth } from "@/lib/months";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader, ScrollCard } from "@/components/ui/card";
import { HelpDisclosure } from "@/components/ui/help-disclosure";
import { Pagination } from "@/components/ui/pagination";
import { formatMoney, formatPercent } from "../format";
import { rowClass, thClass, theadClass } from "../rollup-table";
import { ParetoChart } from "./pareto-chart";

export const metadata: Metadata = { title: "Cost of failure" };

const PAGE_SIZE = 25;

export default async function CostOfFailurePage({ params, searchParams }: PageProps<"/t/[tenant]/value/costs">) {
  const { tenant } = await params;
  const query = await searchParams;
  const access = await requireSteward(tenant, "workspace:read");
  const { currency } = access.tenant;
  const data = await loadCostOfFailurePage(access.tenant.id);
  const money = (v: number) => formatMoney(v, currency);
  const page = Math.max(1, Number.parseInt(typeof query.page === "string" ? query.page : "1", 10) || 1);
  const pageCount = Math.max(1, Math.ceil(data.rows.length / PAGE_SIZE));
  const rows = data.rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const firstMonth = formatMonth(data.from);
  const risk = data.pareto.reduce((s, r) => s + r.value, 0);
  const eighty = data.pareto.findIndex((r) => r.cumulativeShare >= 0.8) + 1;
  const summary =
    data.pareto.length === 0
      ? "No equity at risk from incidents in these months."
      : `${data.pareto.length} causes put ${money(risk)} of customer equity at risk; the top ${eighty} account for ${formatPercent(data.pareto[eighty - 1]?.cumulativeShare ?? 1)} of it, led by “${data.pareto[0].label}” (${formatPercent(data.pareto[0].share)}).`;
  const totals = [
    ["Refunds", data.totals.refunds],
    ["Reshipment", data.totals.reshipment],
    ["Credits", data.totals.credits],
    ["Handling", data.totals.handling],
    ["Total", data.totals.total],
  ] as const;
  return (
    <div className="space-y-8">
      <PageHeader
        title="Cost of failure"
        description={`What incidents opened since ${firstMonth} cost in refunds, reshipment, credits and handling, and which root causes put the most customer equity at risk.`}
        actions={
          <div className="flex flex-wrap gap-2">
            <Link href={`/t/${tenant}/value`} className={buttonClass("secondary")}>
              Customers & value
            </Link>
            <Link href={`/t/${tenant}/settings/causes`} className={buttonClass("ghost")}>
              Root causes
            </Link>
          </div>
        }
      />
      <section aria-labelledby="totals-heading" className="space-y-3">
        <h2 id="totals-heading" className="text-lg font-semibold">
          Costs of {data.totals.incidents.toLocaleString("en")} incidents since {firstMonth}
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5" data-testid="cost-totals">
          {totals.map(([label, value]) => (
            <Card key={label} className="p-4">
              <dt className="text-xs text-slate-600">{label}</dt>
              <dd className="mt-1 text-lg font-semibold tabular-nums">{money(value)}</dd>
            </Card>
          ))}
        </dl>
        <p className="text-xs text-slate-600">
          The amounts recorded on each incident (refunds paid, goods sent again, credits given, time spent handling it),
          added up. The cost of the customers who leave is not in them: that is the equity at risk below.
        </p>
      </section>

      <section aria-labelledby="pareto-heading" className="space-y-3">
        <h2 id="pareto-heading" className="flex items-center gap-2 text-lg font-semibold">
          Root causes by equity at risk <HelpDisclosure topic="equityAtRisk" base={`/t/${tenant}`} />
        </h2>
        {!data.hasCauses && (
          <p className="text-sm text-slate-600">
            No root-cause list yet: every incident counts as “No cause chosen”.{" "}
            <Link className="text-brand-700 underline" href={`/t/${tenant}/settings/causes`}>
              Set up root causes
            </Link>
            .
          </p>
        )}
        {data.pareto.length === 0 ? (
          <EmptyState title="No equity at risk">
            Incidents with customers valued at the latest recompute appear here.
          </EmptyState>
        ) : (
          <>
            <ParetoChart data={data.pareto} currency={currency} summary={summary} />
            <ScrollCard label="Root causes by equity at risk">
              <table className="w-full text-left text-sm" data-testid="pareto">
                <thead className={theadClass}>
                  <tr>
                    <th className={thClass}>Cause</th>
                    <th className={thClass}>Category</th>
                    <th className={`${thClass} text-right`}>Incidents</th>
                    <th className={`${thClass} text-right`}>Equity at risk</th>
                    <th className={`${thClass} text-right`}>Share</th>
                    <th className={`${thClass} text-right`}>Cumulative</th>
                  </tr>
                </thead>
                <tbody>
                  {data.pareto.map((r) => (
                    <tr key={r.key} className={rowClass}>
                      <td className="px-4 py-2">{r.label}</td>
                      <td className="px-4 py-2 text-slate-600">{r.category}</td>
                      <td className="px-4 py-2 text-right tabular-nums">{r.incidents}</td>
                      <td className="px-4 py-2 text-right tabular-nums">{money(r.value)}</td>
                      <td className="px-4 py-2 text-right tabular-nums">{formatPercent(r.share, 1)}</td>
                      <td className="px-4 py-2 text-right tabular-nums">{formatPercent(r.cumulativeShare, 1)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollCard>
            <p className="text-xs text-slate-600">
              Share: the cause&apos;s part of all equity at risk. Cumulative: the running total from the top, so the
              first rows that reach 80% are the few causes behind most of the damage.
            </p>
          </>
        )}
      </section>

      <section aria-labelledby="by-month-heading" className="space-y-3">
        <h2 id="by-month-heading" className="text-lg font-semibold">
          By month, partner and touchpoint
        </h2>
        {rows.length === 0 ? (
          <EmptyState title="No incidents in these months" />
        ) : (
          <ScrollCard label="Costs by month, partner and touchpoint">
            <table className="w-full text-left text-sm" data-testid="cost-rows">
              <thead className={theadClass}>
                <tr>
                  <th className={thClass}>Month</th>
                  <th className={thClass}>Partner</th>
                  <th className={thClass}>Touchpoint</th>
                  <th className={`${thClass} text-right`}>Incidents</th>
                  <th className={`${thClass} text-right`}>Refunds</th>
                  <th className={`${thClass} text-right`}>Reshipment</th>
                  <th className={`${thClass} text-right`}>Credits</th>
                  <th className={`${thClass} text-right`}>Handling</th>
                  <th className={`${thClass} text-right`}>Total</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={`${r.month}:${r.partnerId}:${r.touchpointId}`} className={rowClass}>
                    <td className="px-4 py-2">{r.month}</td>
                    <td className="px-4 py-2">{r.partner}</td>
                    <td className="px-4 py-2">{r.touchpoint}</td>
                    <td className="px-4 py-2 text-right tabular-nums">{r.incidents}</td>
                    <td className="px-4 py-2 text-right tabular-nums">{money(r.refunds)}</td>
                    <td className="px-4 py-2 text-right tabular-nums">{money(r.reshipment)}</td>
                    <td className="px-4 py-2 text-right tabular-nums">{money(r.credits)}</td>
                    <td className="px-4 py-2 text-right tabular-nums">{money(r.handling)}</td>
                    <td className="px-4 py-2 text-right font-medium tabular-nums">{money(r.total)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollCard>
        )}
        <Pagination
          page={Math.min(page, pageCount)}
          pageCount={pageCount}
          total={data.rows.length}
          hrefFor={(p) => `/t/${tenant}/value/costs${p > 1 ? `?page=${p}` : ""}`}
          label="rows"
        />
      </section>
    </div>
  );
}
