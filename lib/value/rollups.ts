/**
 * Customer equity rollups: sums of the CLV snapshots (CustomerValue) of one month, set-based.
 *
 * Attribution, chosen so that every rollup adds up to the total equity (nothing is counted
 * twice):
 * - serving partner and channel: each customer's CLV is split over the partners (channels)
 *   that served them in proportion to the margin they served up to the end of the month
 *   (negative margins count as 0; a customer whose margins are all ≤ 0 is split by number of
 *   transactions). Transactions without a partner go to "Direct". `servedEquity` also gives the
 *   full CLV of every customer the partner served at least once (not additive across partners).
 * - touchpoint: split in proportion to the customer's interactions at each touchpoint up to the
 *   end of the month; customers without a recorded interaction form their own row.
 * - acquiring partner and segment: the customer's whole CLV (each customer has exactly one).
 */
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/scope";
import type { QueryDb } from "@/lib/db/sql-scope";
import { valuePeriod, type AttributionPairs, type CustomerAttribution } from "./tenant-data";

type RollupRow = { key: string | null; label: string; customers: number; equity: number; servedEquity?: number };
export type EquityRollups = {
  asOf: Date;
  total: { equity: number; customers: number };
  byServingPartner: RollupRow[];
  byAcquiringPartner: RollupRow[];
  byTouchpoint: RollupRow[];
  bySegment: RollupRow[];
  byChannel: RollupRow[];
};

/** Months with snapshots and their total equity, oldest first (the trend). */
export async function equityTrend(
  db: Db,
  tenantId: string,
): Promise<{ asOf: Date; equity: number; customers: number }[]> {
  return db.$queryRaw`
    select "asOf" as "asOf", coalesce(sum(clv), 0)::float8 as equity, count(*)::int as customers
    from "CustomerValue" where "tenantId" = ${tenantId} group by "asOf" order by "asOf"`;
}

export async function latestSnapshotMonth(db: QueryDb, tenantId: string): Promise<Date | null> {
  const [row] = await db.$queryRaw<
    { asOf: Date | null }[]
  >`select max("asOf") as "asOf" from "CustomerValue" where "tenantId" = ${tenantId}`;
  return row?.asOf ?? null;
}

type Raw = { key: string | null; customers: number; equity: number; served: number | null };
type Dimension =
  | "SERVING_PARTNER"
  | "ACQUIRING_PARTNER"
  | "TOUCHPOINT"
  | "SEGMENT"
  | "CHANNEL"
  | "SERVED_B2B"
  | "SERVED_B2C";
const DIMENSIONS: Dimension[] = [
  "SERVING_PARTNER",
  "ACQUIRING_PARTNER",
  "TOUCHPOINT",
  "SEGMENT",
  "CHANNEL",
  "SERVED_B2B",
  "SERVED_B2C",
];

/**
 * CLV split over the values of a transaction column, weighted by positive margin (by count when a
 * customer's margins are all ≤ 0). One pass: per (customer, value) sums, shares by window, then a
 * join on the snapshot's primary key. Joins between CTEs are avoided on purpose: on the embedded
 * database they are planned without statistics.
 */
function byTransactionColumnSql(tenantId: string, asOf: Date, cutoff: Date, column: Prisma.Sql) {
  return Prisma.sql`
    with per as (
      select t."customerId" as cid, ${column} as k, sum(greatest(t.margin, 0))::float8 as w, count(*)::float8 as n
      from "Transaction" t
      where t."tenantId" = ${tenantId} and t."occurredAt" < ${cutoff}
      group by 1, 2
    ), sh as (
      select cid, k,
             case when sum(w) over (partition by cid) > 0 then w / sum(w) over (partition by cid)
                  else n / sum(n) over (partition by cid) end as share
      from per
    )
    select sh.k as key, count(*)::int as customers, sum(cv.clv * sh.share)::float8 as equity, sum(cv.clv)::float8 as served
    from sh join "CustomerValue" cv on cv."tenantId" = ${tenantId} and cv."asOf" = ${asOf}::date and cv."customerId" = sh.cid
    group by sh.k`;
}

/** The live SQL of one rollup dimension over the snapshots of `asOf` (key null = none). */
function dimensionSql(tenantId: string, asOf: Date, dimension: Dimension): Prisma.Sql {
  const { cutoff } = valuePeriod(asOf);
  switch (dimension) {
    case "SERVING_PARTNER":
      return byTransactionColumnSql(tenantId, asOf, cutoff, Prisma.sql`t."servingPartnerId"`);
    case "CHANNEL":
      return byTransactionColumnSql(tenantId, asOf, cutoff, Prisma.sql`t.channel::text`);
    case "TOUCHPOINT":
      return Prisma.sql`
        with per as (
          select i."customerId" as cid, i."touchpointId" as k, count(*)::float8 as n
          from "Interaction" i
          where i."tenantId" = ${tenantId} and i."occurredAt" < ${cutoff} and i."customerId" is not null
          group by 1, 2
        ), sh as (
          select cid, k, n / sum(n) over (partition by cid) as share from per
        )
        select sh.k as key, count(*)::int as customers, sum(cv.clv * coalesce(sh.share, 1))::float8 as equity, sum(cv.clv)::float8 as served
        from "CustomerValue" cv left join sh on sh.cid = cv."customerId"
        where cv."tenantId" = ${tenantId} and cv."asOf" = ${asOf}::date
        group by sh.k`;
    case "ACQUIRING_PARTNER":
    case "SEGMENT": {
      const column = dimension === "SEGMENT" ? Prisma.sql`c.segment::text` : Prisma.sql`c."acquiringPartnerId"`;
      return Prisma.sql`
        select ${column} as key, count(*)::int as customers, sum(v.clv)::float8 as equity, null::float8 as served
        from "CustomerValue" v join "Customer" c on c."tenantId" = ${tenantId} and c.id = v."customerId"
        where v."tenantId" = ${tenantId} and v."asOf" = ${asOf}::date group by 1`;
    }
    case "SERVED_B2B":
    case "SERVED_B2C":
      return Prisma.sql`select key, customers, equity, served from (${servedBySegmentSql(tenantId, asOf, cutoff)}) s where s.dimension = ${dimension}`;
  }
}

/** Per serving partner and segment, its customers (any transaction before the month's end) and their CLV: both SERVED_* dimensions in one pass. */
function servedBySegmentSql(tenantId: string, asOf: Date, cutoff: Date) {
  return Prisma.sql`
    select s.pid as key, (case c.segment when 'B2B' then 'SERVED_B2B' else 'SERVED_B2C' end) as dimension,
           count(*)::int as customers, sum(cv.clv)::float8 as equity, sum(cv.clv)::float8 as served
    from (
      select distinct t."servingPartnerId" as pid, t."customerId" as cid
      from "Transaction" t
      where t."tenantId" = ${tenantId} and t."occurredAt" < ${cutoff} and t."servingPartnerId" is not null
    ) s
    join "CustomerValue" cv on cv."tenantId" = ${tenantId} and cv."asOf" = ${asOf}::date and cv."customerId" = s.cid
    join "Customer" c on c."tenantId" = ${tenantId} and c.id = s.cid
    group by 1, 2`;
}

/** One stored rollup row (key null: none recorded / direct). */
export type RollupRecord = {
  dimension: Dimension;
  key: string | null;
  customers: number;
  equity: number;
  served: number | null;
};

/**
 * The rollups that do not need the interactions — serving partner, channel, served by segment,
 * acquiring partner and segment — from the history read's attribution (one pass over the
 * transactions, lib/value/tenant-data.ts) and each customer's stored CLV, in memory: no second pass
 * over the transactions (decision 010). Same formulas as the SQL of materializeEquityRollups: each
 * CLV split by positive margin over the serving partners (channels), by number of transactions
 * when a customer's margins are all ≤ 0, summed per key and segment, then per key.
 */
export function attributionRollups(
  segments: readonly ("B2B" | "B2C")[],
  attribution: CustomerAttribution,
  clv: ArrayLike<number>,
): RollupRecord[] {
  const { partners, channels } = attribution;
  const byPartner = new KeyTotals(partners.names.length);
  const byChannel = new KeyTotals(channels.names.length);
  const byAcquiringPartner: WholeTotals = new Map();
  const bySegment: WholeTotals = new Map();
  const addWhole = (totals: WholeTotals, key: string | null, value: number) => {
    const total = totals.get(key);
    if (total) {
      total.customers += 1;
      total.equity += value;
    } else totals.set(key, { customers: 1, equity: value });
  };
  for (let i = 0; i < clv.length; i++) {
    const value = clv[i];
    const segment = segments[i] === "B2B" ? B2B : B2C;
    let weightTotal = 0;
    let countTotal = 0;
    for (let j = partners.start[i]; j < partners.start[i + 1]; j++) {
      weightTotal += partners.positiveCents[j] / 100;
      countTotal += partners.count[j];
    }
    byPartner.split(partners, i, segment, value, weightTotal, countTotal);
    byChannel.split(channels, i, segment, value, weightTotal, countTotal);
    addWhole(byAcquiringPartner, attribution.acquiringPartner[i], value);
    addWhole(bySegment, segments[i], value);
  }
  const whole = (dimension: Dimension, totals: WholeTotals) =>
    [...totals].map(
      ([key, t]): RollupRecord => ({ dimension, key, customers: t.customers, equity: t.equity, served: null }),
    );
  return [
    ...byPartner.records("SERVING_PARTNER", partners.names),
    ...byPartner.servedBySegment(partners.names),
    ...byChannel.records("CHANNEL", channels.names),
    ...whole("ACQUIRING_PARTNER", byAcquiringPartner),
    ...whole("SEGMENT", bySegment),
  ];
}

/** Per key, the customers whose whole CLV counts for it (acquiring partner, segment) and the sum of those CLVs. */
type WholeTotals = Map<string | null, { customers: number; equity: number }>;

const B2B = 0;
const B2C = 1;

/**
 * Per key number and segment: the customers, their split equity and their whole CLVs (served), summed in customer
 * order from +0; a key's record adds its B2B and B2C sums (two numbers: the same sum in either order, and a segment
 * without customers adds +0, which changes no sum).
 */
class KeyTotals {
  private readonly customers: Int32Array;
  private readonly equity: Float64Array;
  private readonly served: Float64Array;

  constructor(private readonly keys: number) {
    this.customers = new Int32Array(keys * 2);
    this.equity = new Float64Array(keys * 2);
    this.served = new Float64Array(keys * 2);
  }

  /** Customer i's CLV split by positive margin over its pairs (by transactions when its margins are all ≤ 0). */
  split(pairs: AttributionPairs, i: number, segment: number, value: number, weightTotal: number, countTotal: number) {
    for (let j = pairs.start[i]; j < pairs.start[i + 1]; j++) {
      const at = segment * this.keys + pairs.key[j];
      const share =
        weightTotal > 0 ? value * (pairs.positiveCents[j] / 100 / weightTotal) : value * (pairs.count[j] / countTotal);
      this.customers[at] += 1;
      this.equity[at] += share;
      this.served[at] += value;
    }
  }

  records(dimension: Dimension, names: (string | null)[]): RollupRecord[] {
    const records: RollupRecord[] = [];
    for (let key = 0; key < this.keys; key++) {
      const [b2b, b2c] = [key, this.keys + key];
      const customers = this.customers[b2b] + this.customers[b2c];
      if (customers === 0) continue;
      const equity = this.equity[b2b] + this.equity[b2c];
      records.push({ dimension, key: names[key], customers, equity, served: this.served[b2b] + this.served[b2c] });
    }
    return records;
  }

  /** What each named key served in each segment: the whole CLVs of the customers it served there. */
  servedBySegment(names: (string | null)[]): RollupRecord[] {
    const records: RollupRecord[] = [];
    for (const [segment, dimension] of [
      [B2B, "SERVED_B2B"],
      [B2C, "SERVED_B2C"],
    ] as const)
      for (let key = 0; key < this.keys; key++) {
        const at = segment * this.keys + key;
        if (names[key] === null || this.customers[at] === 0) continue;
        const served = this.served[at];
        records.push({ dimension, key: names[key], customers: this.customers[at], equity: served, served });
      }
    return records;
  }
}

/**
 * Writes every rollup of the month's snapshots (replacing the month's previous ones): called by the
 * recompute in the transaction that completes the snapshots, so reads never rescan transactions.
 * The recompute passes the rollups it computed from its history read (attributionRollups); the
 * touchpoints are one more statement over the interactions. Without them (snapshots written
 * elsewhere), three statements, each one pass over its table (decision 010): the transactions once for the
 * serving-partner, channel and served-by-segment rollups (one GROUP BY with GROUPING SETS feeding
 * all three; each customer's margin total and CLV become one row of factors, hash-joined back and
 * aggregated to ~1,000 groups: no window, no sort), the interactions once for the touchpoints, and the snapshots with their customers
 * once for the acquiring partners and segments. Same formulas as the live per-dimension SQL above.
 * Leaves nested loops off for the rest of that transaction.
 */
export async function materializeEquityRollups(
  db: Db,
  tenantId: string,
  asOf: Date,
  computed?: RollupRecord[],
): Promise<void> {
  const { cutoff } = valuePeriod(asOf);
  await db.$executeRaw`delete from "EquityRollup" where "tenantId" = ${tenantId} and "asOf" = ${asOf}::date`;
  // Whole-tenant aggregates over grouped derived tables: hash joins are right whatever the
  // statistics say, and a nested loop on a misestimate rescans the snapshots per customer.
  // (and no JIT: the disabled nested loops' cost would trigger a slow compilation, see lib/db/planner.ts)
  // The (customer, partner) and (customer, channel) groups are as many as the transactions: a larger
  // work_mem for this transaction keeps their hash table in memory instead of spilling it in batches.
  await db.$executeRaw`select set_config('enable_nestloop', 'off', true), set_config('jit', 'off', true), set_config('work_mem', '256MB', true)`;
  const insert = Prisma.sql`insert into "EquityRollup" ("tenantId", "asOf", "dimension", "key", "customers", "equity", "served")`;
  if (computed) {
    await db.$executeRaw`
      ${insert}
      select ${tenantId}, ${asOf}::date, r.dim::"EquityDimension", coalesce(r.key, ''), r.customers, r.equity, r.served
      from unnest(${computed.map((r) => r.dimension)}::text[], ${computed.map((r) => r.key)}::text[],
                  ${computed.map((r) => r.customers)}::int[], ${computed.map((r) => r.equity)}::float8[],
                  ${computed.map((r) => r.served)}::float8[]) as r(dim, key, customers, equity, served)`;
  } else {
    await db.$executeRaw`
      ${insert}
      with per as materialized (
        select t."customerId" as cid,
               case when grouping(t.channel) = 0 then 'CHANNEL' else 'SERVING_PARTNER' end as dim,
               case when grouping(t.channel) = 0 then t.channel::text else t."servingPartnerId" end as k,
               sum(greatest(t.margin, 0))::float8 as w, count(*)::float8 as n
        from "Transaction" t
        where t."tenantId" = ${tenantId} and t."occurredAt" < ${cutoff}
        group by grouping sets ((t."customerId", t."servingPartnerId"), (t."customerId", t.channel))
      ), tot as materialized (
        select cid, sum(w) as wt, sum(n) as nt from per where dim = 'SERVING_PARTNER' group by cid
      ), fac as materialized (
        select tot.cid, tot.wt, tot.nt, cv.clv, c.segment
        from tot
        join "CustomerValue" cv on cv."tenantId" = ${tenantId} and cv."asOf" = ${asOf}::date and cv."customerId" = tot.cid
        join "Customer" c on c."tenantId" = ${tenantId} and c.id = tot.cid
      ), g as materialized (
        select per.dim, per.k, fac.segment, count(*)::int as customers,
               sum(case when fac.wt > 0 then fac.clv * (per.w / fac.wt) else fac.clv * (per.n / fac.nt) end)::float8 as equity,
               sum(fac.clv)::float8 as served
        from per join fac on fac.cid = per.cid
        group by per.dim, per.k, fac.segment
      )
      select ${tenantId}, ${asOf}::date, r.dim::"EquityDimension", coalesce(r.key, ''), r.customers, r.equity, r.served
      from (
        select dim, k as key, sum(customers)::int as customers, sum(equity)::float8 as equity, sum(served)::float8 as served
        from g group by dim, k
        union all
        select case segment when 'B2B' then 'SERVED_B2B' else 'SERVED_B2C' end, k, sum(customers)::int, sum(served)::float8, sum(served)::float8
        from g where dim = 'SERVING_PARTNER' and k is not null
        group by 1, 2
      ) r`;
    await db.$executeRaw`
      ${insert}
      select ${tenantId}, ${asOf}::date,
             (case when grouping(c.segment) = 0 then 'SEGMENT' else 'ACQUIRING_PARTNER' end)::"EquityDimension",
             coalesce(case when grouping(c.segment) = 0 then c.segment::text else c."acquiringPartnerId" end, ''),
             count(*)::int, sum(v.clv)::float8, null::float8
      from "CustomerValue" v join "Customer" c on c."tenantId" = ${tenantId} and c.id = v."customerId"
      where v."tenantId" = ${tenantId} and v."asOf" = ${asOf}::date
      group by grouping sets ((c.segment), (c."acquiringPartnerId"))`;
  }
  await db.$executeRaw`
    ${insert}
    select ${tenantId}, ${asOf}::date, 'TOUCHPOINT'::"EquityDimension", coalesce(r.key, ''), r.customers, r.equity, r.served
    from (${dimensionSql(tenantId, asOf, "TOUCHPOINT")}) r`;
}

/** The month's rollup rows per dimension: the materialized ones, or computed live for snapshots written before them. */
async function rollupRowsByDimension(db: Db, tenantId: string, asOf: Date): Promise<Map<Dimension, Raw[]>> {
  const stored = await db.$queryRaw<(Raw & { dimension: Dimension })[]>`
    select "dimension"::text as dimension, nullif("key", '') as key, customers, equity, served
    from "EquityRollup" where "tenantId" = ${tenantId} and "asOf" = ${asOf}::date`;
  const byDimension = new Map<Dimension, Raw[]>(DIMENSIONS.map((d) => [d, []]));
  if (stored.length > 0) {
    for (const row of stored) byDimension.get(row.dimension)!.push(row);
    return byDimension;
  }
  for (const dimension of DIMENSIONS)
    byDimension.set(dimension, await db.$queryRaw<Raw[]>(dimensionSql(tenantId, asOf, dimension)));
  return byDimension;
}

export async function equityRollups(db: Db, tenantId: string, asOf: Date): Promise<EquityRollups> {
  const raw = await rollupRowsByDimension(db, tenantId, asOf);
  const segments = raw.get("SEGMENT")!;
  const total = {
    equity: segments.reduce((s, r) => s + r.equity, 0),
    customers: segments.reduce((s, r) => s + r.customers, 0),
  };
  // One after the other: a transaction is one connection, and pg deprecates overlapping queries on it.
  const partners = await db.partner.findMany({ where: { tenantId }, select: { id: true, name: true } });
  const touchpoints = await db.touchpoint.findMany({ where: { tenantId }, select: { id: true, name: true } });
  const partnerName = new Map(partners.map((p) => [p.id, p.name]));
  const touchpointName = new Map(touchpoints.map((t) => [t.id, t.name]));
  const rows = (dimension: Dimension, label: (key: string | null) => string, served = false): RollupRow[] =>
    raw
      .get(dimension)!
      .map((r) => ({
        key: r.key,
        label: label(r.key),
        customers: r.customers,
        equity: r.equity,
        ...(served ? { servedEquity: r.served ?? 0 } : {}),
      }))
      .sort((a, b) => b.equity - a.equity || a.label.localeCompare(b.label));
  return {
    asOf,
    total,
    byServingPartner: rows(
      "SERVING_PARTNER",
      (k) => (k ? (partnerName.get(k) ?? "Unknown partner") : "Direct (no partner)"),
      true,
    ),
    byAcquiringPartner: rows("ACQUIRING_PARTNER", (k) =>
      k ? (partnerName.get(k) ?? "Unknown partner") : "Direct (no partner)",
    ),
    byTouchpoint: rows("TOUCHPOINT", (k) =>
      k ? (touchpointName.get(k) ?? "Unknown touchpoint") : "No recorded interaction",
    ),
    bySegment: rows("SEGMENT", (k) => k ?? "Unknown"),
    byChannel: rows("CHANNEL", (k) => (k ? (CHANNEL_LABELS[k] ?? k) : "Not recorded")),
  };
}

const CHANNEL_LABELS: Record<string, string> = { ONLINE: "Online", STORE: "Store", PHONE: "Phone", FIELD: "Field" };
