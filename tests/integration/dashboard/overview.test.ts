import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import {
  createCustomer,
  createIncident,
  createPartner,
  createTenantWithOwner,
  createTouchpoint,
} from "@/lib/seed/factories";
import { dashboardOverview } from "@/lib/dashboard/overview";
import { cachedDashboard, invalidateDashboard } from "@/lib/dashboard/cache";
import { materializeEquityRollups } from "@/lib/value/rollups";
import { transitionIncident } from "@/lib/incidents/update-incident";

// The dashboard reads everything in one query: the equity trend from the materialized rollups (months
// without rollups live from the snapshots), open / breached incidents along the deadline indexes, and the
// latest month's cards. The page reads it through a per-tenant cache that writes drop.

const JULY = new Date(Date.UTC(2026, 6, 1));
const AUG = new Date(Date.UTC(2026, 7, 1));
const SEPT = new Date(Date.UTC(2026, 8, 1));
const NOW = new Date(Date.UTC(2026, 9, 1, 12));

let database: TestDatabase;
let tenantId = "";
let openId = "";

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await createTenantWithOwner({ slug: "dash-co" })).tenant.id;
  await withTenant({ tenantId }, async (db) => {
    const p = await createPartner(db, tenantId, { name: "Pine Couriers" });
    const t = await createTouchpoint(db, tenantId, { name: "Doorstep" });
    const c1 = await createCustomer(db, tenantId, { segment: "B2B" });
    const c2 = await createCustomer(db, tenantId);
    await db.customerValue.createMany({
      data: [
        { tenantId, customerId: c1.id, asOf: JULY, model: "RETENTION", clv: 100 },
        { tenantId, customerId: c1.id, asOf: AUG, model: "RETENTION", clv: 1000 },
        { tenantId, customerId: c2.id, asOf: AUG, model: "RETENTION", clv: 200 },
        { tenantId, customerId: c1.id, asOf: SEPT, model: "RETENTION", clv: 1100 },
        { tenantId, customerId: c2.id, asOf: SEPT, model: "RETENTION", clv: 300 },
      ],
    });
    const open = await createIncident(db, tenantId, {
      partnerId: p.id,
      touchpointId: t.id,
      severity: "HIGH",
      status: "OPEN",
      openedAt: new Date(Date.UTC(2026, 8, 20)),
    });
    openId = open.id;
    await createIncident(db, tenantId, {
      partnerId: p.id,
      touchpointId: t.id,
      severity: "LOW",
      status: "WAITING",
      openedAt: new Date(Date.UTC(2026, 8, 28)),
    });
    await createIncident(db, tenantId, {
      partnerId: p.id,
      touchpointId: t.id,
      severity: "MEDIUM",
      status: "RESOLVED",
      openedAt: new Date(Date.UTC(2026, 8, 2)),
      acknowledgedAt: new Date(Date.UTC(2026, 8, 2, 1)),
      resolvedAt: new Date(Date.UTC(2026, 8, 3)),
    });
  });
}, 120_000);

afterAll(async () => {
  await database?.close();
});

const read = (now = NOW) => withTenant({ tenantId }, (db) => dashboardOverview(db, tenantId, now));

describe("the dashboard's one query", () => {
  it("sums the equity trend live while no month has rollups", async () => {
    const { equity } = await read();
    expect(equity.trend).toEqual([
      { month: "2026-07", equity: 100 },
      { month: "2026-08", equity: 1200 },
      { month: "2026-09", equity: 1400 },
    ]);
    expect(equity).toMatchObject({ total: 1400, customers: 2 });
    expect(equity.changePct).toBeCloseTo((200 / 1200) * 100, 6);
  });

  it("reads the materialized rollups, and a fitted month without rollups live", async () => {
    await withTenant({ tenantId }, async (db) => {
      await materializeEquityRollups(db, tenantId, AUG);
      await materializeEquityRollups(db, tenantId, SEPT);
      // prove the rollups are what is read: September's stored total differs from its snapshots now
      await db.equityRollup.updateMany({
        where: { tenantId, asOf: SEPT, dimension: "SEGMENT", key: "B2B" },
        data: { equity: 5000 },
      });
      // July was fitted (a ClvFit) before rollups existed: it is summed live
      await db.clvFit.create({
        data: { tenantId, asOf: JULY, model: "RETENTION", params: {}, converged: true, iterations: 1 },
      });
    });
    const { equity } = await read();
    expect(equity.trend).toEqual([
      { month: "2026-07", equity: 100 },
      { month: "2026-08", equity: 1200 },
      { month: "2026-09", equity: 5300 },
    ]);
  });

  it("counts open incidents (running or paused clocks) and the breached ones, and incidents by touchpoint", async () => {
    const { incidents, scores } = await read();
    expect(incidents).toMatchObject({ open: 2, breached: 1, partners: 1, activePartners: 1 });
    expect(incidents.byTouchpoint).toEqual([
      { touchpointId: expect.any(String), name: "Doorstep", incidents: 3, open: 2 },
    ]);
    expect(scores).toBeNull();
  });
});

describe("the page's cache", () => {
  it("shares one read between renders until a write drops it", async () => {
    const first = cachedDashboard(tenantId);
    expect(cachedDashboard(tenantId)).toBe(first);
    const before = await first;
    // an incident event (here: resolving the open incident) drops the tenant's entry
    await withTenant({ tenantId }, (db) =>
      transitionIncident(
        db,
        tenantId,
        { incidentId: openId, to: "RESOLVED", resolution: "Delivered again", rootCause: "Late van" },
        { userId: null, label: "Test", kind: "system" },
      ),
    );
    const after = cachedDashboard(tenantId);
    expect(after).not.toBe(first);
    expect((await after).incidents.open).toBe(before.incidents.open - 1);
    invalidateDashboard(tenantId);
    expect(cachedDashboard(tenantId)).not.toBe(after);
  });
});
