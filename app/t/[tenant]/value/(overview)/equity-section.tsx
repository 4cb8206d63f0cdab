import Link from "next/link";
import type { ValueOverviewMonth as Overview } from "@/lib/value/pages";
import { formatMonth } from "@/lib/months";
import { Card } from "@/components/ui/card";
import { HelpDisclosure } from "@/components/ui/help-disclosure";
import { EquityTrendChart } from "../charts";
import { formatMoney } from "../format";

/** Customer equity of the month (with the month picker) beside the equity trend. */
type Props = { data: Overview; base: string; tenant: string; totalRisk: number; currency: string; riskLabel: string };

export function EquitySection({ data, base, tenant, totalRisk, currency, riskLabel }: Props) {
  const { rollups } = data;
  const total = rollups.total.equity;
  return (
    <section aria-labelledby="equity-heading" className="grid gap-4 lg:grid-cols-3">
      <Card className="p-5">
        <h2 id="equity-heading" className="text-sm font-medium text-slate-500">
          Customer equity, {data.month} <HelpDisclosure topic="customerEquity" base={`/t/${tenant}`} />
        </h2>
        <p className="mt-1 text-3xl font-semibold tabular-nums" data-testid="equity-total">
          {formatMoney(total, currency)}
        </p>
        <p className="mt-1 text-sm text-slate-600">
          {rollups.total.customers.toLocaleString("en")} customers · average CLV{" "}
          {formatMoney(rollups.total.customers ? total / rollups.total.customers : 0, currency)}{" "}
          <HelpDisclosure topic="clv" base={`/t/${tenant}`} />
        </p>
        <p className="mt-1 text-sm text-slate-600">
          Equity at risk from {riskLabel}:{" "}
          <span data-testid="value-at-risk" data-amount={Math.round(totalRisk)}>
            {formatMoney(totalRisk, currency)}
          </span>{" "}
          <HelpDisclosure topic="equityAtRisk" base={`/t/${tenant}`} />
        </p>
        {data.months.length > 1 && (
          <nav aria-label="Snapshot month" className="mt-3 flex flex-wrap gap-1 text-xs">
            {data.months.map((m) => (
              <Link
                key={m}
                href={`${base}?month=${m}`}
                aria-current={m === data.month ? "page" : undefined}
                className={`rounded px-2 py-1 ${m === data.month ? "bg-brand-600 text-white" : "bg-slate-100 text-slate-700 hover:bg-slate-200"}`}
              >
                {m}
              </Link>
            ))}
          </nav>
        )}
      </Card>
      <Card className="p-5 lg:col-span-2">
        <h2 className="mb-2 text-sm font-medium text-slate-500">Equity trend (snapshot per month)</h2>
        <EquityTrendChart
          currency={currency}
          data={data.trend.map((t) => ({ month: formatMonth(t.asOf), equity: Math.round(t.equity) }))}
        />
      </Card>
    </section>
  );
}
