import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";
import { analyzeTables, APP_ROLE, prisma } from "@/lib/db/client";
import { withTenant } from "@/lib/db/scope";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await withTenant({ tenantId: "tenant-m" }, async (db) => {
    await db.tenant.create({ data: { id: "tenant-m", slug: "maint", name: "Maintenance" } });
    await db.partner.createMany({
      data: Array.from({ length: 50 }, (_, i) => ({
        tenantId: "tenant-m",
        name: `Partner ${i}`,
        type: "DELIVERY" as const,
        region: "North",
      })),
    });
  });
});
afterAll(() => database.close());

const partnerRowEstimate = async () => {
  const [row] = await prisma().$queryRaw<
    { reltuples: number }[]
  >`select reltuples::float8 as reltuples from pg_class where relname = 'Partner'`;
  return row.reltuples;
};

describe("analyzeTables (the embedded database has no autovacuum)", () => {
  it("refreshes the planner's row estimates, then hands the connection back as the app role", async () => {
    await analyzeTables(["Partner"]);
    expect(await partnerRowEstimate()).toBe(50);
    const [role] = await prisma().$queryRaw<{ role: string }[]>`select current_user as role`;
    expect(role.role).toBe(APP_ROLE);
    // row-level security still applies on the same pooled connection
    expect(await prisma().partner.count()).toBe(0);
  });

  it("analyzes every table when none is named", async () => {
    await withTenant({ tenantId: "tenant-m" }, (db) =>
      db.partner.createMany({
        data: Array.from({ length: 25 }, (_, i) => ({
          tenantId: "tenant-m",
          name: `More ${i}`,
          type: "INSTALLER" as const,
          region: "South",
        })),
      }),
    );
    await analyzeTables();
    expect(await partnerRowEstimate()).toBe(75);
  });
});
