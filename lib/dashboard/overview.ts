/**
 * The steward dashboard's figures (the page reads them once per request, in one tenant transaction):
 * customer equity and its trend, equity at risk of recent incidents, open / breached incidents and incidents by
 * touchpoint, and the scorecard view of the latest scored month (average, distribution, quadrant, top movers).
 */
import type { Db } from "@/lib/db/scope";
import { preferHashJoins } from "@/lib/db/planner";
import { formatMonth } from "@/lib/months";
import { equityAtRiskRollup, equityAtRiskWindow } from "@/lib/value/equity-at-risk";
import { effectiveChurn, getTenantSettings } from "@/lib/tenants/settings";
import { scorecardSettingsSection as section } from "@/lib/scorecards/config";
import { readRecommendationThresholds } from "@/lib/scorecards/weights";
import type { Recommendation } from "@/lib/scorecards/combine";

const DAY = 24 * 60 * 60 * 1000;

/**
 * Everything the dashboard shows, in ONE statement (one round trip in one tenant transaction), reading small
 * or precomputed data only:
 * - equity trend: the materialized EquityRollup rows (SEGMENT dimension, written by each value recompute),
 *   months without rollups (snapshots older than them) summed live from CustomerValue by month;
 * - the latest scored month's cards (1 row per partner, with equity served, a plain column copied from the
 *   card's details at compute time);
 * - open / breached incident counts and incidents by touchpoint over 90 days (index on (tenantId, openedAt)).
 */
type DashboardRow = {
  trend: { asOf: string; equity: number; customers: number }[];
  cards: {
    partnerId: string;
    name: string;
    month: string;
    status: string;
    score: number | null;
    change: number | null;
    recommendation: Recommendation | null;
    equity: number | null;
  }[];
  open: number;
  breached: number;
  partners: number;
  activePartners: number;
  byTouchpoint: { touchpointId: string; name: string; incidents: number; open: number }[];
  settings: unknown;
};

type CardArrays = {
  cardMonth: Date | null;
  ids: string[] | null;
  names: string[] | null;
  statuses: string[] | null;
  scores: (number | null)[] | null;
  changes: (number | null)[] | null;
  recommendations: (Recommendation | null)[] | null;
  equities: (number | null)[] | null;
};

async function dashboardRow(db: Db, tenantId: string, now: Date): Promise<DashboardRow> {
  const since = new Date(now.getTime() - 90 * DAY);
  const [raw] = await db.$queryRaw<(Omit<DashboardRow, "cards"> & CardArrays)[]>`
    with rollup as (
      select "asOf", sum(equity)::float8 as equity, sum(customers)::int as customers
      from "EquityRollup" where "tenantId" = ${tenantId} and dimension = 'SEGMENT' group by 1
    ), live_all as (
      -- no rollups at all (snapshots written before rollups existed): every month live; a one-time filter,
      -- so the snapshots are not read when rollups exist
      select v."asOf", coalesce(sum(v.clv), 0)::float8 as equity, count(*)::int as customers
      from "CustomerValue" v
      where v."tenantId" = ${tenantId} and not exists (select 1 from rollup)
      group by 1
    ), live_missing as (
      -- rollups exist, but a fitted month has none: that month live, along the (tenantId, asOf) index
      select v."asOf", coalesce(sum(v.clv), 0)::float8 as equity, count(*)::int as customers
      from "CustomerValue" v
      where v."tenantId" = ${tenantId}
        and exists (select 1 from rollup)
        and exists (select 1 from "ClvFit" f where f."tenantId" = ${tenantId} and f."asOf" not in (select "asOf" from rollup))
        and v."asOf" in (select f."asOf" from "ClvFit" f where f."tenantId" = ${tenantId} and f."asOf" not in (select "asOf" from rollup))
      group by 1
    ), trend as (select * from rollup union all select * from live_all union all select * from live_missing),
    m as (select max(month) as month from "Scorecard" where "tenantId" = ${tenantId} and status in ('DRAFT', 'PUBLISHED')),
    cards as (
      select distinct on (s."partnerId") s."partnerId", s.month, s.status, s.score, s.change, s.recommendation,
             s."equityServed"
      from "Scorecard" s
      where s."tenantId" = ${tenantId} and s.month = (select month from m) and s.status in ('DRAFT', 'PUBLISHED')
      order by s."partnerId", s.version desc
    ), tp as (
      -- an index-only range of (tenantId, openedAt, touchpointId, partnerId, status)
      select "touchpointId" collate "C" as "touchpointId", count(*)::int as incidents, count(*) filter (where status not in ('RESOLVED', 'CLOSED'))::int as open
      from "Incident" where "tenantId" = ${tenantId} and "openedAt" >= ${since}::timestamp
      group by 1 -- (byte-order grouping: no locale-aware sort of 10,000s of ids)
    ), open_ as (
      -- open = the clock runs (nextDueAt set) or is paused (pausedAt set), as in the inbox (lib/incidents/inbox.ts):
      -- two index ranges instead of a scan (enum equality cannot be an index condition under row-level security);
      -- the status test only double-checks the rows found
      select count(*)::int as open, count(*) filter (where "nextDueAt" < ${now}::timestamp)::int as breached
      from "Incident" where "tenantId" = ${tenantId} and ("nextDueAt" is not null or "pausedAt" is not null)
        and status not in ('RESOLVED', 'CLOSED')
    ), partners as (
      select count(*)::int as partners, count(*) filter (where status = 'ACTIVE')::int as active
      from "Partner" where "tenantId" = ${tenantId}
    )
    select
      (select coalesce(json_agg(json_build_object('asOf', "asOf", 'equity', equity, 'customers', customers) order by "asOf"), '[]') from trend) as trend,
      -- the cards as parallel arrays (cheap to build and to parse, unlike 1,000 JSON objects)
      (select month from m) as "cardMonth",
      c.ids, c.names, c.statuses, c.scores, c.changes, c.recommendations, c.equities,
      open_.open, open_.breached, partners.partners, partners.active as "activePartners",
      (select coalesce(json_agg(json_build_object('touchpointId', tp."touchpointId", 'name', t.name, 'incidents', tp.incidents, 'open', tp.open)
              order by tp.incidents desc, t.name), '[]')
       from (select * from tp order by incidents desc limit 12) tp join "Touchpoint" t on t."tenantId" = ${tenantId} and t.id = tp."touchpointId") as "byTouchpoint",
      (select settings from "Tenant" where id = ${tenantId}) as settings
    from open_ cross join partners cross join (
      select array_agg(c."partnerId" order by c."partnerId") as ids, array_agg(p.name order by c."partnerId") as names,
             array_agg(c.status::text order by c."partnerId") as statuses, array_agg(c.score order by c."partnerId") as scores,
             array_agg(c.change order by c."partnerId") as changes, array_agg(c.recommendation::text order by c."partnerId") as recommendations,
             array_agg(c."equityServed" order by c."partnerId") as equities
      from cards c join "Partner" p on p."tenantId" = ${tenantId} and p.id = c."partnerId"
    ) c`;
  const ids = raw.ids ?? [];
  const month = raw.cardMonth ? raw.cardMonth.toISOString().slice(0, 10) : "";
  return {
    ...raw,
    cards: ids.map((partnerId, i) => ({
      partnerId,
      name: raw.names![i],
      month,
      status: raw.statuses![i],
      score: raw.scores![i],
      change: raw.changes![i],
      recommendation: raw.recommendations![i],
      equity: raw.equities![i],
    })),
  };
}

const utc = (isoDate: string) => new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);

/** The whole dashboard: equity, incidents and scores, read in one query (call inside one withTenant). */
export async function dashboardOverview(db: Db, tenantId: string, now = new Date()) {
  const row = await dashboardRow(db, tenantId, now);
  const equity = await equityPart(db, tenantId, row, now);
  return {
    equity,
    incidents: {
      open: row.open,
      breached: row.breached,
      partners: row.partners,
      activePartners: row.activePartners,
      byTouchpoint: row.byTouchpoint,
    },
    scores: scorecardPart(row),
  };
}

export type DashboardOverview = Awaited<ReturnType<typeof dashboardOverview>>;

/**
 * Equity and its trend, and the equity at risk of the last 30 days' incidents (from the stored
 * rollups, about 0.06 s on 200,000 customers). Always the last 30 days, scored month or not: the
 * tile answers "what is at risk now"; a month's equity at risk per partner is on its scorecards.
 */
async function equityPart(db: Db, tenantId: string, row: DashboardRow, now: Date) {
  const trend = row.trend.map((t) => ({ asOf: utc(t.asOf), equity: t.equity, customers: t.customers }));
  const last = trend.at(-1) ?? null;
  const previous = trend.at(-2) ?? null;
  await preferHashJoins(db);
  const window = equityAtRiskWindow(now);
  const risk = last ? await equityAtRiskRollup(db, tenantId, "partner", { from: window.from, asOf: last.asOf }) : [];
  const atRisk = last ? risk.reduce((s, r) => s + r.equityAtRisk, 0) : null;
  const atRiskIncidents = risk.reduce((s, r) => s + r.incidents, 0);
  const atRiskPeriod = window.period;
  const atRiskBasis = effectiveChurn((await getTenantSettings(db, tenantId)).value).basis;
  return {
    trend: trend.slice(-12).map((t) => ({ month: formatMonth(t.asOf), equity: t.equity })),
    total: last?.equity ?? null,
    customers: last?.customers ?? null,
    asOf: last?.asOf ?? null,
    changePct:
      last && previous && previous.equity > 0 ? ((last.equity - previous.equity) / previous.equity) * 100 : null,
    atRisk,
    atRiskIncidents,
    atRiskPeriod,
    atRiskBasis,
  };
}

export type QuadrantLabel = "reward" | "develop" | "watch" | "exit";
/** A plotted partner: its quadrant places it; its colour is its scorecard recommendation, as on the scorecard. */
export type QuadrantPoint = {
  partnerId: string;
  name: string;
  score: number;
  equity: number;
  quadrant: QuadrantLabel;
  recommendation: Recommendation | null;
};

/**
 * Quadrants: score at or above the tenant's "maintain" threshold is high; equity served at or above the median
 * of the scored partners serving valued customers (equity > 0) is high. High/high → reward, low score/high equity → develop (worth improving),
 * high score/low equity → watch, low/low → exit.
 */
export function quadrantOf(score: number, equity: number, scoreLine: number, equityLine: number): QuadrantLabel {
  const highScore = score >= scoreLine;
  const highEquity = equity >= equityLine;
  return highScore ? (highEquity ? "reward" : "watch") : highEquity ? "develop" : "exit";
}

export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The latest month with scorecards: per partner its current card (draft or published). */
function scorecardPart(row: DashboardRow) {
  const rows = row.cards;
  if (rows.length === 0) return null;
  const s = section(row.settings);
  const thresholds = readRecommendationThresholds(s.thresholds);
  const scored = rows.filter((r) => r.score !== null);
  const average = scored.length ? scored.reduce((s, r) => s + r.score!, 0) / scored.length : null;
  const distribution = Array.from({ length: 10 }, (_, i) => ({ bucket: `${i * 10}–${i * 10 + 10}`, partners: 0 }));
  for (const r of scored) distribution[Math.min(9, Math.floor(r.score! / 10))].partners++;
  // partners that serve no valued customer (equity 0 or unknown) have no place on the equity axis
  const withEquity = scored.filter((r) => r.equity !== null && r.equity > 0);
  const equityLine = median(withEquity.map((r) => r.equity!));
  const quadrant: QuadrantPoint[] = withEquity.map((r) => ({
    partnerId: r.partnerId,
    name: r.name,
    score: r.score!,
    equity: r.equity!,
    quadrant: quadrantOf(r.score!, r.equity!, thresholds.maintain, equityLine),
    recommendation: r.recommendation,
  }));
  const movers = rows
    .filter((r) => r.change !== null)
    .sort((a, b) => Math.abs(b.change!) - Math.abs(a.change!))
    .slice(0, 6);
  const recommendations = new Map<Recommendation, number>();
  for (const r of rows)
    if (r.recommendation) recommendations.set(r.recommendation, (recommendations.get(r.recommendation) ?? 0) + 1);
  return {
    month: utc(rows[0].month),
    drafts: rows.filter((r) => r.status === "DRAFT").length,
    partners: rows.length,
    scored: scored.length,
    average,
    distribution,
    quadrant,
    /** Scored partners left off the chart: no customer with a computed value was served by them. */
    unplotted: scored.length - withEquity.length,
    scoreLine: thresholds.maintain,
    equityLine,
    movers: movers.map((r) => ({ partnerId: r.partnerId, name: r.name, score: r.score, change: r.change! })),
    recommendations: Object.fromEntries(recommendations) as Partial<Record<Recommendation, number>>,
  };
}
