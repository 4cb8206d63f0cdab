import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import { createPartner, createTenantWithOwner, createTouchpoint } from "@/lib/seed/factories";
import { mulberry32, sampleBeta, sampleExponential, sampleGamma } from "@/lib/value/models/sampling";
import { recomputeCustomerValues } from "@/lib/value/recompute";
import { materializeEquityRollups } from "@/lib/value/rollups";
import { loadHistoryAndHoldout, valuePeriod, type AttributionPairs } from "@/lib/value/tenant-data";
import { HOLDOUT_PERIOD_DAYS, holdoutPeriods } from "@/lib/value/tenant-models";
import { MS_PER_DAY } from "@/lib/value/models/time-units";

// Issue 15 (decision 010): the recompute's history read also returns each customer's serving
// partners and channels, and the equity rollups are computed from it and the CLVs in memory, with
// no second pass over the transactions. They must equal the rollups of the SQL over the
// transactions, and the history must equal the one the previous two-level day aggregate read.

let database: TestDatabase;
let tenantId = "";
const DAY = 86_400_000;
const period = valuePeriod("2026-06");
const CHANNELS = ["ONLINE", "STORE", "PHONE", null] as const;

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await createTenantWithOwner({ slug: "rollfromhist" })).tenant.id;
  await withTenant({ tenantId }, async (db) => {
    const partners: string[] = [];
    for (const name of ["North", "South", "East"]) partners.push((await createPartner(db, tenantId, { name })).id);
    const touchpoint = (await createTouchpoint(db, tenantId, { name: "Counter" })).id;
    const random = mulberry32(11);
    const start = Date.UTC(2024, 6, 1);
    const end = Date.UTC(2026, 7, 1); // past the month: those transactions are outside it
    const customers = Array.from({ length: 240 }, (_, i) => ({
      tenantId,
      id: `rh-c${String(i).padStart(3, "0")}`,
      segment: (i % 3 === 0 ? "B2B" : "B2C") as "B2B" | "B2C",
      acquiringPartnerId: i % 4 === 0 ? null : partners[i % 3],
      acquiredAt: new Date(start + random() * (Date.UTC(2026, 4, 1) - start)),
    }));
    await db.customer.createMany({ data: customers });
    const transactions = [];
    const interactions = [];
    for (const [i, c] of customers.entries()) {
      const lambda = sampleGamma(random, 0.8, 15);
      const p = sampleBeta(random, 1, 5);
      // Every 10th customer only ever has margins ≤ 0: its CLV is split by number of transactions.
      const lossMaking = i % 10 === 0;
      let t = c.acquiredAt.getTime();
      while (t < end) {
        const at = new Date(t);
        const margin = lossMaking
          ? -Math.round(random() * 500) / 100
          : Math.round((sampleGamma(random, 5, 1) - 1) * 100) / 100;
        const partner = random() < 0.2 ? null : partners[Math.floor(random() * 3)];
        const channel = CHANNELS[Math.floor(random() * 4)];
        transactions.push({
          tenantId,
          customerId: c.id,
          occurredAt: at,
          revenue: 100,
          margin,
          servingPartnerId: partner,
          channel,
        });
        if (random() < 0.15)
          transactions.push({
            tenantId,
            customerId: c.id,
            occurredAt: new Date(t + 60_000),
            revenue: 10,
            margin: 2.5,
            channel: "ONLINE" as const,
          });
        if (random() < 0.3)
          interactions.push({
            tenantId,
            customerId: c.id,
            touchpointId: touchpoint,
            partnerId: partners[i % 3],
            outcome: "SUCCESS" as const,
            occurredAt: at,
          });
        if (random() < p) break;
        t += sampleExponential(random, lambda) * DAY;
      }
    }
    await db.transaction.createMany({ data: transactions });
    await db.interaction.createMany({ data: interactions });
  });
}, 120_000);
afterAll(() => database.close());

type Row = { dimension: string; key: string; customers: number; equity: number; served: number | null };
const byKey = (rows: Row[]) => new Map(rows.map((r) => [`${r.dimension}/${r.key}`, r]));

describe("the rollups from the history read", () => {
  it("equal the rollups of the SQL over the transactions", async () => {
    const result = await recomputeCustomerValues(tenantId, { month: "2026-06", force: true });
    expect(result.customers).toBeGreaterThan(200);
    const read = (db: Parameters<Parameters<typeof withTenant>[1]>[0]) =>
      db.equityRollup.findMany({
        where: { tenantId, asOf: period.asOf },
        select: { dimension: true, key: true, customers: true, equity: true, served: true },
      }) as Promise<Row[]>;
    const fromHistory = await withTenant({ tenantId }, read);
    const fromSql = await withTenant({ tenantId }, async (db) => {
      await materializeEquityRollups(db, tenantId, period.asOf);
      throw Object.assign(new Error("rollback"), { rows: await read(db) });
    }).catch((error: { rows?: Row[] }) => error.rows!);

    const dimensions = new Set(fromHistory.map((r) => r.dimension));
    expect([...dimensions].sort()).toEqual(
      ["ACQUIRING_PARTNER", "CHANNEL", "SEGMENT", "SERVED_B2B", "SERVED_B2C", "SERVING_PARTNER", "TOUCHPOINT"].sort(),
    );
    // Direct customers, transactions without a channel, customers without an interaction: all present.
    expect(fromHistory.some((r) => r.dimension === "SERVING_PARTNER" && r.key === "")).toBe(true);
    expect(fromHistory.some((r) => r.dimension === "CHANNEL" && r.key === "")).toBe(true);
    expect(fromHistory.some((r) => r.dimension === "ACQUIRING_PARTNER" && r.key === "")).toBe(true);

    const sql = byKey(fromSql);
    expect(fromHistory).toHaveLength(fromSql.length);
    for (const row of fromHistory) {
      const other = sql.get(`${row.dimension}/${row.key}`);
      expect(other, `${row.dimension}/${row.key}`).toBeDefined();
      expect(row.customers).toBe(other!.customers);
      expect(row.equity).toBeCloseTo(other!.equity, 8);
      if (other!.served === null) expect(row.served).toBeNull();
      else expect(row.served).toBeCloseTo(other!.served, 8);
    }
    // Each additive dimension sums to the total equity.
    const total = fromHistory.filter((r) => r.dimension === "SEGMENT").reduce((s, r) => s + r.equity, 0);
    expect(total).toBeCloseTo(result.totalEquity, 6);
    for (const dimension of ["SERVING_PARTNER", "CHANNEL", "ACQUIRING_PARTNER", "TOUCHPOINT"]) {
      const sum = fromHistory.filter((r) => r.dimension === dimension).reduce((s, r) => s + r.equity, 0);
      expect(sum, dimension).toBeCloseTo(total, 6);
    }
  });

  it("reads the same history and holdout counts as the previous two-level day aggregate", async () => {
    const { firstAt } = await withTenant({ tenantId }, async (db) => {
      const [row] = await db.$queryRaw<
        { first: Date }[]
      >`select min("occurredAt") as first from "Transaction" where "tenantId" = ${tenantId}`;
      return { firstAt: row.first };
    });
    const periods = holdoutPeriods(Math.floor(firstAt.getTime() / MS_PER_DAY), period.endDay);
    const splitDay = period.endDay + 1 - periods * HOLDOUT_PERIOD_DAYS;
    const now = await loadHistoryAndHoldout(tenantId, period, splitDay, HOLDOUT_PERIOD_DAYS);
    // The query the recompute read before this change (float sums per day, ordered first margin).
    const before = await withTenant(
      { tenantId },
      (db) =>
        db.$queryRaw<
          {
            cid: string;
            first_day: number;
            last_day: number;
            n_days: number;
            total: number;
            first_margin: number;
            n_cal: number;
            last_cal: number | null;
            cal_margin: number | null;
          }[]
        >`
        with days as (
          select t."customerId" as cid, (t."occurredAt"::date - date '1970-01-01') as d, sum(t.margin)::float8 as m
          from "Transaction" t
          where t."tenantId" = ${tenantId} and t."occurredAt" < ${period.cutoff}
          group by 1, 2
        )
        select cid, min(d) as first_day, max(d) as last_day, count(*)::int as n_days, sum(m) as total,
               (array_agg(m order by d))[1] as first_margin,
               count(*) filter (where d < ${splitDay})::int as n_cal,
               max(d) filter (where d < ${splitDay}) as last_cal,
               sum(m) filter (where d < ${splitDay}) as cal_margin
        from days group by cid order by cid`,
    );
    const h = now.history;
    expect(h.customerIds).toEqual(before.map((r) => r.cid));
    before.forEach((r, i) => {
      expect([h.firstDay[i], h.lastDay[i], h.purchaseDays[i], h.calPurchaseDays[i], h.calLastDay[i]]).toEqual([
        r.first_day,
        r.last_day,
        r.n_days,
        r.n_cal,
        r.last_cal ?? -1,
      ]);
      expect(h.totalMargin[i]).toBeCloseTo(r.total, 9);
      expect(h.firstDayMargin[i]).toBe(r.first_margin);
      if (r.cal_margin === null) expect(h.calMargin[i]).toBeNaN();
      else expect(h.calMargin[i]).toBeCloseTo(r.cal_margin, 9);
    });
    expect([...now.observed.values()].reduce((s, v) => s + v, 0)).toBeGreaterThan(0);
    // Attribution: a customer's partner and channel transaction counts each add up to its transactions.
    const counts = await withTenant(
      { tenantId },
      (db) =>
        db.$queryRaw<{ cid: string; n: number }[]>`
        select "customerId" as cid, count(*)::int as n from "Transaction"
        where "tenantId" = ${tenantId} and "occurredAt" < ${period.cutoff} group by 1 order by 1`,
    );
    const transactionsOf = (pairs: AttributionPairs, i: number) =>
      pairs.count.subarray(pairs.start[i], pairs.start[i + 1]).reduce((s, v) => s + v, 0);
    counts.forEach((r, i) => {
      expect(transactionsOf(now.attribution.partners, i)).toBe(r.n);
      expect(transactionsOf(now.attribution.channels, i)).toBe(r.n);
    });
  });
});
