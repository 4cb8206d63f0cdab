import type { Metadata } from "next";
import Link from "next/link";
import { requireSteward } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { withTenant } from "@/lib/db/scope";
import { getTenantSettings } from "@/lib/tenants/settings";
import { equityRollups, equityTrend } from "@/lib/value/rollups";
import { equityAtRiskRollup, equityAtRiskWindow } from "@/lib/value/equity-at-risk";
import { latestRecomputeJob } from "@/lib/value/recompute-job";
import { formatMonth } from "@/lib/value/tenant-data";
import type { HoldoutCheck, RetentionSegment } from "@/lib/value/tenant-models";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { EquityTrendChart, HoldoutChart, RollupBarChart } from "../charts";
import { formatMoney, formatNumber, formatPercent } from "../format";
import { RecomputePanel } from "../recompute-panel";
import { RollupTable, rowClass, thClass, theadClass } from "../rollup-table";

export const metadata: Metadata = { title: "Customers & value" };

const MODEL_LABEL = { BG_NBD: "BG/NBD + Gamma-Gamma (non-contractual)", RETENTION: "Retention model (contractual)" } as const;

export default async function ValuePage({ params, searchParams }: PageProps<"/t/[tenant]/value">) {
  const { tenant } = await params;
  const query = await searchParams;
  const access = await requireSteward(tenant, "workspace:read");
  const tenantId = access.tenant.id;
  const { currency } = access.tenant;
  // The same window as the dashboard's tile (lib/value/equity-at-risk.ts), named next to each figure.
  const riskWindow = equityAtRiskWindow();
  const mayRecompute = can(access.membership.role, "value:recompute");
  const data = await withTenant({ tenantId }, async (db) => {
    const settings = (await getTenantSettings(db, tenantId)).value;
    const trend = await equityTrend(db, tenantId);
    const months = trend.map((t) => formatMonth(t.asOf));
    const wanted = typeof query.month === "string" && months.includes(query.month) ? query.month : months.at(-1);
    const point = trend.find((t) => formatMonth(t.asOf) === wanted);
    const job = await latestRecomputeJob(db, tenantId);
    if (!point) return { settings, trend, months, job, month: null } as const;
    const asOf = point.asOf;
    return {
      settings,
      trend,
      months,
      job,
      month: wanted!,
      rollups: await equityRollups(db, tenantId, asOf),
      fit: await db.clvFit.findFirst({ where: { tenantId, asOf }, orderBy: { createdAt: "desc" } }),
      riskByPartner: await equityAtRiskRollup(db, tenantId, "partner", { asOf, from: riskWindow.from }),
      riskByTouchpoint: await equityAtRiskRollup(db, tenantId, "touchpoint", { asOf, from: riskWindow.from }),
    } as const;
  });
  const base = `/t/${tenant}/value`;
  const running = data.job && (data.job.status === "QUEUED" || data.job.status === "RUNNING") ? data.job.id : null;
  const header = (
    <PageHeader
      title="Customers & value"
      description="Customer lifetime value (CLV), customer equity — the sum of the CLVs — by partner, touchpoint, segment and channel, and the equity put at risk by incidents."
      actions={
        <div className="flex gap-2">
          <Link href={`${base}/customers`} className={buttonClass("secondary")}>
            Browse customers
          </Link>
          <Link href={`/t/${tenant}/settings/value`} className={buttonClass("ghost")}>
            Value settings
          </Link>
        </div>
      }
    />
  );
  const recompute = mayRecompute ? (
    <Card className="p-5">
      <h2 className="mb-3 text-base font-semibold">Recompute</h2>
      <RecomputePanel tenantSlug={tenant} defaultMonth={formatMonth(new Date())} runningJobId={running} />
      <p className="mt-3 text-xs text-slate-500">
        Fits the model on all transactions up to the end of the month and stores a CLV snapshot per customer. A rerun with no new
        transactions and unchanged settings is skipped; otherwise only changed values are rewritten.
      </p>
    </Card>
  ) : null;

  if (!data.month) {
    return (
      <div className="space-y-6">
        {header}
        <EmptyState title="No customer values yet">
          {mayRecompute ? "Recompute customer values to fit the model on your transactions." : "A steward has not computed customer values yet."}
        </EmptyState>
        {recompute}
      </div>
    );
  }

  const { rollups, fit, riskByPartner, riskByTouchpoint, settings } = data;
  const total = rollups.total.equity;
  const quality = (fit?.quality ?? {}) as { holdout?: HoldoutCheck; segments?: RetentionSegment[]; bgnbd?: { degenerate?: boolean } };
  const fitParams = (fit?.params ?? {}) as {
    unit?: string;
    bgnbd?: { r: number; alpha: number; a: number; b: number };
    gammaGamma?: { p: number; q: number; gamma: number } | null;
    horizonMonths?: number;
    annualDiscountRate?: number;
  };
  const partnerHref = (key: string | null) => (key ? `/t/${tenant}/partners/${key}` : undefined);
  const totalRisk = riskByPartner.reduce((s, r) => s + r.equityAtRisk, 0);

  return (
    <div className="space-y-8">
      {header}
      <section aria-labelledby="equity-heading" className="grid gap-4 lg:grid-cols-3">
        <Card className="p-5">
          <h2 id="equity-heading" className="text-sm font-medium text-slate-500">
            Customer equity, {data.month}
          </h2>
          <p className="mt-1 text-3xl font-semibold tabular-nums" data-testid="equity-total">
            {formatMoney(total, currency)}
          </p>
          <p className="mt-1 text-sm text-slate-600">
            {rollups.total.customers.toLocaleString("en")} customers · average CLV {formatMoney(rollups.total.customers ? total / rollups.total.customers : 0, currency)}
          </p>
          <p className="mt-1 text-sm text-slate-600">
            Equity at risk from {riskWindow.label}:{" "}
            <span data-testid="value-at-risk" data-amount={Math.round(totalRisk)}>
              {formatMoney(totalRisk, currency)}
            </span>
          </p>
          {data.months.length > 1 && (
            <nav aria-label="Snapshot month" className="mt-3 flex flex-wrap gap-1 text-xs">
              {data.months.map((m) => (
                <Link key={m} href={`${base}?month=${m}`} aria-current={m === data.month ? "page" : undefined} className={`rounded px-2 py-1 ${m === data.month ? "bg-brand-600 text-white" : "bg-slate-100 text-slate-700 hover:bg-slate-200"}`}>
                  {m}
                </Link>
              ))}
            </nav>
          )}
        </Card>
        <Card className="p-5 lg:col-span-2">
          <h2 className="mb-2 text-sm font-medium text-slate-500">Equity trend (snapshot per month)</h2>
          <EquityTrendChart currency={currency} data={data.trend.map((t) => ({ month: formatMonth(t.asOf), equity: Math.round(t.equity) }))} />
        </Card>
      </section>

      {recompute}

      <section aria-labelledby="model-heading" className="grid gap-4 lg:grid-cols-2">
        <Card className="p-5">
          <h2 id="model-heading" className="text-base font-semibold">
            Model
          </h2>
          <p className="mt-1 text-sm text-slate-700" data-testid="model-in-use">
            {fit ? MODEL_LABEL[fit.model] : "—"}
            {fit && fit.model !== settings.model && ` (settings now say ${MODEL_LABEL[settings.model]}: recompute to switch)`}
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
          {fit?.model === "BG_NBD" && (
            <p className="mt-3 text-xs text-slate-600">
              Time unit {fitParams.unit}; horizon {fitParams.horizonMonths} months; discount {formatPercent(fitParams.annualDiscountRate, 1)} a year. Log-likelihood{" "}
              {fit.logLikelihood?.toFixed(1)}, {fit.converged ? "converged" : "did not converge"} in {fit.iterations} iterations
              {quality.bgnbd?.degenerate ? "; a parameter ran to its bound: treat predictions with care" : ""}.
              {!fitParams.gammaGamma && " Too few repeat buyers for Gamma-Gamma: the average margin per purchase is used."}
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
              m: margin in the last 12 months per customer active in them; r: share of the customers active 13–24 months ago who bought again in the last 12
              (capped at 95 %; * the segment had no such customers, the workspace-wide rate is used); d: {formatPercent(fitParams.annualDiscountRate, 1)}. Customers
              without a purchase in the last 12 months are worth 0.
            </p>
          )}
        </Card>
        <Card className="p-5">
          <h2 className="text-base font-semibold">Fit quality</h2>
          {quality.holdout ? (
            <>
              <p className="mt-1 text-xs text-slate-600">
                The model refitted on the history before {new Date(quality.holdout.splitDay * 86_400_000).toISOString().slice(0, 10)} (
                {quality.holdout.calibrationCustomers.toLocaleString("en")} customers) predicts their repeat purchases in each following 4-week period; compare with what they did.
              </p>
              <HoldoutChart data={quality.holdout.periods.map((p) => ({ period: `Weeks ${4 * p.period - 3}–${4 * p.period}`, observed: p.observed, expected: p.expected }))} />
            </>
          ) : (
            <p className="mt-1 text-sm text-slate-600">
              {fit?.model === "RETENTION" ? "The retention model is derived directly from year-over-year activity: no holdout check." : "Not enough history for a holdout check (it needs at least 12 weeks)."}
            </p>
          )}
        </Card>
      </section>

      <section aria-labelledby="rollups-heading" className="space-y-6">
        <h2 id="rollups-heading" className="text-lg font-semibold">
          Customer equity by…
        </h2>
        <div className="space-y-2">
          <h3 className="font-medium">Serving partner</h3>
          <p className="text-sm text-slate-600">
            Each customer&apos;s CLV is split over the partners that served them in proportion to the margin they served, so the rows add up to the total. The last column
            gives the full CLV of every customer a partner served at least once.
          </p>
          <div className="grid gap-4 lg:grid-cols-2">
            <RollupTable currency={currency} caption="Equity by serving partner" testId="rollup-serving" rows={rollups.byServingPartner.map((r) => ({ ...r, href: partnerHref(r.key) }))} total={total} showServed />
            <Card className="p-4">
              <RollupBarChart currency={currency} data={rollups.byServingPartner} label="Equity by serving partner" />
            </Card>
          </div>
        </div>
        <div className="grid gap-6 lg:grid-cols-2">
          <div className="space-y-2">
            <h3 className="font-medium">Acquiring partner</h3>
            <p className="text-sm text-slate-600">The whole CLV of each customer goes to the partner that acquired them.</p>
            <RollupTable currency={currency} caption="Equity by acquiring partner" testId="rollup-acquiring" rows={rollups.byAcquiringPartner.map((r) => ({ ...r, href: partnerHref(r.key) }))} total={total} />
          </div>
          <div className="space-y-2">
            <h3 className="font-medium">Touchpoint</h3>
            <p className="text-sm text-slate-600">CLV split by the customer&apos;s share of interactions at each touchpoint.</p>
            <RollupTable currency={currency} caption="Equity by touchpoint" testId="rollup-touchpoint" rows={rollups.byTouchpoint} total={total} />
          </div>
          <div className="space-y-2">
            <h3 className="font-medium">Segment</h3>
            <RollupTable currency={currency} caption="Equity by segment" testId="rollup-segment" rows={rollups.bySegment} total={total} />
            <Card className="p-4">
              <RollupBarChart currency={currency} data={rollups.bySegment} label="Equity by segment" />
            </Card>
          </div>
          <div className="space-y-2">
            <h3 className="font-medium">Channel</h3>
            <p className="text-sm text-slate-600">CLV split by the margin bought through each channel.</p>
            <RollupTable currency={currency} caption="Equity by channel" testId="rollup-channel" rows={rollups.byChannel} total={total} />
            <Card className="p-4">
              <RollupBarChart currency={currency} data={rollups.byChannel} label="Equity by channel" />
            </Card>
          </div>
        </div>
      </section>

      <section aria-labelledby="risk-heading" className="space-y-2">
        <h2 id="risk-heading" className="text-lg font-semibold">
          Equity at risk from {riskWindow.label}
        </h2>
        <p className="text-sm text-slate-600">
          For each incident: the CLV of the affected customer (or, for customers not named, the average CLV of the partner&apos;s customers) times the probability that
          such a customer leaves after a bad experience ({formatPercent(settings.churnProbability.B2B)} B2B, {formatPercent(settings.churnProbability.B2C)} B2C).
        </p>
        {riskByPartner.length === 0 ? (
          <EmptyState title="No incidents recorded" />
        ) : (
          <div className="grid gap-4 lg:grid-cols-2">
            <RiskTable currency={currency} caption="By partner" rows={riskByPartner} testId="risk-partner" />
            <RiskTable currency={currency} caption="By touchpoint" rows={riskByTouchpoint} testId="risk-touchpoint" />
          </div>
        )}
      </section>
    </div>
  );
}

type RiskRow = { key: string; label: string; incidents: number; customersAffected: number; equityAtRisk: number };

function RiskTable({ caption, rows, testId, currency }: { caption: string; rows: RiskRow[]; testId: string; currency: string }) {
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
              <td className="px-4 py-2 text-right tabular-nums">{formatMoney(r.equityAtRisk, currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
