/**
 * The engagement funnel in numbers (issue 19, part 3): per stage of the journey (attract, connect, engage,
 * convert) and calendar month, computed set-based over the whole tenant:
 *
 * - interactions: every interaction in the month at a touchpoint of the stage (named customer or not);
 * - customers reached: distinct named customers with at least one interaction at the stage in the month;
 * - converted: of those, the customers who reached the NEXT stage (for convert: made a purchase) within
 *   CONVERSION_WINDOW_DAYS days of their first interaction at this stage in the month, that moment included;
 *   conversion = converted ÷ reached;
 * - equity: the sum of the CLV of the customers reached, at the latest value snapshot of that month or
 *   before (0 for a customer without one);
 * - incidents: incidents opened in the month at the stage's touchpoints; equity at risk: theirs, by the
 *   workspace's one definition (lib/value/equity-at-risk.ts) at the same snapshot;
 * - owners: the partners assigned to, or accountable for, the stage's touchpoints.
 *
 * Touchpoints in a stage the brand named itself are outside the funnel (it has no next stage).
 */
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/scope";
import { DEFAULT_STAGES } from "@/lib/touchpoints/touchpoints";
import { equityAtRiskRollup } from "@/lib/value/equity-at-risk";

export const CONVERSION_WINDOW_DAYS = 30;
const FUNNEL_STAGES = DEFAULT_STAGES;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

/** What "conversion to the next stage" means, printed on the page and in the API document. */
export const CONVERSION_DEFINITION =
  `Of the customers reached at a stage in the month, the share who had an interaction at a touchpoint of the next ` +
  `stage (for convert: made a purchase) within ${CONVERSION_WINDOW_DAYS} days of their first interaction at this ` +
  `stage in the month. Interactions without a named customer count as interactions but not as customers reached.`;

/** The next stage of each stage; convert leads to a purchase. */
export function nextStage(stage: FunnelStage): FunnelStage | "purchase" {
  const i = FUNNEL_STAGES.indexOf(stage);
  return i === FUNNEL_STAGES.length - 1 ? "purchase" : FUNNEL_STAGES[i + 1];
}

/** One interaction of a named customer, as the conversion rule reads it. */
export type FunnelEvent = { customerId: string; stage: FunnelStage; at: Date };

/**
 * The conversion rule on in-memory events (the SQL of `funnelMonth` computes the same): per stage, the customers
 * reached in [from, to) and how many reached the next stage (or bought) within the window after their first
 * interaction at the stage in the month.
 */
export function conversionOf(
  events: readonly FunnelEvent[],
  purchases: readonly { customerId: string; at: Date }[],
  month: { from: Date; to: Date },
): Record<FunnelStage, { reached: number; converted: number; rate: number | null }> {
  const window = CONVERSION_WINDOW_DAYS * 24 * 60 * 60 * 1000;
  const result = {} as Record<FunnelStage, { reached: number; converted: number; rate: number | null }>;
  for (const stage of FUNNEL_STAGES) {
    const first = new Map<string, number>();
    for (const e of events) {
      if (e.stage !== stage || e.at < month.from || e.at >= month.to) continue;
      const t = e.at.getTime();
      if (!first.has(e.customerId) || t < (first.get(e.customerId) ?? t)) first.set(e.customerId, t);
    }
    const next = nextStage(stage);
    let converted = 0;
    for (const [customerId, t] of first) {
      const later =
        next === "purchase"
          ? purchases.filter((p) => p.customerId === customerId).map((p) => p.at.getTime())
          : events.filter((e) => e.customerId === customerId && e.stage === next).map((e) => e.at.getTime());
      if (later.some((x) => x >= t && x < t + window)) converted++;
    }
    result[stage] = { reached: first.size, converted, rate: first.size ? converted / first.size : null };
  }
  return result;
}

export type FunnelRow = {
  stage: FunnelStage;
  next: FunnelStage | "purchase";
  touchpoints: number;
  interactions: number;
  customersReached: number;
  converted: number;
  /** converted ÷ customersReached, null when nobody was reached. */
  conversionRate: number | null;
  equity: number;
  incidents: number;
  equityAtRisk: number;
  owners: { id: string; name: string }[];
};

export type FunnelMonth = {
  month: Date;
  /** The value snapshot month the equity figures use (null: no snapshot yet, equity shows 0). */
  snapshot: Date | null;
  stages: FunnelRow[];
};

type StageAggregate = {
  stage: FunnelStage;
  touchpoints: number;
  interactions: number;
  reached: number;
  converted: number;
  equity: number;
  incidents: number;
};

/** The month's figures for every stage: one aggregate statement, then equity at risk and owners (one each). */
export async function funnelMonth(db: Db, tenantId: string, month: Date): Promise<FunnelMonth> {
  const from = month;
  const to = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1));
  const [{ snapshot }] = await db.$queryRaw<{ snapshot: Date | null }[]>`
    select max("asOf") as snapshot from "CustomerValue" where "tenantId" = ${tenantId} and "asOf" <= ${from}::date`;
  const stages = Prisma.sql`(values ('attract', 1, 'connect'), ('connect', 2, 'engage'), ('engage', 3, 'convert'), ('convert', 4, null))`;
  const window = Prisma.sql`interval '${Prisma.raw(String(CONVERSION_WINDOW_DAYS))} days'`;
  const rows = await db.$queryRaw<StageAggregate[]>`
    with stages(stage, pos, next) as ${stages},
    tp as (
      select t.id, t.stage from "Touchpoint" t
      where t."tenantId" = ${tenantId} and t.stage in ('attract', 'connect', 'engage', 'convert')
    ),
    -- the month's interactions per touchpoint and customer first (an index-only scan of Interaction_funnel_idx),
    -- then per stage
    raw as (
      select i."touchpointId" as tid, i."customerId" as cid, count(*)::int as n, min(i."occurredAt") as first_at
      from "Interaction" i
      where i."tenantId" = ${tenantId} and i."occurredAt" >= ${from} and i."occurredAt" < ${to}
      group by 1, 2
    ),
    ia as (select tp.stage, raw.cid, raw.n, raw.first_at from raw join tp on tp.id = raw.tid),
    counts as (select stage, sum(n)::int as n from ia group by 1),
    firsts as (select stage, cid, min(first_at) as first_at from ia where cid is not null group by 1, 2),
    per as (
      select f.stage, f.cid,
             case when s.next is null then exists (
                    select 1 from "Transaction" x
                    where x."tenantId" = ${tenantId} and x."customerId" = f.cid
                      and x."occurredAt" >= f.first_at and x."occurredAt" < f.first_at + ${window})
                  else exists (
                    select 1 from "Interaction" j join tp u on u.id = j."touchpointId" and u.stage = s.next
                    where j."tenantId" = ${tenantId} and j."customerId" = f.cid
                      and j."occurredAt" >= f.first_at and j."occurredAt" < f.first_at + ${window})
             end as converted,
             coalesce(v.clv, 0) as clv
      from firsts f
      join stages s on s.stage = f.stage
      left join "CustomerValue" v on v."tenantId" = ${tenantId} and v."asOf" = ${snapshot}::date and v."customerId" = f.cid
    ),
    agg as (
      select stage, count(*)::int as reached, (count(*) filter (where converted))::int as converted, sum(clv)::float8 as equity
      from per group by 1
    ),
    inc as (
      select tp.stage, count(*)::int as n
      from "Incident" i join tp on tp.id = i."touchpointId"
      where i."tenantId" = ${tenantId} and i."openedAt" >= ${from} and i."openedAt" < ${to}
      group by 1
    ),
    tps as (select stage, count(*)::int as n from tp group by 1)
    select s.stage, coalesce(tps.n, 0) as touchpoints, coalesce(c.n, 0) as interactions,
           coalesce(a.reached, 0) as reached, coalesce(a.converted, 0) as converted,
           coalesce(a.equity, 0)::float8 as equity, coalesce(inc.n, 0) as incidents
    from stages s
    left join tps on tps.stage = s.stage
    left join counts c on c.stage = s.stage
    left join agg a on a.stage = s.stage
    left join inc on inc.stage = s.stage
    order by s.pos`;
  const risk = snapshot ? await equityAtRiskRollup(db, tenantId, "touchpoint", { from, to, asOf: snapshot }) : [];
  const owners = await db.$queryRaw<{ stage: FunnelStage; id: string; name: string }[]>`
    select distinct t.stage, p.id, p.name
    from "Touchpoint" t
    join (
      select "touchpointId", "partnerId" from "TouchpointPartner" where "tenantId" = ${tenantId}
      union
      select "touchpointId", "partnerId" from "TouchpointRole"
      where "tenantId" = ${tenantId} and role = 'ACCOUNTABLE' and "partnerId" is not null
    ) o on o."touchpointId" = t.id
    join "Partner" p on p."tenantId" = ${tenantId} and p.id = o."partnerId"
    where t."tenantId" = ${tenantId} and t.stage in ('attract', 'connect', 'engage', 'convert')
    order by t.stage, p.name`;
  const stageOf = new Map(
    (
      await db.touchpoint.findMany({
        where: { tenantId, id: { in: risk.map((r) => r.key) } },
        select: { id: true, stage: true },
      })
    ).map((t) => [t.id, t.stage]),
  );
  return {
    month,
    snapshot,
    stages: rows.map((r) => ({
      stage: r.stage,
      next: nextStage(r.stage),
      touchpoints: r.touchpoints,
      interactions: r.interactions,
      customersReached: r.reached,
      converted: r.converted,
      conversionRate: r.reached ? r.converted / r.reached : null,
      equity: r.equity,
      incidents: r.incidents,
      equityAtRisk: risk.filter((x) => stageOf.get(x.key) === r.stage).reduce((sum, x) => sum + x.equityAtRisk, 0),
      owners: owners.filter((o) => o.stage === r.stage).map(({ id, name }) => ({ id, name })),
    })),
  };
}
