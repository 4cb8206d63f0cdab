import type { ValueOverviewMonth as Overview } from "@/lib/value/pages";
import { EmptyState, ScrollCard } from "@/components/ui/card";
import { effectiveChurn } from "@/lib/tenants/settings";
import { formatMoney } from "../format";
import { rowClass, thClass, theadClass } from "../rollup-table";

/** Equity at risk from incidents, by partner and by touchpoint. */
type Props = Pick<Overview, "settings" | "riskByPartner" | "riskByTouchpoint"> & {
  currency: string;
  riskLabel: string;
};

export function RiskSection({ settings, riskByPartner, riskByTouchpoint, currency, riskLabel }: Props) {
  return (
    <section aria-labelledby="risk-heading" className="space-y-2">
      <h2 id="risk-heading" className="text-lg font-semibold">
        Equity at risk from {riskLabel}
      </h2>
      <p className="text-sm text-slate-600">
        For each incident: the CLV of the affected customer (or, for customers not named, the average CLV of the
        partner&apos;s customers) times the probability that such a customer leaves after a bad experience.{" "}
        <span data-testid="churn-basis">Basis: {effectiveChurn(settings).label}.</span>
      </p>
      {riskByPartner.length === 0 ? (
        <EmptyState title="No incidents recorded" />
      ) : (
        <div className="grid gap-4 *:min-w-0 lg:grid-cols-2">
          <RiskTable currency={currency} caption="By partner" rows={riskByPartner} testId="risk-partner" />
          <RiskTable currency={currency} caption="By touchpoint" rows={riskByTouchpoint} testId="risk-touchpoint" />
        </div>
      )}
    </section>
  );
}

type RiskRow = { key: string; label: string; incidents: number; customersAffected: number; equityAtRisk: number };

function RiskTable({
  caption,
  rows,
  testId,
  currency,
}: {
  caption: string;
  rows: RiskRow[];
  testId: string;
  currency: string;
}) {
  return (
    <ScrollCard label={caption}>
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
              <td className="px-4 py-2 text-right tabular-nums">{formatMoney(r.equityAtRisk, currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollCard>
  );
}
