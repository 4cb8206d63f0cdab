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
 * partners and the channels of its transactions before the cutoff, each with its positive margin
 * and its number of transactions, and the acquiring partner.
 */
export type CustomerAttribution = {
  acquiringPartner: (string | null)[];
  partners: AttributionPairs;
  channels: AttributionPairs;
};
/**
 * The (customer, key) pairs of every customer in flat arrays: customer i's pairs are [start[i], start[i + 1]), each a
 * key number (its name in `names`; number 0 is null: no serving partner, no channel recorded), the positive margin in
 * cents and the number of transactions. No object per customer or pair: 200,000 customers have ~1.5 million of them.
 */
export type AttributionPairs = {
  names: (string | null)[];
  start: Int32Array;
  key: Int32Array;
  positiveCents: Float64Array;
  count: Int32Array;
};

/**
 * The customer history, the holdout purchases by period that holdoutPurchasesByPeriod counts
 * (periods of `periodDays` from `splitDay`) and the rollups' attribution, from ONE pass over the
 * transactions (decision 010). The database only scans: every aggregate over them — by customer and
 * day, by customer and serving partner, by customer and channel — has about as many groups as
 * there are transactions (a customer rarely buys twice on a day or from one partner), so grouping
 * in SQL shrinks nothing and costs hash tables of hundreds of MB. The rows are streamed (customer,
 * day, partner number, channel number, margin in cents) and counted per customer here, in one snapshot with the
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
  const tx = new TransactionColumns();
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
    await read.stream(Prisma.sql`select unnest(enum_range(null::"Channel"))::text`, (row) =>
      channelNames.push(row[0] as string),
    );
    // Row-level security's filter makes the planner expect ~5,000 transactions: without these settings
    // it sorts all of them for a merge join (and compiles the plan); hashing the customers is right.
    await read.stream(
      Prisma.sql`select set_config('enable_mergejoin', 'off', true), set_config('enable_nestloop', 'off', true),
                        set_config('jit', 'off', true), set_config('work_mem', '64MB', true)`,
      () => undefined,
    );
    // Customers, partners and channels by number (their place in the lists just read: same snapshot, same order), and
    // each transaction as ONE text field of five integers: the driver's cost is per field (a string and a parse each),
    // so one field read here with charCodeAt costs less than five, and no id string needs looking up.
    await read.stream(
      Prisma.sql`
        with c as (select id, (row_number() over (order by id))::int - 1 as ix from "Customer" where "tenantId" = ${tenantId}),
             p as (select id, (row_number() over (order by id))::int as ix from "Partner" where "tenantId" = ${tenantId}),
             ch as (select name, ix::int from unnest(enum_range(null::"Channel")) with ordinality as e(name, ix))
        select concat_ws(' ', c.ix, t."occurredAt"::date - date '1970-01-01', coalesce(p.ix, 0), coalesce(ch.ix, 0),
                         (t.margin * 100)::int8)
        from "Transaction" t
        join c on c.id = t."customerId"
        left join p on p.id = t."servingPartnerId"
        left join ch on ch.name = t.channel
        where t."tenantId" = ${tenantId} and t."occurredAt" < ${period.cutoff}`,
      (row) => tx.push(row[0] as string),
    );
  });
  const transactions = tx.columns();
  const { day: txDay, cents: txCents } = transactions;

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

  const { history, observed, acquiringPartner, partners, channels } = groupByCustomer(
    transactions,
    { ids, segmentOf, acquiredBy },
    splitDay,
    periodDays,
  );
  return {
    history,
    observed: new Map([...observed].sort((a, b) => a[0] - b[0])),
    attribution: { acquiringPartner, partners: partners.pairs(partnerIds), channels: channels.pairs(channelNames) },
    watermark: {
      transactions: txDay.length,
      customers: history.customerIds.length,
      firstDay: firstDayRead,
      lastDay: txDay.length > 0 ? lastTxDay : null,
      marginSum: Math.round((marginCents / 100) * 100) / 100, // as transactionWatermark rounds the float8 sum
      endDay: period.endDay,
    },
    splitDay,
  };
}

/**
 * The transactions grouped by customer (a counting sort by customer number, then each customer's by day) and counted:
 * the history of every customer with a purchase, the holdout's repeat purchase days by period, and the attribution
 * pairs. A plain loop over typed arrays, no object per customer or transaction.
 */
function groupByCustomer(
  tx: ReturnType<TransactionColumns["columns"]>,
  customers: { ids: string[]; segmentOf: ("B2B" | "B2C")[]; acquiredBy: (string | null)[] },
  splitDay: number,
  periodDays: number,
) {
  const { customer: txCustomer, day: txDay, partner: txPartner, channel: txChannel, cents: txCents } = tx;
  const { ids, segmentOf, acquiredBy } = customers;
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
  const acquiringPartner = new Array<string | null>(n);
  const partners = new PairColumns(n, txDay.length);
  const channels = new PairColumns(n, txDay.length);
  let i = 0;
  for (let c = 0; c < ids.length; c++) {
    const from = start[c];
    const to = start[c + 1];
    if (from === to) continue; // no purchase before the cutoff: not in the history
    sortByDay(order, from, to, txDay);
    let days = 0;
    // Each day's margin is exact (cents), then the days are added in order as the day-bucketed SQL
    // aggregate did (float8 day sums, in day order), so the fits see bit-identical inputs.
    let total = 0;
    let cal = 0;
    let dayCents = 0;
    let firstDayCents = 0;
    let calDays = 0;
    let calLast = -1;
    const firstDay = txDay[order[from]];
    for (let k = from; k < to; k++) {
      const t = order[k];
      const d = txDay[t];
      const cents = txCents[t];
      const newDay = k === from || d !== txDay[order[k - 1]];
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
      if (k === to - 1 || txDay[order[k + 1]] !== d) {
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
    history.lastDay[i] = txDay[order[to - 1]];
    history.purchaseDays[i] = days;
    history.totalMargin[i] = total;
    history.firstDayMargin[i] = firstDayCents / 100;
    history.segments[i] = segmentOf[c];
    history.calPurchaseDays[i] = calDays;
    history.calLastDay[i] = calLast;
    history.calMargin[i] = calDays > 0 ? cal : NaN;
    acquiringPartner[i] = acquiredBy[c];
    partners.close(i);
    channels.close(i);
    i++;
  }
  return { history, observed, acquiringPartner, partners, channels };
}

/**
 * order[from..to) sorted by day, in place and stable (same-day transactions keep their arrival order). An insertion
 * sort suits the ten or so transactions most customers have and allocates nothing; a long history is sorted whole.
 */
function sortByDay(order: Int32Array, from: number, to: number, txDay: Int32Array) {
  if (to - from > 32) {
    order.subarray(from, to).sort((a, b) => txDay[a] - txDay[b]);
    return;
  }
  for (let k = from + 1; k < to; k++) {
    const t = order[k];
    let j = k - 1;
    for (; j >= from && txDay[order[j]] > txDay[t]; j--) order[j + 1] = order[j];
    order[j + 1] = t;
  }
}

/**
 * The transactions as they arrive, in growing typed arrays: each row is one text field of five integers separated by
 * spaces (customer number, day, partner number, channel number, margin in cents), read here character by character.
 */
class TransactionColumns {
  private size = 0;
  private customer = new Int32Array(1 << 16);
  private day = new Int32Array(1 << 16);
  private partner = new Int32Array(1 << 16);
  private channel = new Int32Array(1 << 16);
  private cents = new Float64Array(1 << 16);

  push(row: string) {
    if (this.size === this.customer.length) this.grow();
    const at = this.size++;
    let field = 0;
    let value = 0;
    let sign = 1;
    for (let k = 0; k <= row.length; k++) {
      const code = k < row.length ? row.charCodeAt(k) : SPACE;
      if (code === SPACE) {
        const number = sign * value;
        if (field === 0) this.customer[at] = number;
        else if (field === 1) this.day[at] = number;
        else if (field === 2) this.partner[at] = number;
        else if (field === 3) this.channel[at] = number;
        else this.cents[at] = number;
        field++;
        value = 0;
        sign = 1;
      } else if (code === MINUS) sign = -1;
      else value = value * 10 + (code - ZERO);
    }
    if (field !== 5) throw new Error(`Unexpected transaction row from the history read: "${row}"`);
  }

  columns() {
    const n = this.size;
    return {
      customer: this.customer.subarray(0, n),
      day: this.day.subarray(0, n),
      partner: this.partner.subarray(0, n),
      channel: this.channel.subarray(0, n),
      cents: this.cents.subarray(0, n),
    };
  }

  private grow() {
    const larger = <A extends Int32Array | Float64Array>(from: A, to: A) => {
      to.set(from);
      return to;
    };
    const capacity = this.customer.length * 2;
    this.customer = larger(this.customer, new Int32Array(capacity));
    this.day = larger(this.day, new Int32Array(capacity));
    this.partner = larger(this.partner, new Int32Array(capacity));
    this.channel = larger(this.channel, new Int32Array(capacity));
    this.cents = larger(this.cents, new Float64Array(capacity));
  }
}
const SPACE = 32;
const MINUS = 45;
const ZERO = 48;

/**
 * Each customer's positive margin (cents) and transaction count per key (a partner or channel number), in the order
 * the keys first appear, written straight into the flat arrays of AttributionPairs: a linear search over the few keys
 * the current customer has so far. A customer adds at most one pair per transaction.
 */
class PairColumns {
  private used = 0;
  private from = 0;
  private readonly start: Int32Array;
  private readonly key: Int32Array;
  private readonly positiveCents: Float64Array;
  private readonly count: Int32Array;

  constructor(customers: number, transactions: number) {
    this.start = new Int32Array(customers + 1);
    this.key = new Int32Array(transactions);
    this.positiveCents = new Float64Array(transactions);
    this.count = new Int32Array(transactions);
  }

  add(key: number, positiveCents: number) {
    for (let j = this.from; j < this.used; j++)
      if (this.key[j] === key) {
        this.positiveCents[j] += positiveCents;
        this.count[j]++;
        return;
      }
    this.key[this.used] = key;
    this.positiveCents[this.used] = positiveCents;
    this.count[this.used] = 1;
    this.used++;
  }

  /** Customer i's pairs are complete. */
  close(i: number) {
    this.start[i + 1] = this.used;
    this.from = this.used;
  }

  pairs(names: (string | null)[]): AttributionPairs {
    return {
      names,
      start: this.start,
      key: this.key.subarray(0, this.used),
      positiveCents: this.positiveCents.subarray(0, this.used),
      count: this.count.subarray(0, this.used),
    };
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
