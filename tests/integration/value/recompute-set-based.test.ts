import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import { createTenantWithOwner } from "@/lib/seed/factories";
import { mulberry32, sampleBeta, sampleExponential, sampleGamma } from "@/lib/value/models/sampling";
import { recomputeCustomerValues } from "@/lib/value/recompute";
import {
  holdoutPurchasesByPeriod,
  loadCustomerHistory,
  loadHistoryAndHoldout,
  transactionWatermark,
  valuePeriod,
} from "@/lib/value/tenant-data";
import { HOLDOUT_PERIOD_DAYS, holdoutPeriods } from "@/lib/value/tenant-models";
import { MS_PER_DAY } from "@/lib/value/models/time-units";

// Issue 15: the recompute reads the history and the holdout counts in one pass over the
// transactions and writes every snapshot in one statement. Same results as before, set-based.

let database: TestDatabase;
let tenantId = "";
const DAY = 86_400_000;
const period = valuePeriod("2026-06");

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await createTenantWithOwner({ slug: "setbased" })).tenant.id;
  await withTenant({ tenantId }, async (db) => {
    const random = mulberry32(7);
    const start = Date.UTC(2024, 6, 1);
    const end = Date.UTC(2026, 6, 1);
    const customers = Array.from({ length: 250 }, (_, i) => ({
      tenantId,
      id: `sb-c${String(i).padStart(3, "0")}`,
      segment: (i % 4 === 0 ? "B2B" : "B2C") as "B2B" | "B2C",
      acquiredAt: new Date(start + random() * (Date.UTC(2026, 4, 1) - start)),
    }));
    await db.customer.createMany({ data: customers });
    const transactions = [];
    for (const c of customers) {
      const lambda = sampleGamma(random, 0.8, 15);
      const p = sampleBeta(random, 1, 5);
      let t = c.acquiredAt.getTime();
      while (t < end) {
        transactions.push({
          tenantId,
          customerId: c.id,
          occurredAt: new Date(t),
          revenue: 100,
          margin: Math.round(sampleGamma(random, 5, 1) * 100) / 100,
        });
        // Some purchases twice on one day: one purchase day, two margins.
        if (random() < 0.1)
          transactions.push({ tenantId, customerId: c.id, occurredAt: new Date(t + 60_000), revenue: 10, margin: 2.5 });
        if (random() < p) break;
        t += sampleExponential(random, lambda) * DAY;
      }
    }
    // Two customers whose transactions are stored newest first, so the read meets them out of day order: 5 (sorted by
    // insertion) and 40 (sorted whole), with two on one day in each.
    for (const [id, count] of [
      ["sb-late-few", 5],
      ["sb-late-many", 40],
    ] as const) {
      await db.customer.create({ data: { tenantId, id, segment: "B2C", acquiredAt: new Date(start) } });
      const days = Array.from({ length: count }, (_, k) => start + (k === 1 ? 0 : k) * 9 * DAY + 3_600_000);
      await db.transaction.createMany({
        data: days.reverse().map((at, k) => ({
          tenantId,
          customerId: id,
          occurredAt: new Date(at),
          revenue: 50,
          margin: 1 + k / 4,
        })),
      });
    }
    await db.transaction.createMany({ data: transactions });
  });
}, 120_000);
afterAll(() => database.close());

describe("the one-pass history read", () => {
  it("gives the same per-customer history and holdout counts as the separate queries", async () => {
    const { firstAt } = await withTenant({ tenantId }, async (db) => {
      const [row] = await db.$queryRaw<
        { first: Date }[]
      >`select min("occurredAt") as first from "Transaction" where "tenantId" = ${tenantId}`;
      return { firstAt: row.first };
    });
    const periods = holdoutPeriods(Math.floor(firstAt.getTime() / MS_PER_DAY), period.endDay);
    expect(periods).toBeGreaterThan(0);
    const splitDay = period.endDay + 1 - periods * HOLDOUT_PERIOD_DAYS;
    const separate = {
      history: await loadCustomerHistory(tenantId, period, splitDay),
      observed: await withTenant({ tenantId }, (db) =>
        holdoutPurchasesByPeriod(db, tenantId, period, splitDay, HOLDOUT_PERIOD_DAYS),
      ),
    };
    const combined = await loadHistoryAndHoldout(tenantId, period, splitDay, HOLDOUT_PERIOD_DAYS);
    expect(combined.history).toEqual(separate.history);
    expect([...combined.observed]).toEqual([...separate.observed]);
    expect([...combined.observed.values()].reduce((s, v) => s + v, 0)).toBeGreaterThan(0);
  });

  it("matches the day-bucketed SQL aggregate per customer, also for transactions read out of day order", async () => {
    const { history } = await loadHistoryAndHoldout(tenantId, period, period.endDay + 1, HOLDOUT_PERIOD_DAYS);
    const rows = await withTenant(
      { tenantId },
      (db) =>
        db.$queryRaw<{ cid: string; first: number; last: number; days: number; total: number; firstMargin: number }[]>`
        select cid, min(d) as first, max(d) as last, count(*)::int as days, sum(m::float8 order by d) as total,
               (array_agg(m order by d))[1]::float8 as "firstMargin"
        from (select "customerId" as cid, ("occurredAt"::date - date '1970-01-01') as d, sum(margin) as m
              from "Transaction" where "tenantId" = ${tenantId} and "occurredAt" < ${period.cutoff} group by 1, 2) days
        group by cid order by cid`,
    );
    expect(history.customerIds).toEqual(rows.map((r) => r.cid));
    const read = rows.map((_, i) => ({
      cid: history.customerIds[i],
      first: history.firstDay[i],
      last: history.lastDay[i],
      days: history.purchaseDays[i],
      total: history.totalMargin[i],
      firstMargin: history.firstDayMargin[i],
    }));
    expect(read).toEqual(rows);
    expect(rows.find((r) => r.cid === "sb-late-many")?.days).toBe(39);
    expect(rows.find((r) => r.cid === "sb-late-few")?.days).toBe(4);
  });

  it("brings the watermark of the transactions it read, equal to the watermark query's", async () => {
    let firstSeen: number | null = -1;
    const read = await loadHistoryAndHoldout(
      tenantId,
      period,
      (firstDay) => {
        firstSeen = firstDay;
        return period.endDay - 90;
      },
      HOLDOUT_PERIOD_DAYS,
    );
    const queried = await withTenant({ tenantId }, (db) => transactionWatermark(db, tenantId, period));
    expect(read.watermark).toEqual(queried);
    expect(read.watermark.customers).toBe(read.history.customerIds.length);
    expect(firstSeen).toBe(queried.firstDay);
    expect(queried.firstDay).toBeGreaterThan(0);
    expect(read.splitDay).toBe(period.endDay - 90);
  });
});

describe("the one-statement snapshot write", () => {
  it("writes every snapshot, rewrites only changed rows on a rerun, and deletes customers out of scope", async () => {
    const first = await recomputeCustomerValues(tenantId, { month: "2026-06", force: true });
    expect(first).toMatchObject({ skipped: false, customers: 252, written: 252, deleted: 0 });
    const stored = await withTenant({ tenantId }, (db) =>
      db.customerValue.findMany({ where: { tenantId, asOf: period.asOf }, orderBy: { customerId: "asc" } }),
    );
    expect(stored).toHaveLength(252);
    expect(stored.reduce((s, v) => s + v.clv, 0)).toBeCloseTo(first.totalEquity, 6);

    // One snapshot tampered with, one customer who no longer has a purchase in the month: a forced
    // rerun restores the one row, leaves the other 250 untouched and deletes the out-of-scope one.
    const [tampered, gone] = [stored[10], stored[20]];
    await withTenant({ tenantId }, async (db) => {
      await db.customerValue.updateMany({
        where: { tenantId, customerId: tampered.customerId, asOf: period.asOf },
        data: { clv: -1 },
      });
      await db.transaction.updateMany({
        where: { tenantId, customerId: gone.customerId },
        data: { occurredAt: new Date(Date.UTC(2026, 8, 1)) },
      });
    });
    const rerun = await recomputeCustomerValues(tenantId, { month: "2026-06", force: true });
    expect(rerun).toMatchObject({ customers: 251, deleted: 1 });
    // The refit without `gone` moves the population parameters, so more rows may change; but the
    // tampered row is back to a real value, and the untouched ones equal a fresh computation.
    const after = await withTenant({ tenantId }, (db) =>
      db.customerValue.findMany({ where: { tenantId, asOf: period.asOf }, orderBy: { customerId: "asc" } }),
    );
    expect(after.map((v) => v.customerId)).toEqual(
      stored.filter((v) => v.customerId !== gone.customerId).map((v) => v.customerId),
    );
    expect(after.find((v) => v.customerId === tampered.customerId)!.clv).toBeGreaterThanOrEqual(0);
    const again = await recomputeCustomerValues(tenantId, { month: "2026-06", force: true });
    expect(again).toMatchObject({ customers: 251, written: 0, deleted: 0 });
    expect(again.totalEquity).toBeCloseTo(rerun.totalEquity, 6);
  });
});
