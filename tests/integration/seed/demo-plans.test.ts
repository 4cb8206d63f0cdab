import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import { ensureDemoTenants } from "@/lib/seed/ensure-demo";
import { demoTenantId } from "@/lib/seed/demo-tenant";
import { listPlans, planDetail } from "@/lib/plans/queries";

// The demo tenants at first login have corrective-action plans: one proposed to the demo partner admin's partner,
// one in progress with an overdue action, one verified (lib/seed/demo-plans.ts). Full Northwind and small Contoso, as
// `npm run demo` and the end-to-end server seed them.

let database: TestDatabase;
const lines: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  await ensureDemoTenants((line) => lines.push(line));
}, 600_000);
afterAll(() => database.close());

describe("demo corrective-action plans", () => {
  it("gives Northwind a proposed plan for Swift Couriers, one in progress with an overdue action and one due soon, one verified", async () => {
    const tenantId = demoTenantId("northwind");
    const { plans } = await withTenant({ tenantId }, (db) => listPlans(db, tenantId, {}));
    const byStatus = Object.fromEntries(plans.map((p) => [p.status, p]));
    expect(Object.keys(byStatus).sort()).toEqual(["IN_PROGRESS", "PROPOSED", "VERIFIED"]);
    expect(byStatus.PROPOSED.partnerName).toBe("Swift Couriers");
    expect(byStatus.IN_PROGRESS.progress).toMatchObject({ total: 3, done: 1, overdue: 1 });
    expect(byStatus.IN_PROGRESS.actions.map((a) => a.dueSoonInDays).filter((d) => d !== null)).toEqual([2]);
    expect(byStatus.VERIFIED.progress).toMatchObject({ total: 2, done: 2, verified: 2, overdue: 0 });
    // The verified plan shows how its metric moved since the plan opened (the next published month).
    expect(byStatus.VERIFIED.actions[0].movement.latest).not.toBeNull();
    const detail = await withTenant({ tenantId }, (db) => planDetail(db, tenantId, byStatus.VERIFIED.id));
    expect(detail?.events.map((e) => e.type)).toContain("ACTION_VERIFIED");
    expect(lines.filter((l) => l.includes("corrective-action plans"))[0]).toBe("  corrective-action plans: 3 written");
  });

  it("gives Contoso at least one plan", async () => {
    const tenantId = demoTenantId("contoso");
    const { total } = await withTenant({ tenantId }, (db) => listPlans(db, tenantId, {}));
    expect(total).toBeGreaterThan(0);
  });
});
