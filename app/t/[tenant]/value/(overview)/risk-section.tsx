import type { ValueOverviewMonth as Overview } from "@/lib/value/pages";
import { Card, EmptyState } from "@/components/ui/card";
import { formatMoney, formatPercent } from "../format";
import { rowClass, thClass, theadClass } from "../rollup-table";

/** Equity at risk from incidents, by partner and by touchpoint. */
export function RiskSection({ settings, riskByPartner, riskByTouchpoint }: Pick<Overview, "settings" | "riskByPartner" | "riskByTouchpoint">) {
  return (
    <section aria-labelledby="risk-heading" className="space-y-2">
      <h2 id="risk-heading" className="text-lg font-semibold">
        Equity at risk from incidents
      </h2>
      <p className="text-sm text-slate-600">
        For each incident: the CLV of the affected customer (or, for customers not named, the average CLV of the partner&apos;s customers) times the probability that
        such a customer leaves after a bad experience ({formatPercent(settings.churnProbability.B2B)} B2B, {formatPercent(settings.churnProbability.B2C)} B2C).
      </p>
      {riskByPartner.length === 0 ? (
        <EmptyState title="No incidents recorded" />
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          <RiskTable caption="By partner" rows={riskByPartner} testId="risk-partner" />
          <RiskTable caption="By touchpoint" rows={riskByTouchpoint} testId="risk-touchpoint" />
        </div>
      )}
    </section>
  );
}

function RiskTable({ caption, rows, testId }: { caption: string; rows: { key: string; label: string; incidents: number; customersAffected: number; equityAtRisk: number }[]; testId: string }) {
  return (
    <Card className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid={testId}>
        <caption className="px-4 py-2 text-left font-medium">{caption}</caption>
        <thead className={theadClass}>
          <tr>
            <th className={thClass}>Name</th>
            <th className={`${thClass} text-right`}>Incidents</th>
            <th className={`${thClass} text-right`}>Customers affected</th>
            <th className={`${thClass} text-right`}>Equity at risk</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className={rowClass}>
              <td className="px-4 py-2 font-medium">{r.label}</td>
              <td className="px-4 py-2 text-right tabular-nums">{r.incidents.toLocaleString("en")}</td>
              <td className="px-4 py-2 text-right tabular-nums">{r.customersAffected.toLocaleString("en")}</td>
              <td className="px-4 py-2 text-right tabular-nums">{formatMoney(r.equityAtRisk)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
