import type { ValueOverviewMonth as Overview } from "@/lib/value/pages";
import type { HoldoutCheck, RetentionSegment } from "@/lib/value/tenant-models";
import { fitMeaning, type FitMeaning } from "@/lib/value/fit-meaning";
import type { TimeUnit } from "@/lib/value/models/time-units";
import { Card } from "@/components/ui/card";
import { HoldoutChart } from "../charts";
import { formatMoney, formatMoney2, formatNumber, formatPercent } from "../format";
import { rowClass, thClass, theadClass } from "../rollup-table";

const MODEL_LABEL = {
  BG_NBD: "BG/NBD + Gamma-Gamma (non-contractual)",
  RETENTION: "Retention model (contractual)",
} as const;

/** The basis every CLV on the value pages is on, in plain words. */
function clvBasisText(model: string | undefined, basis: { share: number; longestMonths?: number } | undefined): string {
  if (model === "RETENTION")
    return "CLV basis: lifetime — the retention formula discounts every future year, with no horizon.";
  if (!basis)
    return "CLV basis: this fit predates lifetime values and stops at its horizon; recompute to put it on the lifetime basis.";
  const longest = basis.longestMonths ? ` (the longest customer needed ${basis.longestMonths} months)` : "";
  return `CLV basis: lifetime — each customer's discounted purchases are summed month by month until at least ${Math.round(basis.share * 100)} % of their lifetime value is counted${longest}, the same basis as the retention model.`;
}

/** The fitted parameters read as what an average customer does (the letters alone mean nothing to a reader). */
function FitInPlainWords({ meaning, currency }: { meaning: FitMeaning; currency: string }) {
  return (
    <p className="mt-3 text-sm text-slate-700" data-testid="fit-meaning">
      In plain words: while still a customer, an average customer buys about {formatNumber(meaning.purchasesPerYear, 2)}{" "}
      times a year (r ÷ α; the smaller r, the more customers differ from each other), and after each purchase{" "}
      {formatPercent(meaning.dropoutAfterPurchase, 0)} of customers stop buying for good (a ÷ (a + b)).
      {meaning.marginPerPurchase !== null &&
        ` A purchase brings ${formatMoney2(meaning.marginPerPurchase, currency)} of margin on average (p × γ ÷ (q − 1)).`}
    </p>
  );
}

/** The model in use with its fitted parameters, and how well it predicted a holdout period. */
export function ModelSection({ fit, settings, currency }: Pick<Overview, "fit" | "settings"> & { currency: string }) {
  const quality = (fit?.quality ?? {}) as {
    holdout?: HoldoutCheck;
    segments?: RetentionSegment[];
    bgnbd?: { degenerate?: boolean };
    fallbackReason?: string;
  };
  const fitParams = (fit?.params ?? {}) as {
    unit?: TimeUnit;
    bgnbd?: { r: number; alpha: number; a: number; b: number };
    gammaGamma?: { p: number; q: number; gamma: number } | null;
    horizonMonths?: number;
    annualDiscountRate?: number;
    clvBasis?: { share: number; longestMonths?: number };
  };
  return (
    <section aria-labelledby="model-heading" className="grid gap-4 *:min-w-0 lg:grid-cols-2">
      <Card className="p-5">
        <h2 id="model-heading" className="text-base font-semibold">
          Model
        </h2>
        <p className="mt-1 text-sm text-slate-700" data-testid="model-in-use">
          {fit ? MODEL_LABEL[fit.model] : "—"}
          {fit &&
            fit.model !== settings.model &&
            ` (settings now say ${MODEL_LABEL[settings.model]}: recompute to switch)`}
        </p>
        {fit?.model === "BG_NBD" && fitParams.bgnbd && (
          <dl className="mt-3 grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4" data-testid="fit-params">
            {(["r", "alpha", "a", "b"] as const).map((k) => (
              <div key={k}>
                <dt className="text-xs text-slate-500">{k === "alpha" ? "α" : k}</dt>
                <dd className="tabular-nums">{formatNumber(fitParams.bgnbd![k])}</dd>
              </div>
            ))}
            {fitParams.gammaGamma &&
              (["p", "q", "gamma"] as const).map((k) => (
                <div key={k}>
                  <dt className="text-xs text-slate-500">{k === "gamma" ? "γ" : k} (spend)</dt>
                  <dd className="tabular-nums">{formatNumber(fitParams.gammaGamma![k])}</dd>
                </div>
              ))}
          </dl>
        )}
        {fit?.model === "BG_NBD" && fitParams.bgnbd && (
          <FitInPlainWords
            meaning={fitMeaning(fitParams.unit ?? "weeks", fitParams.bgnbd, fitParams.gammaGamma)}
            currency={currency}
          />
        )}
        {quality.fallbackReason && (
          <p className="mt-3 rounded-md bg-amber-50 p-2 text-sm text-amber-900" data-testid="model-fallback">
            {quality.fallbackReason}
          </p>
        )}
        <p className="mt-3 text-xs text-slate-600" data-testid="clv-basis">
          {clvBasisText(fit?.model, fitParams.clvBasis)}
        </p>
        {fit?.model === "BG_NBD" && (
          <p className="mt-3 text-xs text-slate-600">
            Time unit {fitParams.unit}; expected purchases over the next {fitParams.horizonMonths} months; discount{" "}
            {formatPercent(fitParams.annualDiscountRate, 1)} a year. Log-likelihood {fit.logLikelihood?.toFixed(1)},{" "}
            {fit.converged ? "converged" : "did not converge"} in {fit.iterations} iterations.
            {!fitParams.gammaGamma &&
              " Too few repeat buyers for Gamma-Gamma: the average margin per purchase is used."}
          </p>
        )}
        {fit?.model === "RETENTION" && quality.segments && (
          <table className="mt-3 w-full text-left text-sm">
            <thead className={theadClass}>
              <tr>
                <th className={thClass}>Segment</th>
                <th className={`${thClass} text-right`}>Margin m / year</th>
                <th className={`${thClass} text-right`}>Retention r</th>
                <th className={`${thClass} text-right`}>CLV m·r/(1+d−r)</th>
              </tr>
            </thead>
            <tbody>
              {quality.segments.map((s) => (
                <tr key={s.segment} className={rowClass}>
                  <td className="px-4 py-2">{s.segment}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{formatMoney(s.margin, currency)}</td>
                  <td className="px-4 py-2 text-right tabular-nums">
                    {formatPercent(s.retention, 1)}
                    {s.retentionFromTenant ? " *" : ""}
                  </td>
                  <td className="px-4 py-2 text-right tabular-nums">{formatMoney(s.clvPerActive, currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {fit?.model === "RETENTION" && (
          <p className="mt-3 text-xs text-slate-600">
            m: margin in the last 12 months per customer active in them; r: share of the customers active 13–24 months
            ago who bought again in the last 12 (capped at 95 %; * the segment had no such customers, the workspace-wide
            rate is used); d: {formatPercent(fitParams.annualDiscountRate, 1)}. Customers without a purchase in the last
            12 months are worth 0.
          </p>
        )}
      </Card>
      <Card className="p-5">
        <h2 className="text-base font-semibold">Fit quality</h2>
        {quality.holdout ? (
          <>
            <p className="mt-1 text-xs text-slate-600">
              The model refitted on the history before{" "}
              {new Date(quality.holdout.splitDay * 86_400_000).toISOString().slice(0, 10)} (
              {quality.holdout.calibrationCustomers.toLocaleString("en")} customers) predicts their repeat purchases in
              each following 4-week period; compare with what they did.
            </p>
            <HoldoutChart
              data={quality.holdout.periods.map((p) => ({
                period: `Weeks ${4 * p.period - 3}–${4 * p.period}`,
                observed: p.observed,
                expected: p.expected,
              }))}
            />
          </>
        ) : (
          <p className="mt-1 text-sm text-slate-600">
            {fit?.model === "RETENTION"
              ? "The retention model is derived directly from year-over-year activity: no holdout check."
              : "Not enough history for a holdout check (it needs at least 12 weeks)."}
          </p>
        )}
      </Card>
    </section>
  );
}
