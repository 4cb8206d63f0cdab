import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import {
  createCustomer,
  createIncident,
  createPartner,
  createSlaPolicies,
  createTenantWithOwner,
  createTouchpoint,
} from "@/lib/seed/factories";
import { addCauses, listCauses, removeCause } from "@/lib/costs/causes";
import { costOfFailure } from "@/lib/costs/cost-of-failure";
import { transitionIncident } from "@/lib/incidents/update-incident";

let database: TestDatabase;
let tenantId: string;
let otherTenantId: string;
const ids: Record<string, string> = {};
const NOW = new Date();
const DAY = 86_400_000;
const thisMonth = new Date(Date.UTC(NOW.getUTCFullYear(), NOW.getUTCMonth(), 1));
const inTenant = <T>(work: Parameters<typeof withTenant<T>>[1], tenant = tenantId) =>
  withTenant({ tenantId: tenant }, work);

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await createTenantWithOwner({ slug: "cost-acme" })).tenant.id;
  otherTenantId = (await createTenantWithOwner({ slug: "cost-globex" })).tenant.id;
  await inTenant(async (db) => {
    await createSlaPolicies(db, tenantId);
    const swift = await createPartner(db, tenantId, { name: "Swift Couriers" });
    const fix = await createPartner(db, tenantId, { name: "FixIt Installs" });
    const delivery = await createTouchpoint(db, tenantId, { name: "Delivery" });
    const install = await createTouchpoint(db, tenantId, { name: "Installation" });
    Object.assign(ids, { swift: swift.id, fix: fix.id, delivery: delivery.id, install: install.id });
    const rich = await createCustomer(db, tenantId, { name: "Rich", segment: "B2B" });
    const modest = await createCustomer(db, tenantId, { name: "Modest", segment: "B2C" });
    await db.customerValue.createMany({
      data: [
        { tenantId, customerId: rich.id, asOf: thisMonth, model: "BG_NBD", clv: 1000 },
        { tenantId, customerId: modest.id, asOf: thisMonth, model: "BG_NBD", clv: 100 },
      ],
    });
    const opened = new Date(Math.max(thisMonth.getTime() + 3_600_000, NOW.getTime() - DAY));
    const make = (partnerId: string, touchpointId: string, customerId: string, rootCause: string, cost: number[]) =>
      createIncident(db, tenantId, {
        partnerId,
        touchpointId,
        customerId,
        status: "RESOLVED",
        rootCause,
        openedAt: opened,
        costRefunds: cost[0],
        costReshipment: cost[1],
        costCredits: cost[2],
        costHandling: cost[3],
      });
    ids.i1 = (await make(swift.id, delivery.id, rich.id, "Route overbooked", [100, 50, 0, 10])).id;
    ids.i2 = (await make(swift.id, delivery.id, modest.id, "  route   OVERBOOKED ", [0, 20, 5, 5])).id;
    ids.i3 = (await make(fix.id, install.id, modest.id, "Hose not tightened", [200, 0, 0, 40])).id;
    ids.open = (
      await createIncident(db, tenantId, { partnerId: fix.id, touchpointId: install.id, status: "IN_PROGRESS" })
    ).id;
  });
});
afterAll(() => database.close());

describe("root-cause taxonomy", () => {
  it("maps existing free-text causes that match a cause's name, ignoring case and spaces", async () => {
    const result = await inTenant((db) =>
      addCauses(db, tenantId, [
        { label: "Route overbooked", category: "process" },
        { label: "Handling damage", category: "partner" },
      ]),
    );
    expect(result).toEqual({ added: 2, mapped: 2 });
    const causes = await inTenant((db) => listCauses(db, tenantId));
    expect(causes.map((c) => [c.label, c.incidents])).toEqual([
      ["Route overbooked", 2],
      ["Handling damage", 0],
    ]);
    // Adding the same name again changes nothing.
    expect(
      await inTenant((db) => addCauses(db, tenantId, [{ label: "Route overbooked", category: "people" }])),
    ).toEqual({ added: 0, mapped: 0 });
  });

  it("files a resolution under the chosen cause, or under the cause its text names; keeps the text as a note", async () => {
    const [, handling] = await inTenant((db) => listCauses(db, tenantId));
    await inTenant((db) =>
      transitionIncident(
        db,
        tenantId,
        {
          incidentId: ids.open,
          to: "RESOLVED",
          rootCause: "Dropped the unit on the stairs",
          rootCauseId: handling.id,
          resolution: "Replaced",
        },
        { userId: null, label: "Steward", kind: "steward" },
      ),
    );
    const incident = await inTenant((db) => db.incident.findFirstOrThrow({ where: { id: ids.open } }));
    expect(incident).toMatchObject({ rootCauseId: handling.id, rootCause: "Dropped the unit on the stairs" });
    const foreign = await inTenant(
      (db) => addCauses(db, otherTenantId, [{ label: "Elsewhere", category: "people" }]),
      otherTenantId,
    );
    expect(foreign.added).toBe(1);
    const [elsewhere] = await inTenant((db) => listCauses(db, otherTenantId), otherTenantId);
    await expect(
      inTenant((db) =>
        transitionIncident(
          db,
          tenantId,
          { incidentId: ids.open, to: "IN_PROGRESS" },
          { userId: null, label: "Steward", kind: "steward" },
        ).then(() =>
          transitionIncident(
            db,
            tenantId,
            { incidentId: ids.open, to: "RESOLVED", rootCause: "x", rootCauseId: elsewhere.id, resolution: "y" },
            { userId: null, label: "Steward", kind: "steward" },
          ),
        ),
      ),
    ).rejects.toThrow(/not in the workspace's list/);
  });

  it("keeps a cause that incidents use, removes an unused one, and lets no partner write the list", async () => {
    const [route, handling] = await inTenant((db) => listCauses(db, tenantId));
    await expect(inTenant((db) => removeCause(db, tenantId, route.id))).rejects.toThrow(/root cause of 2 incidents/);
    await expect(inTenant((db) => removeCause(db, otherTenantId, handling.id))).rejects.toThrow(/not found/);
    await expect(
      withTenant({ tenantId, partnerId: ids.swift }, (db) =>
        db.rootCause.create({ data: { tenantId, label: "Partner's own", category: "people" } }),
      ),
    ).rejects.toThrow();
    expect(await withTenant({ tenantId, partnerId: ids.swift }, (db) => db.rootCause.count())).toBe(2);
  });
});

describe("cost of failure", () => {
  it("adds up costs per month, partner and touchpoint, and ranks causes by equity at risk", async () => {
    const result = await inTenant((db) => costOfFailure(db, tenantId, NOW));
    const month = thisMonth.toISOString().slice(0, 7);
    expect(result.rows.map((r) => [r.month, r.partner, r.touchpoint, r.incidents, r.total])).toEqual([
      [month, "FixIt Installs", "Installation", 2, 240],
      [month, "Swift Couriers", "Delivery", 2, 190],
    ]);
    expect(result.rows[1]).toMatchObject({ refunds: 100, reshipment: 70, credits: 5, handling: 15 });
    expect(result.totals).toMatchObject({ total: 430, incidents: 4 });
    // Equity at risk: the named customer's CLV × churn (B2B 0.66, B2C 0.52).
    const byLabel = Object.fromEntries(result.pareto.map((r) => [r.label, r]));
    expect(byLabel["Route overbooked"].value).toBeCloseTo(1000 * 0.66 + 100 * 0.52, 6);
    expect(byLabel["No cause chosen"].value).toBeCloseTo(100 * 0.52, 6);
    expect(result.pareto[0].label).toBe("Route overbooked");
    expect(result.pareto.at(-1)?.cumulativeShare).toBe(1);
    const empty = await inTenant((db) => costOfFailure(db, otherTenantId, NOW), otherTenantId);
    expect(empty.rows).toEqual([]);
  });
});
