import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import { withTenantSql } from "@/lib/db/sql-scope";
import {
  addMember,
  createCustomer,
  createIncident,
  createPartner,
  createSlaPolicies,
  createTenantWithOwner,
  createTouchpoint,
  createUser,
} from "@/lib/seed/factories";
import { listInbox } from "@/lib/incidents/inbox";
import {
  canonicalInboxQuery,
  createInboxView,
  deleteInboxView,
  listInboxViews,
  renameInboxView,
} from "@/lib/incidents/inbox-views";

let database: TestDatabase;
let tenantId = "";
let otherTenantId = "";
const members = { owner: "", steward: "", other: "" };
const ids = { low: "", high: "", critical: "", none: "" };
const inTenant = <T>(work: Parameters<typeof withTenant<T>>[1]) => withTenant({ tenantId }, work);

beforeAll(async () => {
  database = await createTestDatabase();
  const created = await createTenantWithOwner({ slug: "views" });
  tenantId = created.tenant.id;
  members.owner = created.owner.membership.id;
  const other = await createTenantWithOwner({ slug: "views-other" });
  otherTenantId = other.tenant.id;
  members.other = other.owner.membership.id;
  const stewardUser = await createUser({ name: "Sam Steward" });
  const asOf = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 1));
  await inTenant(async (db) => {
    members.steward = (await addMember(db, { tenantId, userId: stewardUser.user.id, role: "STEWARD" })).id;
    await createSlaPolicies(db, tenantId);
    const partnerId = (await createPartner(db, tenantId, { name: "Swift", status: "ACTIVE" })).id;
    const touchpointId = (await createTouchpoint(db, tenantId, { name: "Delivery" })).id;
    // CLVs 10,000 / 3,000 / 100 (B2C churn 0.52): risk × severity weight = 5,200 × 1, 1,560 × 3, 52 × 4.
    const clv = async (value: number) => {
      const customer = await createCustomer(db, tenantId, { segment: "B2C" });
      await db.customerValue.create({
        data: { tenantId, customerId: customer.id, asOf, model: "RETENTION", clv: value },
      });
      return customer.id;
    };
    const incident = async (severity: "LOW" | "MEDIUM" | "HIGH" | "CRITICAL", customerId: string | null) =>
      (
        await createIncident(db, tenantId, {
          partnerId,
          touchpointId,
          severity,
          status: "OPEN",
          customerId,
          customersAffected: 1,
        })
      ).id;
    ids.critical = await incident("CRITICAL", await clv(100));
    ids.high = await incident("HIGH", await clv(3_000));
    ids.low = await incident("LOW", await clv(10_000));
    ids.none = await incident("MEDIUM", await clv(0));
  });
});
afterAll(() => database.close());

describe("the inbox ordered by severity × equity at risk", () => {
  it("puts the largest risk first, SQL-side, with pagination and the risk figure", async () => {
    const page = await withTenantSql({ tenantId }, (db) => listInbox(db, tenantId, { sort: "risk" }));
    expect(page.rows.map((r) => r.id)).toEqual([ids.low, ids.high, ids.critical, ids.none]);
    expect(page.rows.map((r) => Math.round(r.equityAtRisk ?? -1))).toEqual([5200, 1560, 52, 0]);
    expect(page.total).toBe(4);
    const second = await withTenantSql({ tenantId }, (db) =>
      listInbox(db, tenantId, { sort: "risk", page: 2 }, { pageSize: 2 }),
    );
    expect(second.rows.map((r) => r.id)).toEqual([ids.critical, ids.none]);
    // The default order is still the deadline: critical (15 min to acknowledge) first.
    const due = await withTenantSql({ tenantId }, (db) => listInbox(db, tenantId, {}));
    expect(due.rows[0].id).toBe(ids.critical);
    expect(due.rows[0].equityAtRisk).toBeUndefined();
  });
});

describe("saved inbox views", () => {
  it("keeps only the inbox's own filters and order", () => {
    expect(canonicalInboxQuery("?page=3&severity=HIGH&sort=risk&evil=1&level=9")).toBe("sort=risk&severity=HIGH");
  });

  it("are per member, optionally shared; only their owner renames or deletes them; a foreign id is not found", async () => {
    const mine = await inTenant((db) =>
      createInboxView(db, tenantId, members.steward, { name: "Risky", query: "sort=risk", shared: false }),
    );
    const shared = await inTenant((db) =>
      createInboxView(db, tenantId, members.steward, { name: "Critical", query: "severity=CRITICAL", shared: true }),
    );
    await expect(
      inTenant((db) => createInboxView(db, tenantId, members.steward, { name: "risky", query: "", shared: false })),
    ).rejects.toThrow("You already have a view named");

    const stewardViews = await withTenantSql({ tenantId }, (db) => listInboxViews(db, tenantId, members.steward));
    expect(stewardViews.map((v) => [v.name, v.mine])).toEqual([
      ["Critical", true],
      ["Risky", true],
    ]);
    // The owner sees only the shared one, and cannot rename or delete it.
    const ownerViews = await withTenantSql({ tenantId }, (db) => listInboxViews(db, tenantId, members.owner));
    expect(ownerViews.map((v) => [v.name, v.mine, v.owner])).toEqual([["Critical", false, "Sam Steward"]]);
    await expect(
      inTenant((db) => renameInboxView(db, tenantId, members.owner, { viewId: shared.id, name: "Mine now" })),
    ).rejects.toMatchObject({ kind: "not-found" });
    await expect(
      inTenant((db) => deleteInboxView(db, tenantId, members.owner, { viewId: mine.id })),
    ).rejects.toMatchObject({ kind: "not-found" });
    // Another tenant cannot see or touch them, even with the id (row-level security and the tenant filter).
    await expect(
      withTenant({ tenantId: otherTenantId }, (db) =>
        deleteInboxView(db, otherTenantId, members.other, { viewId: mine.id }),
      ),
    ).rejects.toMatchObject({ kind: "not-found" });
    expect(await withTenant({ tenantId: otherTenantId }, (db) => db.inboxView.count())).toBe(0);
    // A partner user's context sees no views at all.
    expect(await withTenant({ tenantId, partnerId: "any-partner" }, (db) => db.inboxView.count())).toBe(0);

    const renamed = await inTenant((db) =>
      renameInboxView(db, tenantId, members.steward, { viewId: mine.id, name: "Biggest risk" }),
    );
    expect(renamed.name).toBe("Biggest risk");
    await inTenant((db) => deleteInboxView(db, tenantId, members.steward, { viewId: shared.id }));
    const after = await withTenantSql({ tenantId }, (db) => listInboxViews(db, tenantId, members.steward));
    expect(after.map((v) => v.name)).toEqual(["Biggest risk"]);
  });
});
