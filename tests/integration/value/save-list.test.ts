import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import {
  createCustomer,
  createIncident,
  createInteraction,
  createPartner,
  createSlaPolicies,
  createTenantWithOwner,
  createTouchpoint,
} from "@/lib/seed/factories";
import { customersToSave, saveReason } from "@/lib/value/save-list";
import { saveListCsv, saveListDownload } from "@/lib/value/save-page";
import type { Access } from "@/lib/auth/access";
import { exportRoute, queryFields } from "@/lib/exports/route";

let database: TestDatabase;
let tenantId: string;
let otherTenantId: string;
const ids: Record<string, string> = {};
const CUR = new Date("2026-11-01");
const PREV = new Date("2026-10-01");
const DAY = 86_400_000;

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await createTenantWithOwner({ slug: "save-acme", name: "Acme & Söhne" })).tenant.id;
  otherTenantId = (await createTenantWithOwner({ slug: "save-globex" })).tenant.id;
  await withTenant({ tenantId }, async (db) => {
    await createSlaPolicies(db, tenantId);
    const swift = await createPartner(db, tenantId, { name: "Swift Couriers" });
    const fix = await createPartner(db, tenantId, { name: "FixIt Installs" });
    const delivery = await createTouchpoint(db, tenantId, { name: "Delivery" });
    const install = await createTouchpoint(db, tenantId, { name: "Installation" });
    // Nine low-value customers and three high-value ones (the top fifth by CLV: 800 and above here).
    const values: [string, number, number, number][] = [
      ["dropping", 1000, 0.9, 0.5],
      ["incident", 900, 0.8, 0.78],
      ["steady", 800, 0.85, 0.84],
      ...Array.from({ length: 9 }, (_, i): [string, number, number, number] => [
        `low${i}`,
        10,
        0.9,
        i === 0 ? 0.2 : 0.9,
      ]),
    ];
    for (const [name, clv, before, now] of values) {
      const c = await createCustomer(db, tenantId, { name, segment: name === "incident" ? "B2B" : "B2C" });
      ids[name] = c.id;
      await db.customerValue.createMany({
        data: [
          { tenantId, customerId: c.id, asOf: PREV, model: "BG_NBD", clv, probabilityAlive: before },
          { tenantId, customerId: c.id, asOf: CUR, model: "BG_NBD", clv, probabilityAlive: now },
        ],
      });
    }
    await createInteraction(db, tenantId, {
      partnerId: swift.id,
      touchpointId: delivery.id,
      customerId: ids.dropping,
      occurredAt: new Date(Date.now() - 40 * DAY),
    });
    const incident = await createIncident(db, tenantId, {
      partnerId: fix.id,
      touchpointId: install.id,
      customerId: ids.incident,
      severity: "HIGH",
      openedAt: new Date(Date.now() - 5 * DAY),
    });
    ids.incidentNumber = String(incident.number);
    // An old incident of the steady customer does not count.
    await createIncident(db, tenantId, {
      partnerId: fix.id,
      touchpointId: install.id,
      customerId: ids.steady,
      openedAt: new Date(Date.now() - 90 * DAY),
    });
  });
});
afterAll(() => database.close());

const list = (sort: "clv" | "drop" | "incident", tenant = tenantId) =>
  withTenant({ tenantId: tenant }, (db) => customersToSave(db, tenant, { sort, offset: 0, limit: 50 }));

describe("customers to save", () => {
  it("lists high-value customers whose P(alive) dropped or who had a recent incident, with who was involved", async () => {
    const result = await list("clv");
    expect(result.asOf).toEqual(CUR);
    expect(result.previous).toEqual(PREV);
    expect(result.total).toBe(2);
    expect(result.rows.map((r) => r.name)).toEqual(["dropping", "incident"]);
    expect(result.rows[0]).toMatchObject({
      clv: 1000,
      partner: "Swift Couriers",
      touchpoint: "Delivery",
      reason: "P(alive) fell from 90% to 50%",
    });
    expect(result.rows[1]).toMatchObject({ partner: "FixIt Installs", touchpoint: "Installation" });
    expect(result.rows[1].reason).toMatch(new RegExp(`^Incident INC-${ids.incidentNumber} \\(high\\) on \\d{4}-`));
  });

  it("sorts by drop and by latest incident", async () => {
    expect((await list("drop")).rows.map((r) => r.name)).toEqual(["dropping", "incident"]);
    expect((await list("incident")).rows.map((r) => r.name)).toEqual(["incident", "dropping"]);
  });

  it("exports the list as CSV, and shows another workspace nothing", async () => {
    const csv = await saveListCsv(tenantId, { sort: "clv" });
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe(
      "Customer id,Customer,Reference,Segment,CLV,P(alive) before,P(alive) now,Incident,Partner,Touchpoint,Reason",
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`${ids.dropping},dropping,,B2C,1000,0.9,0.5,,Swift Couriers,Delivery`);
    expect((await list("clv", otherTenantId)).rows).toEqual([]);
  });

  it("downloads the list through the export route: the CSV in the chosen order, named after the workspace", async () => {
    const access: Access = {
      user: { id: "u", email: "steward@example.com", name: "Steward", sessionId: "s" },
      tenant: { id: tenantId, slug: "save-acme", name: "Acme & Söhne", timezone: "UTC", currency: "USD" },
      membership: { id: "m", role: "STEWARD", partnerId: null },
      partner: null,
    };
    const request = new Request("http://app/t/save-acme/value/save/export?sort=drop");
    const response = await exportRoute(request, { ok: true, access }, queryFields, saveListDownload);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="Customers-to-save-Acme-Sohne.csv"');
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const csv = await response.text();
    expect(csv).toBe(await saveListCsv(tenantId, { sort: "drop" }));
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe(
      "Customer id,Customer,Reference,Segment,CLV,P(alive) before,P(alive) now,Incident,Partner,Touchpoint,Reason",
    );
    expect(lines.slice(1).map((line) => line.split(",")[1])).toEqual(["dropping", "incident"]);
    expect(lines[2]).toContain(
      `${ids.incident},incident,,B2B,900,0.8,0.78,INC-${ids.incidentNumber},FixIt Installs,Installation`,
    );
  });

  it("says why in words", () => {
    expect(
      saveReason({
        aliveBefore: 0.8,
        aliveNow: 0.6,
        incidentNumber: 7,
        incidentOpenedAt: new Date("2026-11-20T10:00:00Z"),
        incidentSeverity: "CRITICAL",
      }),
    ).toBe("P(alive) fell from 80% to 60%; incident INC-7 (critical) on 2026-11-20");
  });
});
