/**
 * The per-customer outcome rows the defection measurement (measure.ts) resamples, pulled by one
 * set-based query, and the measurement itself for the Defection page and GET /api/v1/defection.
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
import { MEASURE_DEFAULTS, measureSegment, type Observation, type GroupResult, type Segment } from "./measure";

/** About this many comparison customers are sampled (each at up to 12 month starts). */
const CONTROL_SAMPLE = 2000;
/**
 * At most about this many customers with an event per comparison (every k-th by a hash of the id when
 * there are more): intervals from 3,000 are already narrow, and the large tenant stays under 2 s.
 */
const EVENT_SAMPLE = 3000;
const DAY_MS = 86_400_000;

type DefectionRow = Observation & { kind: "BAD" | "GOOD" | "CONTROL"; hadIncident: boolean; hadGood: boolean };

/** The year of index dates whose outcome window of `windowDays` has fully passed by `now`. */
export function defectionPeriod(now: Date, windowDays: number): { from: Date; to: Date } {
  const end = new Date(now.getTime() - windowDays * DAY_MS);
  const to = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth(), 1));
  const from = new Date(Date.UTC(to.getUTCFullYear(), to.getUTCMonth() - 12, 1));
  return { from, to };
}

/** The rows' SQL: also what the bench aggregates by hand to compare with (bench/defection.ts). */
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
    ), bad as (
      select b.* from bad_all b
      cross join (select greatest(1, ceil(count(*) / ${EVENT_SAMPLE}::float8))::int as k from bad_all) s
      where mod(abs(hashtext(b.cid)), s.k) = 0
    ), good as (
      select g.* from good_all g
      cross join (select greatest(1, ceil(count(*) / ${EVENT_SAMPLE}::float8))::int as k from good_all) s
      where mod(abs(hashtext(g.cid)), s.k) = 0
    ), step as (
      select greatest(1, ceil(count(*) / ${CONTROL_SAMPLE}::float8))::int as k
      from "Customer" where "tenantId" = ${tenantId} and "acquiredAt" < ${to}
    ), controls as (
      select c.id as cid, m as d
      from "Customer" c
      cross join step
      cross join generate_series(${from}::timestamptz, ${to}::timestamptz - interval '1 month', interval '1 month') as m
      where c."tenantId" = ${tenantId} and c."acquiredAt" < m and mod(abs(hashtext(c.id)), step.k) = 0
    ), obs as (
      select 'BAD' as kind, cid, d from bad
      union all select 'GOOD', cid, d from good
      union all select 'CONTROL', cid, d from controls
    ), tx as materialized (
      -- The transactions any observation can look at, read once by range (a hash join below, not one
      -- index lookup per customer-date).
      select t."customerId" as cid, t."occurredAt" as at, t.revenue
      from "Transaction" t
      where t."tenantId" = ${tenantId}
        and t."occurredAt" >= ${from}::timestamptz - greatest(interval '365 days', ${window})
        and t."occurredAt" < ${to}::timestamptz + ${window}
        and t."customerId" in (select cid from obs)
    ), outcome as (
      select o.kind, o.cid, o.d,
             count(*) filter (where t.at >= o.d - interval '365 days' and t.at < o.d)::int as prior,
             floor(extract(epoch from o.d - max(t.at) filter (where t.at < o.d)) / 86400)::int as recency,
             coalesce(bool_or(t.at > o.d), false) as bought,
             coalesce(sum(t.revenue) filter (where t.at >= o.d - ${window} and t.at < o.d), 0)::float8 as before,
             coalesce(sum(t.revenue) filter (where t.at > o.d), 0)::float8 as after
      from obs o
      left join tx t on t.cid = o.cid
        and t.at >= o.d - greatest(interval '365 days', ${window}) and t.at < o.d + ${window}
      group by o.kind, o.cid, o.d
    ), near_incident as (
      select distinct o.cid, o.d
      from controls o
      join "Incident" i on i."customerId" = o.cid
      where i."tenantId" = ${tenantId} and i."openedAt" >= o.d - ${window} and i."openedAt" < o.d + ${window}
    ), near_good as (
      select distinct o.cid, o.d
      from controls o
      join "Interaction" x on x."customerId" = o.cid
      where x."tenantId" = ${tenantId} and x."occurredAt" >= o.d - ${window} and x."occurredAt" < o.d + ${window}
        and ${positive}
    )
    select a.kind, c.segment::text as segment, to_char(a.d at time zone 'UTC', 'YYYY-MM') as month,
           a.prior as "priorPurchases", a.recency as "recencyDays", a.bought as "boughtAgain",
           a.before as "spendBefore", a.after as "spendAfter",
           (a.kind = 'CONTROL' and ni.cid is not null) as "hadIncident",
           (a.kind = 'CONTROL' and ng.cid is not null) as "hadGood"
    from outcome a
    join "Customer" c on c."tenantId" = ${tenantId} and c.id = a.cid
    left join near_incident ni on a.kind = 'CONTROL' and ni.cid = a.cid and ni.d = a.d
    left join near_good ng on a.kind = 'CONTROL' and ng.cid = a.cid and ng.d = a.d`;
}

type PackedRows = {
  kind: DefectionRow["kind"];
  segment: Segment;
  month: string;
  prior: number[];
  recency: (number | null)[];
  bought: boolean[];
  before: number[];
  after: number[];
  hadIncident: boolean[];
  hadGood: boolean[];
};

/**
 * The rows, packed into one array per column and (kind, segment, month) by the database: tens of
 * rows of arrays cross the wire instead of tens of thousands of objects (the driver's per-row
 * decoding cost ~20× the query itself), and are unpacked here.
 */
async function defectionRows(
  db: Db,
  tenantId: string,
  period: { from: Date; to: Date },
  windowDays: number,
): Promise<DefectionRow[]> {
  // Small row counts even on the large tenant: compiling the plan (JIT) costs more than it saves.
  await db.$executeRaw`set local jit = off`;
  const packed = await db.$queryRaw<PackedRows[]>`
    select r.kind, r.segment, r.month, array_agg(r."priorPurchases") as prior, array_agg(r."recencyDays") as recency,
           array_agg(r."boughtAgain") as bought, array_agg(r."spendBefore") as before, array_agg(r."spendAfter") as after,
           array_agg(r."hadIncident") as "hadIncident", array_agg(r."hadGood") as "hadGood"
    from (${defectionRowsSql(tenantId, period, windowDays)}) r
    group by 1, 2, 3`;
  const rows: DefectionRow[] = [];
  for (const p of packed) {
    for (let i = 0; i < p.prior.length; i++) {
      rows.push({
        kind: p.kind,
        treated: false,
        segment: p.segment,
        month: p.month,
        priorPurchases: p.prior[i],
        recencyDays: p.recency[i],
        boughtAgain: p.bought[i],
        spendBefore: p.before[i],
        spendAfter: p.after[i],
        hadIncident: p.hadIncident[i],
        hadGood: p.hadGood[i],
      });
    }
  }
  return rows;
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

/** Split rows into the bad and good comparisons and measure each segment. */
function measureRows(rows: DefectionRow[]): { bad: DefectionSide; good: DefectionSide } {
  const bad = rows.filter((r) => r.kind === "BAD" || (r.kind === "CONTROL" && !r.hadIncident));
  const good = rows.filter((r) => r.kind === "GOOD" || (r.kind === "CONTROL" && !r.hadGood));
  const side = (list: DefectionRow[], kind: "BAD" | "GOOD"): DefectionSide => {
    const observations = list.map((r) => ({ ...r, treated: r.kind === kind }));
    const of = (segment: Segment) => measureSegment(segment, observations);
    return { B2B: of("B2B"), B2C: of("B2C") };
  };
  return { bad: side(bad, "BAD"), good: side(good, "GOOD") };
}

/** The whole measurement of a workspace, as of `now`. */
export async function measureDefection(db: Db, tenantId: string, now = new Date()): Promise<DefectionMeasurement> {
  const value = (await getTenantSettings(db, tenantId)).value;
  const period = defectionPeriod(now, value.defectionWindowDays);
  const rows = await defectionRows(db, tenantId, period, value.defectionWindowDays);
  return {
    windowDays: value.defectionWindowDays,
    from: period.from.toISOString().slice(0, 10),
    to: period.to.toISOString().slice(0, 10),
    resamples: MEASURE_DEFAULTS.resamples,
    minimumTreated: MEASURE_DEFAULTS.minimumTreated,
    comparisonObservations: rows.filter((r) => r.kind === "CONTROL").length,
    ...measureRows(rows),
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
