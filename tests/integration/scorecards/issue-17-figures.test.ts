import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import {
  assignPartner,
  createCustomer,
  createInteraction,
  createPartner,
  createSlaPolicies,
  createStandard,
  createTenantWithOwner,
  createTouchpoint,
  createTransaction,
} from "@/lib/seed/factories";
import { scorecardInputsForMonth } from "@/lib/scorecards/inputs";
import { valueSubScore } from "@/lib/scorecards/sub-scores";
import { latestAssessedMonth } from "@/lib/standards/assessments";
import { createIncident } from "@/lib/incidents/create-incident";
import { equityAtRiskByIncident, equityAtRiskRollup, equityAtRiskWindow } from "@/lib/value/equity-at-risk";

// Issue 17 on a real database: equity served from interactions (item 8), the standards page's
// default month (item 7), the incident's customer by reference (item 9) and the one equity-at-risk
// window (item 5).

const SEPT = new Date(Date.UTC(2026, 8, 1));
const AUG = new Date(Date.UTC(2026, 7, 1));
const NOW = new Date(Date.UTC(2026, 8, 28, 12));
const d = (month: number, day: number) => new Date(Date.UTC(2026, month - 1, day, 10));

let database: TestDatabase;
let tenantId = "";
const ids: Record<string, string> = {};
const actor = { kind: "system" as const, label: "test", userId: null };
const base = {
  partnerId: "",
  touchpointId: "",
  severity: "HIGH" as const,
  category: "Damage",
  title: "Broken on arrival",
  description: "The unit arrived broken.",
};

beforeAll(async () => {
  database = await createTestDatabase();
  const { tenant } = await createTenantWithOwner({ slug: "acme" });
  tenantId = tenant.id;
  await withTenant({ tenantId }, async (db) => {
    await createSlaPolicies(db, tenantId);
    const installer = await createPartner(db, tenantId, { name: "Fixit Installers", type: "INSTALLER" });
    const retailer = await createPartner(db, tenantId, { name: "Big Box Retail", type: "RETAILER" });
    const install = await createTouchpoint(db, tenantId, { name: "Installation" });
    const checkout = await createTouchpoint(db, tenantId, { name: "Checkout" });
    await assignPartner(db, tenantId, install.id, installer.id);
    await assignPartner(db, tenantId, checkout.id, retailer.id);
    const buyer = await createCustomer(db, tenantId, { name: "Buyer", externalRef: "CUST-1001", segment: "B2C" });
    const other = await createCustomer(db, tenantId, { name: "Other", externalRef: "CUST-1002", segment: "B2C" });
    // The retailer takes the money; the installer serves the same customer at installation.
    await createTransaction(db, tenantId, { customerId: buyer.id, servingPartnerId: retailer.id, occurredAt: d(8, 3) });
    await createInteraction(db, tenantId, {
      partnerId: installer.id,
      touchpointId: install.id,
      customerId: buyer.id,
      occurredAt: d(8, 5),
    });
    await createInteraction(db, tenantId, {
      partnerId: installer.id,
      touchpointId: install.id,
      customerId: other.id,
      occurredAt: d(9, 6),
    });
    await db.customerValue.createMany({
      data: [
        { tenantId, customerId: buyer.id, asOf: AUG, model: "RETENTION", clv: 1000 },
        { tenantId, customerId: buyer.id, asOf: SEPT, model: "RETENTION", clv: 1200 },
        { tenantId, customerId: other.id, asOf: SEPT, model: "RETENTION", clv: 300 },
      ],
    });
    // Standards: assessed in August only.
    const standard = await createStandard(db, tenantId, install.id, { weight: 1 });
    await db.assessment.create({
      data: {
        tenantId,
        partnerId: installer.id,
        standardId: standard.id,
        period: AUG,
        value: 99,
        met: true,
        source: "AUDIT",
      },
    });
    Object.assign(ids, { installer: installer.id, retailer: retailer.id, install: install.id, buyer: buyer.id });
  });
});
afterAll(() => database.close());

describe("equity served counts the customers a partner meets at a touchpoint (item 8)", () => {
  it("gives an installer that never takes the money the value of the customers it serves", async () => {
    const rows = await withTenant({ tenantId }, (db) => scorecardInputsForMonth(db, tenantId, SEPT, NOW));
    const installer = rows.find((r) => r.partnerId === ids.installer)!.inputs.value;
    const retailer = rows.find((r) => r.partnerId === ids.retailer)!.inputs.value;
    // Sept: the buyer (1,200, served since August) and the other customer (300, first met in September)
    expect(installer.equityServed).toBe(1500);
    expect(installer.equityServedLastMonth).toBe(1000);
    expect(retailer.equityServed).toBe(1200);
    const score = valueSubScore(installer);
    expect(score.score).not.toBeNull();
    expect(score.formula).toContain("interactions");
  });
});

describe("standards compliance opens on the latest month with assessments (item 7)", () => {
  it("is last month's when this month has none, and this month's when nothing was ever assessed", async () => {
    const month = await withTenant({ tenantId }, (db) => latestAssessedMonth(db, tenantId, NOW));
    expect(month.toISOString().slice(0, 10)).toBe("2026-08-01");
    const empty = await createTenantWithOwner({ slug: "empty" });
    const none = await withTenant({ tenantId: empty.tenant.id }, (db) => latestAssessedMonth(db, empty.tenant.id, NOW));
    expect(none.toISOString().slice(0, 10)).toBe("2026-09-01");
  });
});

describe("an incident names its customer by reference (item 9)", () => {
  it("resolves the reference, and equity at risk uses that customer's value instead of an average", async () => {
    const incident = await withTenant({ tenantId }, (db) =>
      createIncident(
        db,
        tenantId,
        { ...base, partnerId: ids.installer, touchpointId: ids.install, customerRef: "CUST-1001" },
        actor,
        "STEWARD",
        NOW,
      ),
    );
    const stored = await withTenant({ tenantId }, (db) =>
      db.incident.findFirstOrThrow({ where: { tenantId, id: incident.id } }),
    );
    expect(stored.customerId).toBe(ids.buyer);
    const risk = (
      await withTenant({ tenantId }, (db) => equityAtRiskByIncident(db, tenantId, [incident.id], { asOf: SEPT }))
    ).get(incident.id)!;
    expect(risk.customerClv).toBe(1200);
    expect(risk.equityAtRisk).toBeCloseTo(1200 * 0.52, 6);
  });

  it("refuses an unknown reference, and an id and a reference together, with clear messages", async () => {
    const open = (extra: object) =>
      withTenant({ tenantId }, (db) =>
        createIncident(
          db,
          tenantId,
          { ...base, partnerId: ids.installer, touchpointId: ids.install, ...extra },
          actor,
          "STEWARD",
          NOW,
        ),
      );
    await expect(open({ customerRef: "NOPE-1" })).rejects.toThrow("No customer has the reference “NOPE-1”.");
    await expect(open({ customerRef: "CUST-1001", customerId: ids.buyer })).rejects.toThrow(
      "by its id or by its reference, not both",
    );
  });
});

describe("equity at risk has one window, named (item 5)", () => {
  it("covers incidents opened in the last 30 days and says so", async () => {
    const window = equityAtRiskWindow(NOW);
    expect(window.label).toBe("incidents opened in the last 30 days");
    expect(NOW.getTime() - window.from.getTime()).toBe(30 * 24 * 60 * 60 * 1000);
    await withTenant({ tenantId }, (db) =>
      createIncident(
        db,
        tenantId,
        { ...base, partnerId: ids.installer, touchpointId: ids.install, customerRef: "CUST-1001" },
        actor,
        "STEWARD",
        new Date(NOW.getTime() - 40 * 24 * 60 * 60 * 1000),
      ),
    );
    const all = await withTenant({ tenantId }, (db) => equityAtRiskRollup(db, tenantId, "partner", { asOf: SEPT }));
    const recent = await withTenant({ tenantId }, (db) =>
      equityAtRiskRollup(db, tenantId, "partner", { asOf: SEPT, from: window.from }),
    );
    const count = (rows: { incidents: number }[]) => rows.reduce((n, r) => n + r.incidents, 0);
    expect(count(all)).toBe(count(recent) + 1); // the 40-day-old incident is outside the window
  });
});
