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
});

describe("the one-statement snapshot write", () => {
  it("writes every snapshot, rewrites only changed rows on a rerun, and deletes customers out of scope", async () => {
    const first = await recomputeCustomerValues(tenantId, { month: "2026-06", force: true });
    expect(first).toMatchObject({ skipped: false, customers: 250, written: 250, deleted: 0 });
    const stored = await withTenant({ tenantId }, (db) =>
      db.customerValue.findMany({ where: { tenantId, asOf: period.asOf }, orderBy: { customerId: "asc" } }),
    );
    expect(stored).toHaveLength(250);
    expect(stored.reduce((s, v) => s + v.clv, 0)).toBeCloseTo(first.totalEquity, 6);

    // One snapshot tampered with, one customer who no longer has a purchase in the month: a forced
    // rerun restores the one row, leaves the other 248 untouched and deletes the out-of-scope one.
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
    expect(rerun).toMatchObject({ customers: 249, deleted: 1 });
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
    expect(again).toMatchObject({ customers: 249, written: 0, deleted: 0 });
    expect(again.totalEquity).toBeCloseTo(rerun.totalEquity, 6);
  });
});
