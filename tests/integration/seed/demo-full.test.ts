import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import { planDemoRows, seedDemoTenant, type DemoSeedResult } from "@/lib/seed/demo-tenant";
import { INCIDENT_STATUSES, SEVERITIES } from "@/lib/seed/factories";

// The full northwind demo (~60,000 interactions) seeds in about 10-15 s on PGlite.
const asOf = new Date("2026-11-01T00:00:00Z");
let database: TestDatabase;
let result: DemoSeedResult;
let seconds: number;

beforeAll(async () => {
  database = await createTestDatabase();
  const started = Date.now();
  result = await seedDemoTenant({ asOf });
  seconds = (Date.now() - started) / 1000;
  console.log(`full demo seed: ${seconds.toFixed(1)} s`, result.counts);
}, 240_000);
afterAll(() => database.close());

const inTenant = <T>(work: Parameters<typeof withTenant<T>>[1]) => withTenant({ tenantId: result.tenant.id }, work);

describe("full demo tenant", () => {
  it("seeds well under a minute with counts in the expected ranges", () => {
    expect(seconds).toBeLessThan(90);
    const c = result.counts;
    expect(c).toMatchObject({
      partners: 40,
      touchpoints: 12,
      standards: 25,
      customers: 3000,
      incidents: 300,
      slaPolicies: 4,
      alignmentQuestions: 6,
    });
    expect(c.interactions).toBeGreaterThan(55_000);
    expect(c.interactions).toBeLessThan(65_000);
    expect(c.transactions).toBeGreaterThan(12_000);
    expect(c.transactions).toBeLessThan(18_000);
    expect(c.touchpointPartners).toBeGreaterThanOrEqual(36);
    expect(result.logins.partner).toMatchObject({
      email: "swift-couriers.admin@northwind.test",
      partnerName: "Swift Couriers",
    });
  });

  it("has partners of every type and lifecycle status, on touchpoints of every stage", async () => {
    const partners = await inTenant((db) => db.partner.findMany());
    expect(new Set(partners.map((p) => p.type))).toEqual(
      new Set(["DELIVERY", "INSTALLER", "RESELLER", "RETAILER", "SERVICE", "HOST", "CURBSIDE"]),
    );
    expect(new Set(partners.map((p) => p.status))).toEqual(
      new Set(["PROSPECT", "VETTING", "ACTIVE", "PROBATION", "OFFBOARDED"]),
    );
    expect(partners.filter((p) => p.status === "ACTIVE").length).toBeGreaterThanOrEqual(25);
    const touchpoints = await inTenant((db) =>
      db.touchpoint.findMany({ include: { _count: { select: { partners: true } } } }),
    );
    expect(new Set(touchpoints.map((t) => t.stage))).toEqual(new Set(["attract", "connect", "convert", "engage"]));
    expect(touchpoints.some((t) => t.isMomentOfTruth)).toBe(true);
    for (const t of touchpoints) {
      expect(t._count.partners, t.name).toBeGreaterThanOrEqual(3);
      expect(t._count.partners, t.name).toBeLessThanOrEqual(8);
    }
  });

  it("has every incident status and severity, some active ones overdue and some not", async () => {
    const incidents = await inTenant((db) =>
      db.incident.findMany({ select: { number: true, status: true, severity: true, nextDueAt: true } }),
    );
    expect(new Set(incidents.map((i) => i.status))).toEqual(new Set(INCIDENT_STATUSES));
    expect(new Set(incidents.map((i) => i.severity))).toEqual(new Set(SEVERITIES));
    expect(new Set(incidents.map((i) => i.number)).size).toBe(incidents.length);
    const due = incidents.filter((i) => i.nextDueAt !== null);
    expect(due.filter((i) => i.nextDueAt!.getTime() < asOf.getTime()).length).toBeGreaterThan(0);
    expect(due.filter((i) => i.nextDueAt!.getTime() >= asOf.getTime()).length).toBeGreaterThan(0);
  });

  it("makes worse partners worse: more failures and incidents per interaction", async () => {
    const rows = await inTenant(
      (db) => db.$queryRaw<{ name: string; n: number; success: number; incidents: number }[]>`
        select p.name,
               (select count(*) from "Interaction" i where i."partnerId" = p.id)::int as n,
               (select count(*) from "Interaction" i where i."partnerId" = p.id and i.outcome = 'SUCCESS')::int as success,
               (select count(*) from "Incident" x where x."partnerId" = p.id)::int as incidents
        from "Partner" p where p.name in ('Swift Couriers', 'Red Kite Delivery')`,
    );
    const swift = rows.find((r) => r.name === "Swift Couriers")!;
    const redKite = rows.find((r) => r.name === "Red Kite Delivery")!;
    expect(swift.success / swift.n).toBeGreaterThan(redKite.success / redKite.n + 0.1);
    expect(redKite.incidents / redKite.n).toBeGreaterThan((2 * swift.incidents) / swift.n);
  });

  it("covers 12 months of interactions up to asOf and customers acquired over three years", async () => {
    const [range] = await inTenant(
      (db) => db.$queryRaw<{ first: Date; last: Date; months: number }[]>`
        select min("occurredAt") as first, max("occurredAt") as last, count(distinct date_trunc('month', "occurredAt"))::int as months from "Interaction"`,
    );
    expect(range.first.getTime()).toBeGreaterThanOrEqual(new Date("2025-11-01T00:00:00Z").getTime());
    expect(range.last.getTime()).toBeLessThan(asOf.getTime());
    expect(range.months).toBe(12);
    const [customers] = await inTenant(
      (db) => db.$queryRaw<{ b2b: number; first: Date; repeaters: number }[]>`
        select count(*) filter (where segment = 'B2B')::int as b2b, min("acquiredAt") as first,
               (select count(*) from (select "customerId" from "Transaction" group by 1 having count(*) > 1) r)::int as repeaters
        from "Customer"`,
    );
    expect(customers.b2b).toBeGreaterThan(450);
    expect(customers.b2b).toBeLessThan(750);
    expect(customers.first.getTime()).toBeLessThan(new Date("2024-06-01T00:00:00Z").getTime());
    expect(customers.repeaters).toBeGreaterThan(1500);
  });

  it("stores the planned timestamps and amounts exactly", async () => {
    const plan = planDemoRows({ asOf });
    const sample = [0, 1234, 30_000, plan.interactions.length - 1].map((k) => plan.interactions[k]);
    const stored = await inTenant((db) => db.interaction.findMany({ where: { id: { in: sample.map((s) => s.id!) } } }));
    for (const s of sample) {
      const row = stored.find((r) => r.id === s.id)!;
      expect(row.occurredAt.toISOString()).toBe((s.occurredAt as Date).toISOString());
      expect(row.outcome).toBe(s.outcome);
    }
    const tx = plan.transactions[777];
    const storedTx = await inTenant((db) =>
      db.transaction.findUniqueOrThrow({ where: { tenantId_id: { tenantId: result.tenant.id, id: tx.id! } } }),
    );
    expect(storedTx.revenue.toFixed(2)).toBe(tx.revenue);
    expect(storedTx.occurredAt.toISOString()).toBe((tx.occurredAt as Date).toISOString());
  });
});
