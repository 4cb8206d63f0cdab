import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import { createTenantWithOwner } from "@/lib/seed/factories";
import { recomputeCustomerValues } from "@/lib/value/recompute";

let database: TestDatabase;
let tenantId = "";
const DAY = 86_400_000;

// Clockwork customers: every one buys exactly every 28 days and never leaves. The BG/NBD cannot tell
// customers apart — its parameters run to their bounds (degenerate) — so the recompute falls back to
// the retention model and says why.
beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await createTenantWithOwner({ slug: "clockwork" })).tenant.id;
  await withTenant({ tenantId }, async (db) => {
    const end = Date.UTC(2026, 5, 30);
    const transactions = [];
    for (let i = 0; i < 40; i++) {
      const acquiredAt = Date.UTC(2024, 0, 1) + i * 7 * DAY;
      await db.customer.create({
        data: { tenantId, id: `cw-${i}`, segment: i % 4 === 0 ? "B2B" : "B2C", acquiredAt: new Date(acquiredAt) },
      });
      for (let t = acquiredAt; t <= end; t += 28 * DAY)
        transactions.push({ tenantId, customerId: `cw-${i}`, occurredAt: new Date(t), revenue: 50, margin: 10 });
    }
    await db.transaction.createMany({ data: transactions });
  });
}, 120_000);

afterAll(async () => {
  await database?.close();
});

describe("a degenerate BG/NBD fit", () => {
  it("falls back to the retention model, stores the reason, and values customers on it", async () => {
    const result = await recomputeCustomerValues(tenantId, { month: "2026-06", now: new Date("2026-07-15") });
    expect(result.model).toBe("BG_NBD"); // what the settings asked for
    const { fit, models } = await withTenant({ tenantId }, async (db) => ({
      fit: await db.clvFit.findFirstOrThrow({ where: { tenantId }, orderBy: { createdAt: "desc" } }),
      models: await db.customerValue.groupBy({ by: ["model"], where: { tenantId }, _count: true }),
    }));
    expect(fit.model).toBe("RETENTION");
    const quality = fit.quality as { fallbackFrom?: string; fallbackReason?: string; bgnbd?: { degenerate: boolean } };
    expect(quality.bgnbd?.degenerate).toBe(true);
    expect(quality.fallbackFrom).toBe("BG_NBD");
    expect(quality.fallbackReason).toMatch(/retention model was used instead/);
    expect(models).toEqual([{ model: "RETENTION", _count: 40 }]);
    expect(result.totalEquity).toBeGreaterThan(0);
    // A rerun with nothing changed is recognised as up to date despite the fallback.
    const again = await recomputeCustomerValues(tenantId, { month: "2026-06", now: new Date("2026-07-15") });
    expect(again.skipped).toBe(true);
  });
});
