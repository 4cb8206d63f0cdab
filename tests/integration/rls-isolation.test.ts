import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import { prisma } from "@/lib/db/client";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  for (const [id, slug] of [
    ["tenant-a", "alpha"],
    ["tenant-b", "beta"],
  ]) {
    await withTenant({ tenantId: id }, async (db) => {
      await db.tenant.create({ data: { id, slug, name: slug } });
      await db.partner.create({
        data: { id: `${id}-p1`, tenantId: id, name: "Swift Couriers", type: "DELIVERY", region: "North" },
      });
      await db.partner.create({
        data: { id: `${id}-p2`, tenantId: id, name: "Fix-It Installers", type: "INSTALLER", region: "South" },
      });
    });
  }
});
afterAll(() => database.close());

describe("row-level security", () => {
  it("returns only the tenant in context, even without a where clause", async () => {
    const partners = await withTenant({ tenantId: "tenant-a" }, (db) => db.partner.findMany());
    expect(partners.map((p) => p.tenantId)).toEqual(["tenant-a", "tenant-a"]);
    const tenants = await withTenant({ tenantId: "tenant-b" }, (db) => db.tenant.findMany());
    expect(tenants.map((t) => t.id)).toEqual(["tenant-b"]);
  });

  it("returns nothing outside a tenant context", async () => {
    expect(await prisma().partner.findMany()).toEqual([]);
    expect(await prisma().partner.count()).toBe(0);
  });

  it("refuses to write a row into another tenant", async () => {
    await expect(
      withTenant({ tenantId: "tenant-a" }, (db) =>
        db.partner.create({ data: { tenantId: "tenant-b", name: "Intruder", type: "DELIVERY", region: "X" } }),
      ),
    ).rejects.toThrow(/row-level security/);
    const names = await withTenant({ tenantId: "tenant-b" }, (db) => db.partner.findMany({ select: { name: true } }));
    expect(names.map((n) => n.name).sort()).toEqual(["Fix-It Installers", "Swift Couriers"]);
  });

  it("cannot update or delete another tenant's rows", async () => {
    const updated = await withTenant({ tenantId: "tenant-a" }, (db) =>
      db.partner.updateMany({ where: { id: "tenant-b-p1" }, data: { name: "Hijacked" } }),
    );
    expect(updated.count).toBe(0);
    const deleted = await withTenant({ tenantId: "tenant-a" }, (db) =>
      db.partner.deleteMany({ where: { tenantId: "tenant-b" } }),
    );
    expect(deleted.count).toBe(0);
  });

  it("shows a partner user only its own partner", async () => {
    const seen = await withTenant({ tenantId: "tenant-a", partnerId: "tenant-a-p1" }, (db) => db.partner.findMany());
    expect(seen.map((p) => p.id)).toEqual(["tenant-a-p1"]);
  });

  it("runs as a role that is neither superuser, BYPASSRLS nor table owner, with RLS forced on every tenant table", async () => {
    const [role] = await prisma().$queryRaw<{ rolname: string; rolsuper: boolean; rolbypassrls: boolean }[]>`
      select rolname, rolsuper, rolbypassrls from pg_roles where rolname = current_user`;
    expect(role).toEqual({ rolname: "steward_app", rolsuper: false, rolbypassrls: false });
    const tables = await prisma().$queryRaw<{ relname: string; rls: boolean; forced: boolean; owner: string }[]>`
      select c.relname, c.relrowsecurity as rls, c.relforcerowsecurity as forced, pg_get_userbyid(c.relowner) as owner
      from pg_class c join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenantId'
      where c.relkind = 'r' and c.relnamespace = current_schema()::regnamespace`;
    expect(tables.length).toBeGreaterThanOrEqual(28);
    for (const t of tables) {
      expect({ table: t.relname, rls: t.rls, forced: t.forced }).toEqual({ table: t.relname, rls: true, forced: true });
      expect(t.owner).not.toBe("steward_app");
    }
  });
});
