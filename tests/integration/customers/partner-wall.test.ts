import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import { withTenantSql } from "@/lib/db/sql-scope";
import { databasePool } from "@/lib/db/client";
import { createCustomer } from "@/lib/seed/factories";
import { customerIdOfRef, knownCustomerIds } from "@/lib/customers/known";
import { apiFixture, call, interaction, type ApiFixture } from "../api/helpers";
import { POST as createTransaction } from "@/app/api/v1/transactions/route";
import { POST as createInteraction } from "@/app/api/v1/interactions/route";
import { POST as openIncident } from "@/app/api/v1/incidents/route";
import { PUT as upsertCustomer } from "@/app/api/v1/customers/[externalRef]/route";

// The Customer table's partner wall (migration 20261206000000_customer_partner_wall): a partner's context sees the
// customers it acquired or has a part in, and may still name any customer of its workspace by id or reference.

let database: TestDatabase;
let f: ApiFixture;
let other: ApiFixture;
let brand: Record<"untouched" | "bought" | "handled" | "reported" | "answered", string>;

const asPartnerA = <T>(work: Parameters<typeof withTenant<T>>[1]) =>
  withTenant({ tenantId: f.tenantId, partnerId: f.partnerA.id }, work);
const visibleToPartnerA = () =>
  asPartnerA(async (db) => (await db.customer.findMany({ select: { id: true } })).map((c) => c.id).sort());

beforeAll(async () => {
  database = await createTestDatabase();
  f = await apiFixture("acme");
  other = await apiFixture("globex");
  // Customers the brand acquired itself (no acquiring partner), as most of a steward's customers are.
  brand = await withTenant({ tenantId: f.tenantId }, async (db) => {
    const make = async (ref: string) =>
      (await createCustomer(db, f.tenantId, { externalRef: ref, email: `${ref}@example.test` })).id;
    return {
      untouched: await make("brand-untouched"),
      bought: await make("brand-bought"),
      handled: await make("brand-handled"),
      reported: await make("brand-reported"),
      answered: await make("brand-answered"),
    };
  });
}, 60_000);
afterAll(() => database.close());

describe("the Customer table's partner wall", () => {
  it("shows a partner only the customers it acquired until it has a part in another's experience", async () => {
    expect(await visibleToPartnerA()).toEqual([f.customerA.id]);
    const everyone = await withTenant({ tenantId: f.tenantId }, (db) => db.customer.count());
    expect(everyone).toBe(7);
    // The wall holds for a query that names no partner and no tenant at all.
    const [raw] = await asPartnerA((db) => db.$queryRaw<{ n: number }[]>`select count(*)::int as n from "Customer"`);
    expect(raw.n).toBe(1);
  });

  it("runs a partner's context in its own role, so the steward's queries are planned without the partner's test", async () => {
    const plan = async (scope: { tenantId: string; partnerId?: string }) =>
      withTenant(scope, async (db) => {
        const [{ role }] = await db.$queryRaw<{ role: string }[]>`select current_user::text as role`;
        const lines = await db.$queryRaw<{ "QUERY PLAN": string }[]>`explain select count(*) from "Customer"`;
        return { role, testsPartner: lines.some((l) => l["QUERY PLAN"].includes("partner_has_part_in_customer")) };
      });
    expect(await plan({ tenantId: f.tenantId })).toEqual({ role: "steward_app", testsPartner: false });
    expect(await plan({ tenantId: f.tenantId, partnerId: f.partnerA.id })).toEqual({
      role: "steward_partner",
      testsPartner: true,
    });
    // The hot read path's raw connection switches too, and the role ends with its transaction.
    const hot = await withTenantSql(
      { tenantId: f.tenantId, partnerId: f.partnerA.id },
      (db) => db.$queryRaw<{ id: string }[]>`select id from "Customer"`,
    );
    expect(hot.map((c) => c.id)).toEqual([f.customerA.id]);
    // The role ends with its transaction: after partner transactions on every connection of the pool, a query in no
    // transaction at all (no context sets a role for it) runs as steward_app on each.
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        i % 2
          ? asPartnerA((db) => db.$queryRaw`select 1 from pg_sleep(0.05)`)
          : withTenantSql(
              { tenantId: f.tenantId, partnerId: f.partnerA.id },
              (db) => db.$queryRaw`select 1 from pg_sleep(0.05)`,
            ),
      ),
    );
    const bare = await Promise.all(
      Array.from({ length: 12 }, async () => {
        const { rows } = await databasePool().query<{ role: string }>(
          "select current_user::text as role, pg_sleep(0.05)",
        );
        return rows[0].role;
      }),
    );
    expect(new Set(bare)).toEqual(new Set(["steward_app"]));
  });

  it("lets a partner key name a customer it has not served yet, and then shows it that customer", async () => {
    const sale = await call(createTransaction, "POST", "/transactions", {
      key: f.partnerKey,
      body: {
        customerId: brand.bought,
        occurredAt: "2026-03-02T09:00:00Z",
        revenue: 120,
        margin: 30,
        servingPartnerId: f.partnerA.id,
      },
    });
    expect(sale.status).toBe(201);
    const moment = await call(createInteraction, "POST", "/interactions", {
      key: f.partnerKey,
      body: interaction(f, { customerId: brand.handled }),
    });
    expect(moment.status).toBe(201);
    const incident = await call(openIncident, "POST", "/incidents", {
      key: f.partnerKey,
      body: {
        partnerId: f.partnerA.id,
        touchpointId: f.touchpointA.id,
        customerRef: "brand-reported",
        severity: "HIGH",
        category: "Late delivery",
        title: "Parcel two days late",
        description: "The customer waited at home two days for a missed delivery slot.",
      },
    });
    expect(incident.status).toBe(201);
    expect(incident.body.customerId).toBe(brand.reported);
    await withTenant({ tenantId: f.tenantId }, (db) =>
      db.customerFeedback.create({
        data: {
          tenantId: f.tenantId,
          partnerId: f.partnerA.id,
          touchpointId: f.touchpointA.id,
          customerId: brand.answered,
          source: "api",
          answeredAt: new Date(),
          csat: 4,
        },
      }),
    );
    expect(await visibleToPartnerA()).toEqual(
      [f.customerA.id, brand.bought, brand.handled, brand.reported, brand.answered].sort(),
    );
    // Partner B had no part in any of them.
    const seenByB = await withTenant({ tenantId: f.tenantId, partnerId: f.partnerB.id }, (db) =>
      db.customer.findMany({ select: { id: true } }),
    );
    expect(seenByB.map((c) => c.id)).toEqual([f.customerB.id]);
  });

  it("answers which ids and references exist in the workspace in context, and nothing more", async () => {
    const ids = [brand.untouched, f.customerB.id, other.customerA.id, "no-such-customer"];
    const known = await asPartnerA((db) => knownCustomerIds(db, f.tenantId, ids));
    expect([...known].sort()).toEqual([brand.untouched, f.customerB.id].sort());
    expect(await asPartnerA((db) => customerIdOfRef(db, f.tenantId, "brand-untouched"))).toBe(brand.untouched);
    expect(await asPartnerA((db) => customerIdOfRef(db, f.tenantId, "nope"))).toBeNull();
    // Another workspace's reference is not this workspace's.
    expect(
      await withTenant({ tenantId: other.tenantId }, (db) => customerIdOfRef(db, other.tenantId, "brand-untouched")),
    ).toBeNull();
    // Nor does naming another workspace than the one in context answer anything.
    expect(await asPartnerA((db) => knownCustomerIds(db, other.tenantId, [other.customerA.id]))).toEqual(new Set());
    expect(await asPartnerA((db) => customerIdOfRef(db, other.tenantId, "cust-a"))).toBeNull();
    // The reader returns the id alone: the customer's row stays hidden.
    expect(await asPartnerA((db) => db.customer.findFirst({ where: { id: brand.untouched } }))).toBeNull();
  });

  it("lets a partner write only the customers it acquired, and delete none", async () => {
    const renamed = await asPartnerA((db) =>
      db.customer.updateMany({ where: { id: { in: [brand.bought, f.customerB.id] } }, data: { name: "Taken over" } }),
    );
    expect(renamed.count).toBe(0);
    await expect(
      asPartnerA((db) =>
        db.customer.create({
          data: { tenantId: f.tenantId, segment: "B2C", acquiredAt: new Date(), acquiringPartnerId: f.partnerB.id },
        }),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      asPartnerA((db) =>
        db.customer.update({
          where: { tenantId_id: { tenantId: f.tenantId, id: f.customerA.id } },
          data: { acquiringPartnerId: null },
        }),
      ),
    ).rejects.toThrow(/row-level security/);
    const deleted = await asPartnerA((db) => db.customer.deleteMany({ where: { id: f.customerA.id } }));
    expect(deleted.count).toBe(0);
    const names = await withTenant({ tenantId: f.tenantId }, (db) =>
      db.customer.findMany({
        where: { id: { in: [brand.bought, f.customerA.id] } },
        select: { name: true, acquiringPartnerId: true },
      }),
    );
    expect(names.every((c) => c.name !== "Taken over")).toBe(true);
    expect(names.filter((c) => c.acquiringPartnerId === f.partnerA.id)).toHaveLength(1);
  });

  it("answers a partner key's upsert of a customer it cannot see with 404 and changes nothing", async () => {
    const body = { name: "Mallory", email: "mallory@example.test", segment: "B2C", acquiredAt: "2026-01-05T00:00:00Z" };
    const hidden = await call(upsertCustomer, "PUT", "/customers/brand-untouched", {
      key: f.partnerKey,
      body,
      params: { externalRef: "brand-untouched" },
    });
    expect(hidden.status).toBe(404);
    expect(hidden.body.detail).toBe("Customer was not found.");
    const served = await call(upsertCustomer, "PUT", "/customers/brand-bought", {
      key: f.partnerKey,
      body,
      params: { externalRef: "brand-bought" },
    });
    expect(served.status).toBe(404);
    const rows = await withTenant({ tenantId: f.tenantId }, (db) =>
      db.customer.findMany({
        where: { id: { in: [brand.untouched, brand.bought] } },
        select: { name: true, email: true, acquiringPartnerId: true },
      }),
    );
    for (const row of rows) {
      expect(row.name).not.toBe("Mallory");
      expect(row.acquiringPartnerId).toBeNull();
    }
  });
});
