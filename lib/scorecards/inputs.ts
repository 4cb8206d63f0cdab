/**
 * The monthly inputs of every partner's scorecard, read set-based: ONE aggregate query (CTEs) over
 * interactions, incidents, customer values, transactions and partner survey answers for all partners
 * of the month, plus the standards compliance (lib/standards/assessments.ts, three set-based reads) and
 * the equity at risk of the month's incidents (lib/value/equity-at-risk.ts, one query).
 *
 * Definitions (month = [first day, first day of next month), "cutoff" = the month's end or now if earlier):
 * - partners scored: status ACTIVE or PROBATION, plus any partner with interactions or incidents in the month.
 * - experience: the month's interactions by outcome; CSAT = mean of the answered CSATs; NPS from 0–10 answers.
 * - incidents: opened in the month; SLA outcome of an incident is known at min(resolvedAt, resolveDueAt) — met
 *   when resolved by its due time, missed when the due time passed first — and is counted in the month it became
 *   known (once, never again); MTTR = mean (resolvedAt − openedAt) of the incidents resolved in the month, against
 *   the mean of their own resolve windows (resolveDueAt − openedAt, which includes business hours and pauses).
 * - value: equity served = Σ CLV (snapshot of the month) of the customers the partner served (a transaction it
 *   served or an interaction naming the customer, before the cutoff); last month the same with last month's
 *   snapshot and what was served before its end; null
 *   when there is no snapshot for that month. Equity at risk = the month's incidents, valued with the month's
 *   snapshot.
 * - engagement: the partner's survey answers of the latest quarter up to the month's quarter.
 * - compliance: with the touchpoint assignments and standard versions in force at the month's end (the assignment
 *   history and each version's createdAt), so recomputing a past month after changing them gives the same card.
 */
import type { Db } from "@/lib/db/scope";
import { preferHashJoins } from "@/lib/db/planner";
import { complianceByPartner } from "@/lib/standards/assessments";
import { equityAtRiskRollup } from "@/lib/value/equity-at-risk";
import { npsFromCounts, type ScorecardInputs } from "./sub-scores";

export type PartnerMonthInputs = {
  partnerId: string;
  name: string;
  type: string;
  inputs: ScorecardInputs;
};

export function monthBounds(month: Date, now = new Date()) {
  const from = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth(), 1));
  const to = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1));
  const prev = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() - 1, 1));
  const cutoff = to.getTime() < now.getTime() ? to : now;
  const quarter = `${from.getUTCFullYear()}-Q${Math.floor(from.getUTCMonth() / 3) + 1}`;
  return { from, to, prev, cutoff, quarter };
}

type Row = {
  partnerId: string;
  name: string;
  type: string;
  successes: number;
  partials: number;
  failures: number;
  csat: number | null;
  promoters: number;
  passives: number;
  detractors: number;
  opened: number;
  slaMeasured: number;
  slaMet: number;
  mttrHours: number | null;
  targetHours: number | null;
  hasSnapshot: boolean;
  hasPrevSnapshot: boolean;
  served: number | null;
  servedPrev: number | null;
  responses: number;
  communication: number | null;
  fairness: number | null;
  tools: number | null;
  support: number | null;
};

/** The raw aggregate rows, one per scored partner (exported for the bench's comparison with a hand-written aggregate). */
export async function scorecardAggregate(db: Db, tenantId: string, month: Date, now = new Date()): Promise<Row[]> {
  const { from, to, prev, cutoff, quarter } = monthBounds(month, now);
  await preferHashJoins(db);
  return db.$queryRaw<Row[]>`
    with ia as (
      select "partnerId" as pid,
             count(*) filter (where outcome = 'SUCCESS')::int as successes,
             count(*) filter (where outcome = 'PARTIAL')::int as partials,
             count(*) filter (where outcome = 'FAILURE')::int as failures,
             avg(csat)::float8 as csat,
             count(*) filter (where nps >= 9)::int as promoters,
             count(*) filter (where nps between 7 and 8)::int as passives,
             count(*) filter (where nps <= 6)::int as detractors
      from "Interaction"
      where "tenantId" = ${tenantId} and "occurredAt" >= ${from} and "occurredAt" < ${to}
      group by 1
    ), inc as (
      select "partnerId" as pid,
             count(*) filter (where "openedAt" >= ${from} and "openedAt" < ${to})::int as opened,
             count(*) filter (where "resolveDueAt" is not null
                                and least(coalesce("resolvedAt", 'infinity'::timestamp), "resolveDueAt") >= ${from}
                                and least(coalesce("resolvedAt", 'infinity'::timestamp), "resolveDueAt") < ${cutoff})::int as "slaMeasured",
             count(*) filter (where "resolveDueAt" is not null and "resolvedAt" is not null and "resolvedAt" <= "resolveDueAt"
                                and "resolvedAt" >= ${from} and "resolvedAt" < ${cutoff})::int as "slaMet",
             (avg(extract(epoch from "resolvedAt" - "openedAt")) filter (where "resolvedAt" >= ${from} and "resolvedAt" < ${to}) / 3600)::float8 as "mttrHours",
             (avg(extract(epoch from "resolveDueAt" - "openedAt")) filter (where "resolvedAt" >= ${from} and "resolvedAt" < ${to}) / 3600)::float8 as "targetHours"
      from "Incident"
      where "tenantId" = ${tenantId} and "openedAt" < ${to}
        and ("resolvedAt" is null or "resolvedAt" >= ${from} or "resolveDueAt" >= ${from})
      group by 1
    ), snap as (
      select exists(select 1 from "CustomerValue" where "tenantId" = ${tenantId} and "asOf" = ${from}::date) as now_,
             exists(select 1 from "CustomerValue" where "tenantId" = ${tenantId} and "asOf" = ${prev}::date) as prev_
    ), sp as (
      -- A partner serves a customer's value when it sold to them (a transaction it served) or met
      -- them at a touchpoint (an interaction with the customer named), whoever took the money.
      select pid, cid, min(first) as first from (
        select "servingPartnerId" as pid, "customerId" as cid, min("occurredAt") as first
        from "Transaction"
        where "tenantId" = ${tenantId} and "servingPartnerId" is not null and "occurredAt" < ${cutoff}
          and (select now_ or prev_ from snap)
        group by 1, 2
        union all
        select "partnerId" as pid, "customerId" as cid, min("occurredAt") as first
        from "Interaction"
        where "tenantId" = ${tenantId} and "customerId" is not null and "occurredAt" < ${cutoff}
          and (select now_ or prev_ from snap)
        group by 1, 2
      ) served
      group by 1, 2
    ), val as (
      select sp.pid, sum(cv.clv)::float8 as served, sum(cvp.clv) filter (where sp.first < ${from})::float8 as served_prev
      from sp
      left join "CustomerValue" cv on cv."tenantId" = ${tenantId} and cv."asOf" = ${from}::date and cv."customerId" = sp.cid
      left join "CustomerValue" cvp on cvp."tenantId" = ${tenantId} and cvp."asOf" = ${prev}::date and cvp."customerId" = sp.cid
      group by 1
    ), sq as (
      select "partnerId" as pid, max(quarter) as q
      from "PartnerSurveyResponse" where "tenantId" = ${tenantId} and quarter <= ${quarter} group by 1
    ), sv as (
      select r."partnerId" as pid, count(*)::int as responses,
             avg(r.communication)::float8 as communication, avg(r.fairness)::float8 as fairness,
             avg(r.tools)::float8 as tools, avg(r.support)::float8 as support
      from "PartnerSurveyResponse" r join sq on sq.pid = r."partnerId" and sq.q = r.quarter
      where r."tenantId" = ${tenantId}
      group by 1
    )
    select p.id as "partnerId", p.name, p.type::text as type,
           coalesce(ia.successes, 0) as successes, coalesce(ia.partials, 0) as partials, coalesce(ia.failures, 0) as failures,
           ia.csat, coalesce(ia.promoters, 0) as promoters, coalesce(ia.passives, 0) as passives, coalesce(ia.detractors, 0) as detractors,
           coalesce(inc.opened, 0) as opened, coalesce(inc."slaMeasured", 0) as "slaMeasured", coalesce(inc."slaMet", 0) as "slaMet",
           inc."mttrHours", inc."targetHours",
           snap.now_ as "hasSnapshot", snap.prev_ as "hasPrevSnapshot",
           val.served, val.served_prev as "servedPrev",
           coalesce(sv.responses, 0) as responses, sv.communication, sv.fairness, sv.tools, sv.support
    from "Partner" p
    cross join snap
    left join ia on ia.pid = p.id
    left join inc on inc.pid = p.id
    left join val on val.pid = p.id
    left join sv on sv.pid = p.id
    where p."tenantId" = ${tenantId}
      and (p.status in ('ACTIVE', 'PROBATION') or ia.pid is not null or coalesce(inc.opened, 0) > 0)
    order by p.name, p.id`;
}

/** Every scored partner's inputs for the month (see the definitions above). */
export async function scorecardInputsForMonth(
  db: Db,
  tenantId: string,
  month: Date,
  now = new Date(),
): Promise<PartnerMonthInputs[]> {
  const { from, to } = monthBounds(month, now);
  const rows = await scorecardAggregate(db, tenantId, month, now);
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.partnerId);
  // the assignments and standard versions in force at the month's end (a past month stays reproducible)
  const compliance = await complianceByPartner(db, tenantId, from, ids, { inForceAt: to });
  const hasSnapshot = rows[0].hasSnapshot;
  const risk = hasSnapshot ? await equityAtRiskRollup(db, tenantId, "partner", { from, to, asOf: from }) : [];
  const riskOf = new Map(risk.map((r) => [r.key, r.equityAtRisk]));
  return rows.map((r) => ({
    partnerId: r.partnerId,
    name: r.name,
    type: r.type,
    inputs: {
      compliance: { compliance: compliance.get(r.partnerId)?.score ?? null },
      experience: {
        successes: r.successes,
        partials: r.partials,
        failures: r.failures,
        csatAverage: r.csat,
        nps: npsFromCounts({ promoters: r.promoters, passives: r.passives, detractors: r.detractors }),
      },
      incidents: {
        interactions: r.successes + r.partials + r.failures,
        incidents: r.opened,
        slaMeasured: r.slaMeasured,
        slaMet: r.slaMet,
        meanHoursToResolve: r.mttrHours,
        targetHoursToResolve: r.targetHours,
      },
      value: {
        equityServed: r.hasSnapshot ? (r.served ?? 0) : null,
        equityServedLastMonth: r.hasPrevSnapshot ? (r.servedPrev ?? 0) : null,
        equityAtRisk: r.hasSnapshot ? (riskOf.get(r.partnerId) ?? 0) : null,
      },
      engagement: {
        responses: r.responses,
        communication: r.communication,
        fairness: r.fairness,
        tools: r.tools,
        support: r.support,
      },
    },
  }));
}
