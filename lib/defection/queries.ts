/**
 * The defection measurement for the Defection page and GET /api/v1/defection (run by the defection
 * job): one set-based query builds the observations, reads their transactions once and groups them
 * into the matched strata of measure.ts (the database bins and counts; Node receives a thousand-odd
 * rows of counts and the non-zero spend changes the bootstrap resamples), then measure.ts's
 * bootstrap. On the large bench tenant (bench/defection.ts) the whole measurement takes about 1.3×
 * one SQL aggregate over the same rows.
 *
 * Index dates: one year of them, ending where the outcome window still fits before today —
 * [from, to) with to = the first day of the month of (today − window) and from = to − 12 months.
 * - bad experience: each customer's first incident naming them in [from, to), at its opening time;
 * - good service: each customer's first interaction in [from, to) rated CSAT ≥ 4 or NPS ≥ 9;
 * - when a workspace has more than EVENT_SAMPLE such customers, a deterministic sample of them;
 * - comparison customers: a deterministic sample of the workspace's customers (about
 *   CONTROL_SAMPLE of them: every k-th by a hash of the id), each evaluated at the first day of
 *   every month of [from, to) they were already a customer at; one is left out of the bad
 *   (good) comparison when it had an incident (a positive interaction) within a window of that date.
 * Prior frequency and recency look back 365 days (recency beyond that is one bin).
 */
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/scope";
import { effectiveChurn, getTenantSettings, type ValueSettings } from "@/lib/tenants/settings";
import { armOf, MEASURE_DEFAULTS, type Matched, measureStrata, type GroupResult, type Segment } from "./measure";

/** About this many comparison customers are sampled (each at up to 12 month starts). */
const CONTROL_SAMPLE = 2000;
/**
 * At most about this many customers with an event per comparison (every k-th by a hash of the id when
 * there are more): intervals from 3,000 are already narrow, and the large tenant stays under 2 s.
 */
const EVENT_SAMPLE = 3000;
const DAY_MS = 86_400_000;

/** The year of index dates whose outcome window of `windowDays` has fully passed by `now`. */
export function defectionPeriod(now: Date, windowDays: number): { from: Date; to: Date } {
  const end = new Date(now.getTime() - windowDays * DAY_MS);
  const to = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth(), 1));
  const from = new Date(Date.UTC(to.getUTCFullYear(), to.getUTCMonth() - 12, 1));
  return { from, to };
}

/**
 * One row per observation (a customer at an index date) with what matching and the outcome need —
 * also what the bench aggregates by hand to compare with (bench/defection.ts). Set-based and lean:
 * - the segment is carried from where each observation is made (the comparison sample's scan of
 *   Customer, one key lookup per customer with an event), never from a second scan of Customer;
 * - the transactions are read once, by customer on (tenantId, customerId, occurredAt), for the
 *   observed customers only; prior purchases, recency, spend before and the outcome after come
 *   from that one pass;
 * - the incidents and positive interactions near a comparison date are read by customer too (one
 *   index range per sampled comparison customer), not by scanning the tables.
 */
export function defectionRowsSql(tenantId: string, period: { from: Date; to: Date }, windowDays: number): Prisma.Sql {
  const { from, to } = period;
  const window = Prisma.sql`(${windowDays}::int * interval '1 day')`;
  const positive = Prisma.sql`(x.csat >= 4 or x.nps >= 9)`;
  return Prisma.sql`
    with bad_all as (
      select distinct on (i."customerId") i."customerId" as cid, i."openedAt" as d
      from "Incident" i
      where i."tenantId" = ${tenantId} and i."customerId" is not null and i."openedAt" >= ${from} and i."openedAt" < ${to}
      order by i."customerId", i."openedAt"
    ), good_all as (
      select distinct on (x."customerId") x."customerId" as cid, x."occurredAt" as d
      from "Interaction" x
      where x."tenantId" = ${tenantId} and x."customerId" is not null and x."occurredAt" >= ${from} and x."occurredAt" < ${to}
        and ${positive}
      order by x."customerId", x."occurredAt"
    ), events as (
      select 'BAD' as kind, b.cid, b.d from bad_all b
      cross join (select greatest(1, ceil(count(*) / ${EVENT_SAMPLE}::float8))::int as k from bad_all) s
      where mod(abs(hashtext(b.cid)), s.k) = 0
      union all
      select 'GOOD', g.cid, g.d from good_all g
      cross join (select greatest(1, ceil(count(*) / ${EVENT_SAMPLE}::float8))::int as k from good_all) s
      where mod(abs(hashtext(g.cid)), s.k) = 0
    ), step as (
      select greatest(1, ceil(count(*) / ${CONTROL_SAMPLE}::float8))::int as k
      from "Customer" where "tenantId" = ${tenantId} and "acquiredAt" < ${to}
    ), sampled as materialized (
      select c.id as cid, c.segment, c."acquiredAt"
      from "Customer" c cross join step
      where c."tenantId" = ${tenantId} and c."acquiredAt" < ${to} and mod(abs(hashtext(c.id)), step.k) = 0
    ), controls as (
      select 'CONTROL' as kind, c.cid, c.segment, m as d
      from sampled c
      cross join generate_series(${from}::timestamptz, ${to}::timestamptz - interval '1 month', interval '1 month') as m
      where c."acquiredAt" < m
    ), obs as materialized (
      select e.kind, e.cid, c.segment, e.d
      from events e
      cross join lateral (select c.segment from "Customer" c where c."tenantId" = ${tenantId} and c.id = e.cid) c
      union all
      select kind, cid, segment, d from controls
    ), tx as materialized (
      -- Each observed customer's transactions in the whole range, one index range per customer.
      select o.cid, t.at, t.revenue
      from (select distinct cid from obs) o
      cross join lateral (
        select t."occurredAt" as at, t.revenue
        from "Transaction" t
        where t."tenantId" = ${tenantId} and t."customerId" = o.cid
          and t."occurredAt" >= ${from}::timestamptz - greatest(interval '365 days', ${window})
          and t."occurredAt" < ${to}::timestamptz + ${window}
        offset 0
      ) t
    ), outcome as (
      select o.kind, o.cid, o.segment, o.d,
             count(*) filter (where t.at >= o.d - interval '365 days' and t.at < o.d)::int as prior,
             floor(extract(epoch from o.d - max(t.at) filter (where t.at < o.d)) / 86400)::int as recency,
             coalesce(bool_or(t.at > o.d), false) as bought,
             coalesce(sum(t.revenue) filter (where t.at >= o.d - ${window} and t.at < o.d), 0)::float8 as before,
             coalesce(sum(t.revenue) filter (where t.at > o.d), 0)::float8 as after
      from obs o
      left join tx t on t.cid = o.cid
        and t.at >= o.d - greatest(interval '365 days', ${window}) and t.at < o.d + ${window}
      group by o.kind, o.cid, o.segment, o.d
    ), nearby as materialized (
      -- The sampled comparison customers' incidents and positive interactions, one index range each
      -- ("offset 0" keeps each lateral a per-customer lookup rather than a join the planner, misled by
      -- row-level security's filters, turns into a scan of the table per customer).
      select s.cid, true as incident, i.at
      from sampled s
      cross join lateral (
        select i."openedAt" as at from "Incident" i
        where i."tenantId" = ${tenantId} and i."customerId" = s.cid
          and i."openedAt" >= ${from}::timestamptz - ${window} and i."openedAt" < ${to}::timestamptz + ${window}
        offset 0
      ) i
      union all
      select s.cid, false, x.at
      from sampled s
      cross join lateral (
        select x."occurredAt" as at from "Interaction" x
        where x."tenantId" = ${tenantId} and x."customerId" = s.cid and ${positive}
          and x."occurredAt" >= ${from}::timestamptz - ${window} and x."occurredAt" < ${to}::timestamptz + ${window}
        offset 0
      ) x
    ), near as (
      select o.cid, o.d, bool_or(n.incident) as incident, bool_or(not n.incident) as good
      from controls o
      join nearby n on n.cid = o.cid and n.at >= o.d - ${window} and n.at < o.d + ${window}
      group by o.cid, o.d
    )
    select a.kind, a.segment::text as segment, to_char(a.d at time zone 'UTC', 'YYYY-MM') as month,
           a.prior as "priorPurchases", a.recency as "recencyDays", a.bought as "boughtAgain",
           a.before as "spendBefore", a.after as "spendAfter",
           coalesce(n.incident, false) as "hadIncident", coalesce(n.good, false) as "hadGood"
    from outcome a
    left join near n on a.kind = 'CONTROL' and n.cid = a.cid and n.d = a.d`;
}

/**
 * One group of observations of one stratum, as the database groups them (see defectionStrata): the
 * customers with a bad (good) experience, or the comparison customers with or without an incident
 * and a positive interaction near their date (a comparison customer is left out of the comparison
 * whose kind of event it had).
 */
type ArmRow = {
  kind: "BAD" | "GOOD" | "CONTROL";
  segment: Segment;
  month: string;
  frequency: number;
  recency: number;
  hadIncident: boolean;
  hadGood: boolean;
  n: number;
  bought: number;
  more: number;
  /** The spend changes that are not zero. */
  changes: number[];
};

/**
 * The coarsened exact matching, done by the database: the rows of defectionRowsSql binned as
 * frequencyBin / recencyBin (measure.ts) bin them, and grouped per stratum and kind. Node receives
 * about a thousand rows of counts, and only the spend changes that are not zero — what the
 * bootstrap resamples.
 */
async function defectionStrata(
  db: Db,
  tenantId: string,
  period: { from: Date; to: Date },
  windowDays: number,
): Promise<ArmRow[]> {
  await analysisSettings(db);
  return db.$queryRaw<ArmRow[]>(defectionStrataSql(tenantId, period, windowDays));
}

/**
 * The session settings of the analysis's query, and of the bench's SQL aggregate it is compared with:
 * no JIT (compiling the plan costs more than it saves on these row counts), and room to group in memory.
 */
export async function analysisSettings(db: Db): Promise<void> {
  await db.$executeRaw`select set_config('jit', 'off', true), set_config('work_mem', '32MB', true)`;
}

function defectionStrataSql(tenantId: string, period: { from: Date; to: Date }, windowDays: number): Prisma.Sql {
  return Prisma.sql`
    select r.kind, r.segment, r.month,
           case when r."priorPurchases" <= 0 then 0 when r."priorPurchases" = 1 then 1
                when r."priorPurchases" = 2 then 2 when r."priorPurchases" <= 5 then 3 else 4 end as frequency,
           case when r."recencyDays" is null or r."recencyDays" > 365 then 4 when r."recencyDays" <= 30 then 0
                when r."recencyDays" <= 90 then 1 when r."recencyDays" <= 180 then 2 else 3 end as recency,
           r."hadIncident", r."hadGood",
           count(*)::int as n,
           (count(*) filter (where r."boughtAgain"))::int as bought,
           (count(*) filter (where r."spendAfter" > r."spendBefore"))::int as more,
           coalesce(array_agg(r."spendAfter" - r."spendBefore") filter (where r."spendAfter" <> r."spendBefore"), '{}') as changes
    from (${defectionRowsSql(tenantId, period, windowDays)}) r
    group by 1, 2, 3, 4, 5, 6, 7`;
}

type DefectionSide = { B2B: GroupResult; B2C: GroupResult };

export type DefectionMeasurement = {
  windowDays: number;
  from: string;
  to: string;
  resamples: number;
  minimumTreated: number;
  /** Comparison customer-months sampled (before the ones with an event nearby are left out). */
  comparisonObservations: number;
  bad: DefectionSide;
  good: DefectionSide;
  /** The survey figures of the settings and DESIGN.md: share who stop buying after a bad experience. */
  survey: { defection: { B2B: number; B2C: number }; boughtMore: { B2B: number; B2C: number } };
  basis: { basis: "SURVEY" | "MEASURED"; label: string; measuredAt: string | null };
};

/** Bought more after a good experience, from the survey the product starts from (DESIGN.md). */
const SURVEY_BOUGHT_MORE = { B2B: 0.62, B2C: 0.42 } as const;

/** Counts and spend changes of several groups of one arm together. */
type Pooled = { n: number; bought: number; more: number; changes: number[] };

function pool(target: Pooled | undefined, row: ArmRow): Pooled {
  if (!target) return { n: row.n, bought: row.bought, more: row.more, changes: [...row.changes] };
  target.n += row.n;
  target.bought += row.bought;
  target.more += row.more;
  for (const c of row.changes) target.changes.push(c);
  return target;
}

/** An arm whose spend changes are in ascending order: the result never depends on the rows' order. */
const sortedArm = (p: Pooled) => armOf(p.n, p.bought, p.more, Float64Array.from(p.changes).sort());

/**
 * The matched strata of each comparison and segment from the database's groups: the treated are the
 * customers of that kind; the comparison arm, the comparison customers without that kind of event
 * nearby. A stratum needs both; treated without a comparison arm are the unmatched.
 */
function matchedOf(rows: ArmRow[]): { comparisonObservations: number; bad: DefectionSide; good: DefectionSide } {
  const arms = new Map<string, Pooled>();
  const strata = new Set<string>();
  let comparisonObservations = 0;
  for (const r of rows) {
    const stratum = `${r.segment}|${r.month}|${r.frequency}|${r.recency}`;
    strata.add(stratum);
    if (r.kind === "CONTROL") {
      comparisonObservations += r.n;
      if (!r.hadIncident) arms.set(`BAD:CONTROL|${stratum}`, pool(arms.get(`BAD:CONTROL|${stratum}`), r));
      if (!r.hadGood) arms.set(`GOOD:CONTROL|${stratum}`, pool(arms.get(`GOOD:CONTROL|${stratum}`), r));
    } else arms.set(`${r.kind}:TREATED|${stratum}`, pool(arms.get(`${r.kind}:TREATED|${stratum}`), r));
  }
  const keys = [...strata].sort();
  const side = (kind: "BAD" | "GOOD"): DefectionSide => {
    const of = (segment: Segment) => {
      const matched: Matched = { strata: [], unmatched: 0, controls: 0 };
      for (const stratum of keys) {
        const t = arms.get(`${kind}:TREATED|${stratum}`);
        if (!t || !stratum.startsWith(`${segment}|`)) continue;
        const c = arms.get(`${kind}:CONTROL|${stratum}`);
        if (!c) {
          matched.unmatched += t.n;
          continue;
        }
        matched.controls += c.n;
        matched.strata.push({ treated: sortedArm(t), control: sortedArm(c) });
      }
      return measureStrata(segment, matched);
    };
    return { B2B: of("B2B"), B2C: of("B2C") };
  };
  return { comparisonObservations, bad: side("BAD"), good: side("GOOD") };
}

/** The whole measurement of a workspace, as of `now`. */
export async function measureDefection(db: Db, tenantId: string, now = new Date()): Promise<DefectionMeasurement> {
  const value = (await getTenantSettings(db, tenantId)).value;
  const period = defectionPeriod(now, value.defectionWindowDays);
  const groups = await defectionStrata(db, tenantId, period, value.defectionWindowDays);
  return {
    windowDays: value.defectionWindowDays,
    from: period.from.toISOString().slice(0, 10),
    to: period.to.toISOString().slice(0, 10),
    resamples: MEASURE_DEFAULTS.resamples,
    minimumTreated: MEASURE_DEFAULTS.minimumTreated,
    ...matchedOf(groups),
    survey: { defection: value.churnProbability, boughtMore: SURVEY_BOUGHT_MORE },
    basis: basisOf(value),
  };
}

function basisOf(value: ValueSettings): DefectionMeasurement["basis"] {
  const churn = effectiveChurn(value);
  return {
    basis: churn.basis,
    label: churn.label,
    measuredAt: churn.basis === "MEASURED" ? (value.measuredChurn?.measuredAt ?? null) : null,
  };
}

/** The basis equity at risk uses now, from the workspace's settings. */
export async function churnBasis(db: Db, tenantId: string): Promise<DefectionMeasurement["basis"]> {
  return basisOf((await getTenantSettings(db, tenantId)).value);
}
