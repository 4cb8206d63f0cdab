import type { Metadata } from "next";
import Link from "next/link";
import { cache, Suspense } from "react";
import { requireSteward } from "@/lib/auth/guards";
import { cachedDashboard } from "@/lib/dashboard/cache";
import { formatMonth } from "@/lib/months";
import { RECOMMENDATION_LABELS, RECOMMENDATIONS } from "@/lib/scorecards/combine";
import { Card, PageHeader } from "@/components/ui/card";
import { EquityTrendChart } from "@/app/t/[tenant]/value/charts";
import {
  IncidentsByTouchpointChart,
  Legend,
  QuadrantChart,
  RECOMMENDATION_COLORS,
  ScoreDistributionChart,
} from "@/components/dashboard/charts";
import { formatMoney } from "@/lib/workspace/money";
import { Change } from "@/components/scorecards/labels";
import { SetupBanner } from "@/components/onboarding/setup-banner";

export const metadata: Metadata = { title: "Dashboard" };

const money = (v: number, currency: string) => formatMoney(v, currency, { compact: true });

// Every section's figures come from one query in one tenant transaction (lib/dashboard/overview.ts), read once
// per request (the sections share it) through a short per-tenant cache with explicit invalidation
// (lib/dashboard/cache.ts). bench/scorecards.ts measures exactly this call, and the query alone.
const loadDashboard = cache((tenantId: string) => cachedDashboard(tenantId));
const loadEquity = async (tenantId: string) => (await loadDashboard(tenantId)).equity;
const loadIncidents = async (tenantId: string) => (await loadDashboard(tenantId)).incidents;

type TileProps = { label: string; value: string; detail: string; href: string; testId: string; amount?: number | null };

function Tile({ label, value, detail, href, testId, amount }: TileProps) {
  return (
    <Link href={href} className="group">
      <Card className="h-full p-5 transition-shadow group-hover:shadow-md">
        <p className="text-sm text-slate-600">{label}</p>
        <p
          className="mt-1 text-3xl font-semibold tabular-nums"
          data-testid={testId}
          data-amount={amount == null ? undefined : Math.round(amount)}
        >
          {value}
        </p>
        <p className="mt-1 text-xs text-slate-500">{detail}</p>
      </Card>
    </Link>
  );
}

function Skeleton({ className = "h-28" }: { className?: string }) {
  return (
    <div
      className={`animate-pulse rounded-lg bg-slate-200 ${className}`}
      role="status"
      aria-busy="true"
      aria-label="Loading"
    />
  );
}

function Panel({
  title,
  href,
  linkLabel,
  children,
  className = "",
}: {
  title: string;
  href: string;
  linkLabel: string;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <Card className={`p-5 ${className}`}>
      <div className="mb-3 flex items-baseline justify-between gap-3">
        <h2 className="text-base font-semibold">{title}</h2>
        <Link href={href} className="text-xs text-brand-700 hover:underline">
          {linkLabel}
        </Link>
      </div>
      {children}
    </Card>
  );
}

async function EquitySection({ tenantId, base, currency }: { tenantId: string; base: string; currency: string }) {
  const e = await loadEquity(tenantId);
  return (
    <>
      <Tile
        label="Customer equity"
        testId="tile-equity"
        href={`${base}/value`}
        value={e.total === null ? "—" : money(e.total, currency)}
        detail={
          e.total === null
            ? "No customer values computed yet"
            : `${e.customers?.toLocaleString("en")} customers, ${formatMonth(e.asOf!)}${e.changePct === null ? "" : ` · ${e.changePct >= 0 ? "+" : ""}${e.changePct.toFixed(1)} % vs previous month`}`
        }
      />
      <Tile
        label="Equity at risk"
        testId="tile-at-risk"
        href={`${base}/incidents`}
        value={e.atRisk === null ? "—" : money(e.atRisk, currency)}
        amount={e.atRisk}
        detail={
          e.atRisk === null
            ? "Needs customer values"
            : `from ${e.atRiskIncidents.toLocaleString("en")} incidents ${e.atRiskPeriod}, ${e.atRiskBasis === "MEASURED" ? "measured" : "survey"} defection rates`
        }
      />
    </>
  );
}

async function EquityTrendSection({ tenantId, base, currency }: { tenantId: string; base: string; currency: string }) {
  const e = await loadEquity(tenantId);
  return (
    <Panel title="Customer equity trend" href={`${base}/value`} linkLabel="Customers & value →">
      {e.trend.length === 0 ? (
        <p className="text-sm text-slate-600">
          No customer values yet. Recompute them on the Customers &amp; value page.
        </p>
      ) : (
        <EquityTrendChart data={e.trend} currency={currency} />
      )}
    </Panel>
  );
}

async function IncidentTiles({ tenantId, base }: { tenantId: string; base: string }) {
  const i = await loadIncidents(tenantId);
  return (
    <>
      <Tile
        label="Partners"
        testId="tile-Partners"
        href={`${base}/partners`}
        value={i.partners.toLocaleString("en")}
        detail={`${i.activePartners.toLocaleString("en")} active`}
      />
      <Tile
        label="Open incidents"
        testId="tile-open-incidents"
        href={`${base}/incidents`}
        value={i.open.toLocaleString("en")}
        detail="not yet resolved"
      />
      <Tile
        label="Breached SLAs"
        testId="tile-breached"
        href={`${base}/incidents`}
        value={i.breached.toLocaleString("en")}
        detail="open incidents past a deadline"
      />
    </>
  );
}

async function IncidentsByTouchpoint({ tenantId, base }: { tenantId: string; base: string }) {
  const i = await loadIncidents(tenantId);
  return (
    <Panel title="Incidents by touchpoint (90 days)" href={`${base}/incidents`} linkLabel="Incidents →">
      {i.byTouchpoint.length === 0 ? (
        <p className="text-sm text-slate-600">No incidents in the last 90 days.</p>
      ) : (
        <IncidentsByTouchpointChart data={i.byTouchpoint} />
      )}
    </Panel>
  );
}

async function ScorecardSection({ tenantId, base, currency }: { tenantId: string; base: string; currency: string }) {
  const s = (await loadDashboard(tenantId)).scores;
  const href = `${base}/scorecards`;
  if (!s) {
    return (
      <Panel title="Partner scores" href={href} linkLabel="Scorecards →" className="lg:col-span-2">
        <p className="text-sm text-slate-600" data-testid="scores-empty">
          No scorecards yet. Compute a month on the Scorecards page to see the average score, its distribution, the
          quadrant and the top movers.
        </p>
      </Panel>
    );
  }
  const month = formatMonth(s.month);
  return (
    <>
      <Panel
        title={`Partner scores, ${month}${s.drafts > 0 ? " (draft)" : ""}`}
        href={`${href}?month=${month}`}
        linkLabel="Scorecards →"
      >
        <p className="text-3xl font-semibold tabular-nums" data-testid="average-score">
          {s.average === null ? "—" : s.average.toFixed(1)}
        </p>
        <p className="text-xs text-slate-500">
          average of {s.scored} scored partners ·{" "}
          {RECOMMENDATIONS.filter((r) => s.recommendations[r])
            .map((r) => `${RECOMMENDATION_LABELS[r]} ${s.recommendations[r]}`)
            .join(" · ")}
        </p>
        <ScoreDistributionChart data={s.distribution} />
      </Panel>
      <Panel title="Top movers" href={`${href}?month=${month}`} linkLabel="All partners →">
        {s.movers.length === 0 ? (
          <p className="text-sm text-slate-600">No change yet: movers appear from the second scored month.</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm" data-testid="top-movers">
            {s.movers.map((m) => (
              <li key={m.partnerId} className="flex justify-between gap-3 py-2">
                <Link href={`${href}/${m.partnerId}?month=${month}`} className="text-brand-700 hover:underline">
                  {m.name}
                </Link>
                <span>
                  <span className="mr-3 tabular-nums text-slate-600">
                    {m.score === null ? "—" : m.score.toFixed(1)}
                  </span>
                  <Change value={m.change} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </Panel>
      <Panel
        title="Score vs equity served"
        href={`${href}?month=${month}`}
        linkLabel="Scorecards →"
        className="lg:col-span-2"
      >
        {s.quadrant.length === 0 ? (
          <p className="text-sm text-slate-600">No partner has both a score and customer equity this month.</p>
        ) : (
          <>
            <QuadrantChart
              points={s.quadrant}
              scoreLine={s.scoreLine}
              equityLine={s.equityLine}
              hrefBase={href}
              currency={currency}
            />
            <Legend
              testId="quadrant-legend"
              items={RECOMMENDATIONS.filter((r) => s.quadrant.some((p) => p.recommendation === r)).map((r) => ({
                label: `${RECOMMENDATION_LABELS[r]} ${s.quadrant.filter((p) => p.recommendation === r).length}`,
                colour: RECOMMENDATION_COLORS[r],
              }))}
            />
            <p className="mt-2 text-xs text-slate-600" data-testid="quadrant-note">
              {s.quadrant.length} of {s.scored} scored partners plotted
              {s.unplotted > 0
                ? `: ${s.unplotted} served no customer with a computed value this month, so they have no place on the equity axis`
                : ""}
              . Colours are the scorecard recommendations. Lines: score {s.scoreLine} (maintain threshold) and the
              median equity served ({money(s.equityLine, currency)}); a low score with high equity is the first to
              develop.
            </p>
          </>
        )}
      </Panel>
    </>
  );
}

export default async function DashboardPage({ params }: PageProps<"/t/[tenant]">) {
  const { tenant } = await params;
  const access = await requireSteward(tenant);
  const tenantId = access.tenant.id;
  const base = `/t/${tenant}`;
  return (
    <div className="space-y-6">
      <PageHeader
        title={access.tenant.name}
        description="Your demand chain at a glance: customer equity, what incidents put at risk, and how your partners score."
      />
      <Suspense fallback={null}>
        <SetupBanner tenantId={tenantId} base={base} />
      </Suspense>
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-5">
        <Suspense fallback={[0, 1].map((i) => <Skeleton key={i} />)}>
          <EquitySection tenantId={tenantId} base={base} currency={access.tenant.currency} />
        </Suspense>
        <Suspense fallback={[0, 1, 2].map((i) => <Skeleton key={i} />)}>
          <IncidentTiles tenantId={tenantId} base={base} />
        </Suspense>
      </div>
      <div className="grid gap-4 *:min-w-0 lg:grid-cols-2">
        <Suspense fallback={<Skeleton className="h-72 lg:col-span-2" />}>
          <ScorecardSection tenantId={tenantId} base={base} currency={access.tenant.currency} />
        </Suspense>
        <Suspense fallback={<Skeleton className="h-72" />}>
          <EquityTrendSection tenantId={tenantId} base={base} currency={access.tenant.currency} />
        </Suspense>
        <Suspense fallback={<Skeleton className="h-72" />}>
          <IncidentsByTouchpoint tenantId={tenantId} base={base} />
        </Suspense>
      </div>
    </div>
  );
}
