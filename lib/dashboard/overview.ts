/**
 * The steward dashboard's figures, each one set-based query (the page loads them in parallel sections):
 * customer equity and its trend, equity at risk of recent incidents, open / breached incidents and incidents by
 * touchpoint, and the scorecard view of the latest scored month (average, distribution, quadrant, top movers).
 */
import type { Db } from "@/lib/db/scope";
import { preferHashJoins } from "@/lib/db/planner";
import { equityTrend } from "@/lib/value/rollups";
import { equityAtRiskRollup } from "@/lib/value/equity-at-risk";
import { readScorecardConfig } from "@/lib/scorecards/config";
import type { Recommendation } from "@/lib/scorecards/combine";

const DAY = 24 * 60 * 60 * 1000;

/**
 * Equity and its trend, and the equity at risk: taken from the latest scored month's cards (each card stores
 * the equity at risk of its partner's incidents that month, so the dashboard stays a cheap read), or computed
 * live over the last 30 days' incidents when nothing has been scored yet.
 */
export async function equityOverview(db: Db, tenantId: string, now = new Date()) {
  await preferHashJoins(db);
  const trend = await equityTrend(db, tenantId);
  const last = trend.at(-1) ?? null;
  const previous = trend.at(-2) ?? null;
  const [scored] = await db.$queryRaw<{ month: Date | null; risk: number | null; incidents: number | null }[]>`
    with m as (select max(month) as month from "Scorecard" where "tenantId" = ${tenantId} and status in ('DRAFT', 'PUBLISHED')),
    cards as (
      select distinct on (s."partnerId") s.details
      from "Scorecard" s join m on s.month = m.month
      where s."tenantId" = ${tenantId} and s.status in ('DRAFT', 'PUBLISHED')
      order by s."partnerId", s.version desc
    )
    select (select month from m) as month,
           sum((details #>> '{subScores,value,inputs,equityAtRisk}')::float8)::float8 as risk,
           sum((details #>> '{subScores,incidents,inputs,incidents}')::int)::int as incidents
    from cards`;
  let atRisk: number | null = null;
  let atRiskIncidents = 0;
  let atRiskPeriod: string;
  if (scored?.month && scored.risk !== null) {
    atRisk = scored.risk;
    atRiskIncidents = scored.incidents ?? 0;
    atRiskPeriod = `in ${scored.month.toISOString().slice(0, 7)} (scorecards)`;
  } else {
    const risk = last ? await equityAtRiskRollup(db, tenantId, "partner", { from: new Date(now.getTime() - 30 * DAY), asOf: last.asOf }) : [];
    atRisk = last ? risk.reduce((s, r) => s + r.equityAtRisk, 0) : null;
    atRiskIncidents = risk.reduce((s, r) => s + r.incidents, 0);
    atRiskPeriod = "in the last 30 days";
  }
  return {
    trend: trend.slice(-12).map((t) => ({ month: t.asOf.toISOString().slice(0, 7), equity: t.equity })),
    total: last?.equity ?? null,
    customers: last?.customers ?? null,
    asOf: last?.asOf ?? null,
    changePct: last && previous && previous.equity > 0 ? ((last.equity - previous.equity) / previous.equity) * 100 : null,
    atRisk,
    atRiskIncidents,
    atRiskPeriod,
  };
}

export async function incidentOverview(db: Db, tenantId: string, now = new Date()) {
  const since = new Date(now.getTime() - 90 * DAY);
  const [counts] = await db.$queryRaw<{ open: number; breached: number; partners: number; activePartners: number }[]>`
    select count(*)::int as open,
           count(*) filter (where "nextDueAt" < ${now})::int as breached,
           (select count(*)::int from "Partner" where "tenantId" = ${tenantId}) as partners,
           (select count(*)::int from "Partner" where "tenantId" = ${tenantId} and status = 'ACTIVE') as "activePartners"
    from "Incident" where "tenantId" = ${tenantId} and status not in ('RESOLVED', 'CLOSED')`;
  const byTouchpoint = await db.$queryRaw<{ touchpointId: string; name: string; incidents: number; open: number }[]>`
    select i."touchpointId", t.name, count(*)::int as incidents,
           count(*) filter (where i.status not in ('RESOLVED', 'CLOSED'))::int as open
    from "Incident" i join "Touchpoint" t on t."tenantId" = i."tenantId" and t.id = i."touchpointId"
    where i."tenantId" = ${tenantId} and i."openedAt" >= ${since}
    group by 1, 2 order by 3 desc limit 12`;
  return { open: counts?.open ?? 0, breached: counts?.breached ?? 0, partners: counts?.partners ?? 0, activePartners: counts?.activePartners ?? 0, byTouchpoint };
}

export type QuadrantLabel = "reward" | "develop" | "watch" | "exit";
export type QuadrantPoint = { partnerId: string; name: string; score: number; equity: number; quadrant: QuadrantLabel };

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

/** The latest month with scorecards: per partner its current card (draft or published), in one query. */
export async function scorecardOverview(db: Db, tenantId: string) {
  const rows = await db.$queryRaw<
    { partnerId: string; name: string; month: Date; status: string; score: number | null; change: number | null; recommendation: Recommendation | null; equity: number | null }[]
  >`
    with m as (select max(month) as month from "Scorecard" where "tenantId" = ${tenantId} and status in ('DRAFT', 'PUBLISHED'))
    select distinct on (s."partnerId") s."partnerId", p.name, s.month, s.status::text as status, s.score, s.change, s.recommendation,
           (s.details #>> '{subScores,value,inputs,equityServed}')::float8 as equity
    from "Scorecard" s join m on s.month = m.month
    join "Partner" p on p."tenantId" = s."tenantId" and p.id = s."partnerId"
    where s."tenantId" = ${tenantId} and s.status in ('DRAFT', 'PUBLISHED')
    order by s."partnerId", s.version desc`;
  if (rows.length === 0) return null;
  const { thresholds } = await readScorecardConfig(db, tenantId);
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
  }));
  const movers = rows.filter((r) => r.change !== null).sort((a, b) => Math.abs(b.change!) - Math.abs(a.change!)).slice(0, 6);
  const recommendations = new Map<Recommendation, number>();
  for (const r of rows) if (r.recommendation) recommendations.set(r.recommendation, (recommendations.get(r.recommendation) ?? 0) + 1);
  return {
    month: rows[0].month,
    drafts: rows.filter((r) => r.status === "DRAFT").length,
    partners: rows.length,
    scored: scored.length,
    average,
    distribution,
    quadrant,
    scoreLine: thresholds.maintain,
    equityLine,
    movers: movers.map((r) => ({ partnerId: r.partnerId, name: r.name, score: r.score, change: r.change! })),
    recommendations: Object.fromEntries(recommendations) as Partial<Record<Recommendation, number>>,
  };
}
