// Issue 19, part 3: the engagement funnel on a small fixture whose figures are computed by hand (the same
// events as tests/unit/funnel/conversion.test.ts), row-level security, and a partner's own view.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import {
  assignPartner,
  createCustomer,
  createIncident,
  createInteraction,
  createPartner,
  createTenantWithOwner,
  createTouchpoint,
  createTransaction,
} from "@/lib/seed/factories";
import { funnelMonth } from "@/lib/funnel/funnel";

let database: TestDatabase;
let tenantId = "";
let otherTenantId = "";
let p1 = "";
const month = new Date("2026-10-01T00:00:00Z");
const d = (s: string) => new Date(`${s}T12:00:00Z`);

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await createTenantWithOwner({ slug: "acme" })).tenant.id;
  otherTenantId = (await createTenantWithOwner({ slug: "other" })).tenant.id;
  await withTenant({ tenantId }, async (db) => {
    const P1 = await createPartner(db, tenantId, { name: "Alpha" });
    const P2 = await createPartner(db, tenantId, { name: "Bravo" });
    const P3 = await createPartner(db, tenantId, { name: "Charlie" });
    const P4 = await createPartner(db, tenantId, { name: "Delta" });
    p1 = P1.id;
    const A = await createTouchpoint(db, tenantId, { name: "Ad", stage: "attract" });
    const C = await createTouchpoint(db, tenantId, { name: "Call", stage: "connect" });
    const E = await createTouchpoint(db, tenantId, { name: "Demo", stage: "engage" });
    const V = await createTouchpoint(db, tenantId, { name: "Delivery", stage: "convert" });
    const X = await createTouchpoint(db, tenantId, { name: "Club", stage: "retain" });
    await assignPartner(db, tenantId, A.id, P1.id);
    await assignPartner(db, tenantId, C.id, P1.id);
    await assignPartner(db, tenantId, E.id, P2.id);
    await assignPartner(db, tenantId, V.id, P2.id);
    await assignPartner(db, tenantId, X.id, P4.id);
    await db.touchpointRole.create({ data: { tenantId, touchpointId: V.id, role: "ACCOUNTABLE", partnerId: P3.id } });
    await db.touchpointRole.create({ data: { tenantId, touchpointId: A.id, role: "ACCOUNTABLE", partnerId: null } });
    const c1 = await createCustomer(db, tenantId, { segment: "B2B" });
    const c2 = await createCustomer(db, tenantId, { segment: "B2C" });
    const c3 = await createCustomer(db, tenantId, { segment: "B2C" });
    const c4 = await createCustomer(db, tenantId, { segment: "B2C" });
    const by = { [A.id]: P1.id, [C.id]: P1.id, [E.id]: P2.id, [V.id]: P2.id, [X.id]: P4.id };
    const at = async (customerId: string | null, touchpointId: string, day: string) =>
      createInteraction(db, tenantId, { customerId, touchpointId, partnerId: by[touchpointId], occurredAt: d(day) });
    await at(c1.id, A.id, "2026-10-02");
    await at(c1.id, A.id, "2026-10-05");
    await at(c1.id, C.id, "2026-10-20");
    await at(c1.id, E.id, "2026-11-10");
    await at(c1.id, X.id, "2026-10-06");
    await at(c2.id, A.id, "2026-10-03");
    await at(c2.id, C.id, "2026-11-05");
    await at(c3.id, C.id, "2026-10-08");
    await at(c3.id, A.id, "2026-10-10");
    await at(c3.id, E.id, "2026-10-15");
    await at(c3.id, V.id, "2026-10-30");
    await at(c4.id, A.id, "2026-09-30");
    await at(c4.id, V.id, "2026-10-25");
    await at(null, A.id, "2026-10-04");
    await createTransaction(db, tenantId, { customerId: c3.id, occurredAt: d("2026-11-02") });
    const asOf = new Date("2026-10-01");
    await db.customerValue.createMany({
      data: [
        { tenantId, customerId: c1.id, asOf, model: "BG_NBD", clv: 100 },
        { tenantId, customerId: c2.id, asOf, model: "BG_NBD", clv: 200 },
        { tenantId, customerId: c3.id, asOf, model: "BG_NBD", clv: 300 },
        // a later snapshot the October funnel must not use
        { tenantId, customerId: c1.id, asOf: new Date("2026-11-01"), model: "BG_NBD", clv: 999 },
      ],
    });
    await createIncident(db, tenantId, {
      partnerId: P2.id,
      touchpointId: V.id,
      customerId: c3.id,
      openedAt: d("2026-10-12"),
    });
    await createIncident(db, tenantId, {
      partnerId: P1.id,
      touchpointId: A.id,
      customersAffected: 2,
      openedAt: d("2026-10-20"),
    });
    await createIncident(db, tenantId, { partnerId: P1.id, touchpointId: A.id, openedAt: d("2026-09-20") });
  });
});
afterAll(() => database.close());

describe("the engagement funnel", () => {
  it("computes every figure of every stage as by hand", async () => {
    const f = await withTenant({ tenantId }, (db) => funnelMonth(db, tenantId, month));
    expect(f.snapshot?.toISOString().slice(0, 10)).toBe("2026-10-01");
    const by = Object.fromEntries(f.stages.map((s) => [s.stage, s]));
    expect(f.stages.map((s) => s.stage)).toEqual(["attract", "connect", "engage", "convert"]);
    expect(by.attract).toMatchObject({
      touchpoints: 1,
      interactions: 5,
      customersReached: 3,
      converted: 1,
      equity: 600,
      incidents: 1,
      next: "connect",
    });
    expect(by.attract.conversionRate).toBeCloseTo(1 / 3, 10);
    // 2 customers affected, none named, partner without served customers: 2 × the tenant's mean CLV × churn
    // = 2 × (100 × 0.66 + 200 × 0.52 + 300 × 0.52) / 3
    expect(by.attract.equityAtRisk).toBeCloseTo((2 * (66 + 104 + 156)) / 3, 6);
    expect(by.connect).toMatchObject({
      interactions: 2,
      customersReached: 2,
      converted: 2,
      conversionRate: 1,
      equity: 400,
    });
    expect(by.engage).toMatchObject({ interactions: 1, customersReached: 1, converted: 1, equity: 300, incidents: 0 });
    expect(by.engage.equityAtRisk).toBe(0);
    expect(by.convert).toMatchObject({
      interactions: 2,
      customersReached: 2,
      converted: 1,
      conversionRate: 0.5,
      equity: 300,
      incidents: 1,
      next: "purchase",
    });
    expect(by.convert.equityAtRisk).toBeCloseTo(300 * 0.52, 6);
    expect(by.attract.owners.map((o) => o.name)).toEqual(["Alpha"]);
    expect(by.engage.owners.map((o) => o.name)).toEqual(["Bravo"]);
    expect(by.convert.owners.map((o) => o.name)).toEqual(["Bravo", "Charlie"]);
  });

  it("a month without data is all zeros, with no conversion rate", async () => {
    const f = await withTenant({ tenantId }, (db) => funnelMonth(db, tenantId, new Date("2026-06-01T00:00:00Z")));
    expect(f.snapshot).toBeNull();
    for (const s of f.stages) {
      expect(s).toMatchObject({ interactions: 0, customersReached: 0, conversionRate: null, equity: 0, incidents: 0 });
    }
  });

  it("row-level security: another tenant's context sees nothing of this tenant", async () => {
    const f = await withTenant({ tenantId: otherTenantId }, (db) => funnelMonth(db, tenantId, month));
    expect(f.stages.every((s) => s.interactions === 0 && s.incidents === 0 && s.touchpoints === 0)).toBe(true);
  });

  it("a partner's context counts only that partner's interactions and incidents", async () => {
    const f = await withTenant({ tenantId, partnerId: p1 }, (db) => funnelMonth(db, tenantId, month));
    expect(f.stages.map((s) => s.interactions)).toEqual([5, 2, 0, 0]);
    expect(f.stages.map((s) => s.incidents)).toEqual([1, 0, 0, 0]);
  });
});
