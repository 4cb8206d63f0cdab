// Issue 19: the demo's channel design — a recorded design, a value proposition and RACI on the touchpoints
// with one deliberate gap (a touchpoint nobody is accountable for) — and a funnel with data in recent months.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import { seedDemoTenant, type DemoSeedResult } from "@/lib/seed/demo-tenant";
import { seedDemoChannelDesign } from "@/lib/seed/demo-channel-design";
import { loadTouchpointsPage } from "@/lib/touchpoints/pages";
import { funnelMonth } from "@/lib/funnel/funnel";

let database: TestDatabase;
let demo: DemoSeedResult;

beforeAll(async () => {
  database = await createTestDatabase();
  demo = await seedDemoTenant({ scale: "small" });
  await seedDemoChannelDesign(demo.tenant.id, 42);
});
afterAll(() => database.close());

describe("the demo's channel design", () => {
  it("records the design, a proposition and an accountable party on every touchpoint but one", async () => {
    const page = await loadTouchpointsPage(demo.tenant.id, { withPartnerOptions: false });
    expect(page.channel).toEqual({ design: "LIMITED", scope: "COMPOSITE" });
    const all = page.columns.flatMap((c) => c.touchpoints);
    expect(page.gaps.noAccountable).toHaveLength(1);
    const gap = all.find((t) => t.id === page.gaps.noAccountable[0].id)!;
    expect(gap.valueProposition).toBeNull();
    for (const t of all.filter((x) => x.id !== gap.id)) {
      expect(t.valueProposition).not.toBeNull();
      expect(t.roles.filter((r) => r.role === "ACCOUNTABLE")).toHaveLength(1);
    }
  });

  it("gives the funnel data in recent months", async () => {
    const now = new Date();
    const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
    const f = await withTenant({ tenantId: demo.tenant.id }, (db) => funnelMonth(db, demo.tenant.id, lastMonth));
    expect(f.stages.reduce((s, r) => s + r.interactions, 0)).toBeGreaterThan(0);
    expect(f.stages.reduce((s, r) => s + r.customersReached, 0)).toBeGreaterThan(0);
  });
});
