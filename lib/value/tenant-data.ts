/**
 * Set-based reads of a tenant's transaction history for the value models. Each function is one
 * aggregate query: PostgreSQL buckets transactions into UTC calendar days (the convention of
 * rfm.ts: all of a customer's transactions on one day are ONE purchase) and returns one row
 * per customer, so 2,000,000 transactions come back as 200,000 small rows.
 */
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/scope";
import { withTenantBulkRead } from "@/lib/db/sql-scope";
import { monthStart, parseMonth } from "@/lib/months";
import { MS_PER_DAY } from "./models/time-units";

/** A month snapshot: the first day of the month and the instant (exclusive) the data ends. */
export type ValuePeriod = {
  /** First day of the month (UTC), the CustomerValue.asOf of the snapshot. */
  asOf: Date;
  /** Transactions strictly before this instant count: the next month's start, or tomorrow for the current month. */
  cutoff: Date;
  /** Last calendar day included, as days since 1970-01-01. */
  endDay: number;
};

/** "2026-11" → the period of that month, clipped to `now` for the current month. */
export function valuePeriod(month: Date | string, now = new Date()): ValuePeriod {
  const asOf = typeof month === "string" ? parseMonth(month) : monthStart(month);
  const nextMonth = new Date(Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth() + 1, 1));
  const tomorrow = new Date(Math.floor(now.getTime() / MS_PER_DAY) * MS_PER_DAY + MS_PER_DAY);
  const cutoff = nextMonth.getTime() < tomorrow.getTime() ? nextMonth : tomorrow;
  return { asOf, cutoff, endDay: Math.round(cutoff.getTime() / MS_PER_DAY) - 1 };
}

/**
 * What the history looked like: compared between runs to skip work when nothing changed. Days, not instants: the
 * models see purchases by day, and the history read knows each transaction's day but not its time.
 */
export type Watermark = {
  transactions: number;
  customers: number;
  /** The first and last purchase days (days since the epoch; null: no transactions). */
  firstDay: number | null;
  lastDay: number | null;
  marginSum: number;
  endDay: number;
};

/**
 * The watermark in one aggregate. Counting the distinct customers is most of its cost (2 s of 2.5 s over 2,000,000
 * transactions): the recompute asks for it only when a stored fit could make the run unnecessary, and otherwise takes
 * the watermark from its history read (loadHistoryAndHoldout), which counts the same things as it goes.
 */
export async function transactionWatermark(db: Db, tenantId: string, period: ValuePeriod): Promise<Watermark> {
  const [row] = await db.$queryRaw<
    { n: number; customers: number; first: number | null; last: number | null; margin: number }[]
  >`
    select count(*)::int as n, count(distinct "customerId")::int as customers,
           min("occurredAt"::date - date '1970-01-01') as first, max("occurredAt"::date - date '1970-01-01') as last,
           coalesce(sum(margin), 0)::float8 as margin
    from "Transaction" where "tenantId" = ${tenantId} and "occurredAt" < ${period.cutoff}`;
  return {
    transactions: row.n,
    customers: row.customers,
    firstDay: row.first,
    lastDay: row.last,
    marginSum: Math.round(row.margin * 100) / 100,
    endDay: period.endDay,
  };
}

/** Per-customer purchase-day history, in days since the epoch. */
export type CustomerHistory = {
  customerIds: string[];
  firstDay: Int32Array;
  lastDay: Int32Array;
  /** Distinct purchase days (the first included). */
  purchaseDays: Int32Array;
  totalMargin: Float64Array;
  firstDayMargin: Float64Array;
  segments: ("B2B" | "B2C")[];
  /** Same, restricted to days before `splitDay` (for a holdout): 0 / NaN when none. */
  calPurchaseDays: Int32Array;
  calLastDay: Int32Array;
  calMargin: Float64Array;
};

/**
 * One row per customer with a purchase before the period's cutoff. `splitDay` (exclusive)
 * divides calibration from holdout for the fit-quality check.
 */
export async function loadCustomerHistory(
  tenantId: string,
  period: ValuePeriod,
  splitDay: number,
): Promise<CustomerHistory> {
  return (await loadHistoryAndHoldout(tenantId, period, splitDay, 1)).history;
}

/**
 * Per customer (in the history's order), what the equity rollups split its CLV by: the serving
 * partners and the channels of its transactions before the cutoff (key null: none recorded), each
 * with its positive margin and its number of transactions, and the acquiring partner.
 */
export type CustomerAttribution = {
  acquiringPartner: (string | null)[];
  partners: AttributionPairs[];
  channels: AttributionPairs[];
};
export type AttributionPairs = { keys: (string | null)[]; weight: number[]; count: number[] };

/**
 * The customer history, the holdout purchases by period that holdoutPurchasesByPeriod counts
 * (periods of `periodDays` from `splitDay`) and the rollups' attribution, from ONE pass over the
 * transactions (decision 010). The database only scans: every aggregate over them — by customer and
 * day, by customer and serving partner, by customer and channel — has about as many groups as
 * there are transactions (a customer rarely buys twice on a day or from one partner), so grouping
 * in SQL shrinks nothing and costs hash tables of hundreds of MB. The rows are streamed (customer,
 * day, partner number, channel, margin) and counted per customer here, in one snapshot with the
 * customers and the partners (REPEATABLE READ). Margins are summed in cents, exactly, so every sum
 * equals the numeric sum of SQL converted once.
 */
export async function loadHistoryAndHoldout(
  tenantId: string,
  period: ValuePeriod,
  /** The first holdout day, or how to choose it from the first purchase day (null: no transactions). */
  split: number | ((firstDay: number | null) => number),
  periodDays: number,
): Promise<{
  history: CustomerHistory;
  observed: Map<number, number>;
  attribution: CustomerAttribution;
  /** The watermark of exactly the transactions read (same snapshot), with the split day it gave. */
  watermark: Watermark;
  splitDay: number;
}> {
  const ids: string[] = [];
  const segmentOf: ("B2B" | "B2C")[] = [];
  const acquiredBy: (string | null)[] = [];
  const partnerIds: (string | null)[] = [null]; // number 0: no serving partner
  const channelNames: (string | null)[] = [null]; // number 0: no channel recorded
  // One entry per transaction, in arrival order.
  const txCustomer: number[] = [];
  const txDay: number[] = [];
  const txPartner: number[] = [];
  const txChannel: number[] = [];
  const txCents: number[] = [];
  await withTenantBulkRead(tenantId, async (read) => {
    await read.stream(
      Prisma.sql`select id, segment::text, "acquiringPartnerId" from "Customer" where "tenantId" = ${tenantId} order by id`,
      (row) => {
        ids.push(row[0] as string);
        segmentOf.push(row[1] as "B2B" | "B2C");
        acquiredBy.push(row[2] as string | null);
      },
    );
    await read.stream(Prisma.sql`select id from "Partner" where "tenantId" = ${tenantId} order by id`, (row) =>
      partnerIds.push(row[0] as string),
    );
    // Customers and partners by number (their place in the lists just read: same snapshot, same
    // order), so each transaction comes as four numbers and its channel: no id strings to look up.
    // Row-level security's filter makes the planner expect ~5,000 transactions: without these settings
    // it sorts all of them for a merge join (and compiles the plan); hashing the customers is right.
    await read.stream(
      Prisma.sql`select set_config('enable_mergejoin', 'off', true), set_config('enable_nestloop', 'off', true),
                        set_config('jit', 'off', true), set_config('work_mem', '64MB', true)`,
      () => undefined,
    );
    const channelNumber = new Map<string, number>();
    await read.stream(
      Prisma.sql`
        with c as (select id, (row_number() over (order by id))::int - 1 as ix from "Customer" where "tenantId" = ${tenantId}),
             p as (select id, (row_number() over (order by id))::int as ix from "Partner" where "tenantId" = ${tenantId})
        select c.ix, (t."occurredAt"::date - date '1970-01-01'), coalesce(p.ix, 0), t.channel::text, t.margin::text
        from "Transaction" t
        join c on c.id = t."customerId"
        left join p on p.id = t."servingPartnerId"
        where t."tenantId" = ${tenantId} and t."occurredAt" < ${period.cutoff}`,
      (row) => {
        const channel = row[3] as string | null;
        let ch = 0;
        if (channel !== null) {
          ch = channelNumber.get(channel) ?? 0;
          if (ch === 0) {
            ch = channelNames.push(channel) - 1;
            channelNumber.set(channel, ch);
          }
        }
        txCustomer.push(row[0] as number);
        txDay.push(row[1] as number);
        txPartner.push(row[2] as number);
        txChannel.push(ch);
        txCents.push(Math.round(Number(row[4]) * 100));
      },
    );
  });

  // The watermark of what was read (margins in exact cents, as the aggregate's numeric sum), and the split day it gives.
  let firstTxDay = Number.POSITIVE_INFINITY;
  let lastTxDay = Number.NEGATIVE_INFINITY;
  let marginCents = 0;
  for (let t = 0; t < txDay.length; t++) {
    if (txDay[t] < firstTxDay) firstTxDay = txDay[t];
    if (txDay[t] > lastTxDay) lastTxDay = txDay[t];
    marginCents += txCents[t];
  }
  const firstDayRead = txDay.length > 0 ? firstTxDay : null;
  const splitDay = typeof split === "number" ? split : split(firstDayRead);

  // The transactions grouped by customer (counting sort), then each customer's by day.
  const start = new Int32Array(ids.length + 1);
  for (const c of txCustomer) start[c + 1]++;
  for (let c = 0; c < ids.length; c++) start[c + 1] += start[c];
  const order = new Int32Array(txCustomer.length);
  const fill = start.slice(0, ids.length);
  for (let t = 0; t < txCustomer.length; t++) order[fill[txCustomer[t]]++] = t;

  const n = ids.reduce((k, _, c) => k + (start[c + 1] > start[c] ? 1 : 0), 0);
  const observed = new Map<number, number>();
  const history: CustomerHistory = {
    customerIds: new Array<string>(n),
    firstDay: new Int32Array(n),
    lastDay: new Int32Array(n),
    purchaseDays: new Int32Array(n),
    totalMargin: new Float64Array(n),
    firstDayMargin: new Float64Array(n),
    segments: new Array<"B2B" | "B2C">(n),
    calPurchaseDays: new Int32Array(n),
    calLastDay: new Int32Array(n),
    calMargin: new Float64Array(n),
  };
  const attribution: CustomerAttribution = {
    acquiringPartner: new Array<string | null>(n),
    partners: new Array<AttributionPairs>(n),
    channels: new Array<AttributionPairs>(n),
  };
  const partners = new PairCounter();
  const channels = new PairCounter();
  let i = 0;
  for (let c = 0; c < ids.length; c++) {
    const from = start[c];
    const to = start[c + 1];
    if (from === to) continue; // no purchase before the cutoff: not in the history
    const txs = sortByDay(order, from, to, txDay);
    let days = 0;
    // Each day's margin is exact (cents), then the days are added in order as the day-bucketed SQL
    // aggregate did (float8 day sums, in day order), so the fits see bit-identical inputs.
    let total = 0;
    let cal = 0;
    let dayCents = 0;
    let firstDayCents = 0;
    let calDays = 0;
    let calLast = -1;
    const firstDay = txDay[txs[0]];
    partners.clear();
    channels.clear();
    for (let k = 0; k < txs.length; k++) {
      const t = txs[k];
      const d = txDay[t];
      const cents = txCents[t];
      const newDay = k === 0 || d !== txDay[txs[k - 1]];
      if (newDay) {
        days++;
        if (d < splitDay) {
          calDays++;
          calLast = d;
        } else if (firstDay < splitDay) {
          // Repeat purchase days after the split, of customers who bought before it (the calibration customers).
          const period = Math.floor((d - splitDay) / periodDays);
          observed.set(period, (observed.get(period) ?? 0) + 1);
        }
      }
      dayCents += cents;
      if (k === txs.length - 1 || txDay[txs[k + 1]] !== d) {
        // the day's last transaction
        total += dayCents / 100;
        if (d < splitDay) cal += dayCents / 100;
        if (d === firstDay) firstDayCents = dayCents;
        dayCents = 0;
      }
      const positive = Math.max(cents, 0);
      partners.add(txPartner[t], positive);
      channels.add(txChannel[t], positive);
    }
    history.customerIds[i] = ids[c];
    history.firstDay[i] = firstDay;
    history.lastDay[i] = txDay[txs[txs.length - 1]];
    history.purchaseDays[i] = days;
    history.totalMargin[i] = total;
    history.firstDayMargin[i] = firstDayCents / 100;
    history.segments[i] = segmentOf[c];
    history.calPurchaseDays[i] = calDays;
    history.calLastDay[i] = calLast;
    history.calMargin[i] = calDays > 0 ? cal : NaN;
    attribution.acquiringPartner[i] = acquiredBy[c];
    attribution.partners[i] = partners.pairs(partnerIds);
    attribution.channels[i] = channels.pairs(channelNames);
    i++;
  }
  return {
    history,
    observed: new Map([...observed].sort((a, b) => a[0] - b[0])),
    attribution,
    watermark: {
      transactions: txDay.length,
      customers: n,
      firstDay: firstDayRead,
      lastDay: txDay.length > 0 ? lastTxDay : null,
      marginSum: Math.round((marginCents / 100) * 100) / 100, // as transactionWatermark rounds the float8 sum
      endDay: period.endDay,
    },
    splitDay,
  };
}

/**
 * order[from..to) sorted by day, in place and stable (same-day transactions keep their arrival order). An insertion
 * sort suits the ten or so transactions most customers have and allocates nothing; a long history is sorted whole.
 */
function sortByDay(order: Int32Array, from: number, to: number, txDay: number[]): Int32Array {
  const txs = order.subarray(from, to);
  if (txs.length > 32) return txs.sort((a, b) => txDay[a] - txDay[b]);
  for (let k = 1; k < txs.length; k++) {
    const t = txs[k];
    let j = k - 1;
    for (; j >= 0 && txDay[txs[j]] > txDay[t]; j--) txs[j + 1] = txs[j];
    txs[j + 1] = t;
  }
  return txs;
}

/**
 * One customer's positive margin (cents) and transaction count per key (a partner or channel number), in the order the
 * keys first appear. Reused from customer to customer: a linear search over the few keys a customer has, with no map
 * or object per customer or pair (200,000 customers' maps and pair objects were most of the read's 2 s of grouping).
 */
class PairCounter {
  private keys = new Int32Array(16);
  private cents = new Float64Array(16);
  private counts = new Int32Array(16);
  private size = 0;

  clear() {
    this.size = 0;
  }

  add(key: number, positiveCents: number) {
    for (let j = 0; j < this.size; j++)
      if (this.keys[j] === key) {
        this.cents[j] += positiveCents;
        this.counts[j]++;
        return;
      }
    if (this.size === this.keys.length) this.grow();
    this.keys[this.size] = key;
    this.cents[this.size] = positiveCents;
    this.counts[this.size] = 1;
    this.size++;
  }

  pairs(names: (string | null)[]): AttributionPairs {
    const keys = new Array<string | null>(this.size);
    const weight = new Array<number>(this.size);
    const count = new Array<number>(this.size);
    for (let j = 0; j < this.size; j++) {
      keys[j] = names[this.keys[j]];
      weight[j] = this.cents[j] / 100;
      count[j] = this.counts[j];
    }
    return { keys, weight, count };
  }

  private grow() {
    const keys = new Int32Array(this.keys.length * 2);
    const cents = new Float64Array(this.keys.length * 2);
    const counts = new Int32Array(this.keys.length * 2);
    keys.set(this.keys);
    cents.set(this.cents);
    counts.set(this.counts);
    [this.keys, this.cents, this.counts] = [keys, cents, counts];
  }
}

/**
 * Observed repeat purchase days per holdout period, by customers whose first purchase was
 * before `splitDay`: period k covers days [splitDay + k·len, splitDay + (k+1)·len).
 */
export async function holdoutPurchasesByPeriod(
  db: Db,
  tenantId: string,
  period: ValuePeriod,
  splitDay: number,
  periodDays: number,
): Promise<Map<number, number>> {
  const rows = await db.$queryRaw<{ k: number; n: number }[]>`
    with days as (
      select distinct t."customerId" as cid, (t."occurredAt"::date - date '1970-01-01') as d
      from "Transaction" t
      where t."tenantId" = ${tenantId} and t."occurredAt" < ${period.cutoff}
    ), dated as (
      select d, min(d) over (partition by cid) as first_day from days
    )
    select floor((d - ${splitDay})::float8 / ${periodDays})::int as k, count(*)::int as n
    from dated
    where first_day < ${splitDay} and d >= ${splitDay}
    group by 1 order by 1`;
  return new Map(rows.map((r) => [r.k, r.n]));
}

export type SegmentActivity = {
  segment: "B2B" | "B2C";
  /** Customers who bought in the last 12 months, and their margin in those months. */
  activeNow: number;
  marginNow: number;
  /** Customers who bought in the 12 months before that, and how many of them bought again in the last 12. */
  activeBefore: number;
  retained: number;
};

/** Per segment: the year-over-year activity the retention model is derived from. */
export async function segmentActivity(db: Db, tenantId: string, period: ValuePeriod): Promise<SegmentActivity[]> {
  const yearAgo = new Date(period.cutoff.getTime() - 365 * MS_PER_DAY);
  const twoYearsAgo = new Date(period.cutoff.getTime() - 730 * MS_PER_DAY);
  const rows = await db.$queryRaw<
    { segment: "B2B" | "B2C"; active_now: number; margin_now: number; active_before: number; retained: number }[]
  >`
    with per as (
      select t."customerId" as cid,
             bool_or(t."occurredAt" >= ${yearAgo}) as now_active,
             bool_or(t."occurredAt" < ${yearAgo}) as before_active,
             coalesce(sum(t.margin) filter (where t."occurredAt" >= ${yearAgo}), 0)::float8 as margin_now
      from "Transaction" t
      where t."tenantId" = ${tenantId} and t."occurredAt" >= ${twoYearsAgo} and t."occurredAt" < ${period.cutoff}
      group by 1
    )
    select c.segment::text as segment,
           count(*) filter (where per.now_active)::int as active_now,
           coalesce(sum(per.margin_now), 0)::float8 as margin_now,
           count(*) filter (where per.before_active)::int as active_before,
           count(*) filter (where per.before_active and per.now_active)::int as retained
    from per join "Customer" c on c."tenantId" = ${tenantId} and c.id = per.cid
    group by 1 order by 1`;
  return rows.map((r) => ({
    segment: r.segment,
    activeNow: r.active_now,
    marginNow: r.margin_now,
    activeBefore: r.active_before,
    retained: r.retained,
  }));
}
