import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { Prisma } from "@/generated/prisma/client";
import { withTenant } from "@/lib/db/scope";
import { withTenantSql, withTenantSqlWrite } from "@/lib/db/sql-scope";
import { float8ArrayParameter, textArrayParameter } from "@/lib/db/array-parameter";
import { databasePool } from "@/lib/db/client";
import {
  createIncident,
  createPartner,
  createSlaPolicies,
  createTenantWithOwner,
  createTouchpoint,
} from "@/lib/seed/factories";
import { countBreaching, listInbox } from "@/lib/incidents/inbox";
import { loadStewardInbox } from "@/lib/incidents/inbox-page";

// withTenantSql serves the hot reads straight from the pg pool: it must give exactly what a
// Prisma tenant transaction gives (same rows, same types) behind the same row-level security.

let database: TestDatabase;
let tenantId = "";
let otherTenantId = "";
let swift = "";
let acme = "";

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await createTenantWithOwner({ slug: "sql-scope" })).tenant.id;
  otherTenantId = (await createTenantWithOwner({ slug: "sql-scope-other" })).tenant.id;
  await withTenant({ tenantId }, async (db) => {
    await createSlaPolicies(db, tenantId);
    swift = (await createPartner(db, tenantId, { name: "Swift", status: "ACTIVE" })).id;
    acme = (await createPartner(db, tenantId, { name: "Acme Install", status: "ACTIVE" })).id;
    const touchpointId = (await createTouchpoint(db, tenantId, { name: "Delivery" })).id;
    for (const [i, partnerId] of [swift, acme, swift].entries())
      await createIncident(db, tenantId, {
        partnerId,
        touchpointId,
        title: `Incident ${i}`,
        severity: "HIGH",
        status: i === 2 ? "WAITING" : "OPEN",
      });
  });
  await withTenant({ tenantId: otherTenantId }, async (db) => {
    await createSlaPolicies(db, otherTenantId);
    const partnerId = (await createPartner(db, otherTenantId, { name: "Other Co", status: "ACTIVE" })).id;
    const touchpointId = (await createTouchpoint(db, otherTenantId, { name: "Store" })).id;
    await createIncident(db, otherTenantId, { partnerId, touchpointId, title: "Other tenant's incident" });
  });
});
afterAll(() => database.close());

const countAll = (table: string) => Prisma.raw(`select count(*) as n from "${table}"`);

describe("withTenantSql", () => {
  it("sees only the tenant in context, even without a where clause", async () => {
    const [partners] = await withTenantSql({ tenantId }, (db) => db.$queryRaw<{ n: bigint }[]>(countAll("Partner")));
    const [others] = await withTenantSql({ tenantId: otherTenantId }, (db) =>
      db.$queryRaw<{ n: bigint }[]>(countAll("Partner")),
    );
    expect(partners.n).toBe(2n);
    expect(others.n).toBe(1n);
  });

  it("limits a partner's scope to that partner's incidents", async () => {
    const titles = await withTenantSql(
      { tenantId, partnerId: acme },
      (db) => db.$queryRaw<{ title: string }[]>`select "title" from "Incident" order by "title"`,
    );
    expect(titles).toEqual([{ title: "Incident 1" }]);
  });

  it("returns the same inbox as a Prisma tenant transaction: rows, dates (UTC) and counts, in any server time zone", async () => {
    const zone = process.env.TZ;
    process.env.TZ = "America/New_York";
    try {
      const viaPrisma = await withTenant({ tenantId }, (db) => loadStewardInbox(db, tenantId, {}));
      const viaSql = await withTenantSql({ tenantId }, (db) => loadStewardInbox(db, tenantId, {}));
      expect(viaSql).toEqual(viaPrisma);
      // A date parameter compared with a "timestamp" column: the clocks are 4 h (HIGH) from now.
      const inFiveHours = new Date(Date.now() + 5 * 3600_000);
      const breaching = (db: Parameters<typeof countBreaching>[0]) => countBreaching(db, tenantId, inFiveHours, 0);
      expect(await withTenantSql({ tenantId }, breaching)).toBe(await withTenant({ tenantId }, breaching));
    } finally {
      process.env.TZ = zone;
    }
    const viaSql = await withTenantSql({ tenantId }, (db) => loadStewardInbox(db, tenantId, {}));
    expect(viaSql.inbox.total).toBe(3);
    expect(viaSql.inbox.rows[0].openedAt).toBeInstanceOf(Date);
    expect(viaSql.partners.map((p) => p.name)).toEqual(["Acme Install", "Swift"]);
    const forSwift = await withTenantSql({ tenantId, partnerId: swift }, (db) =>
      listInbox(db, tenantId, {}, { partnerId: swift }),
    );
    expect(forSwift.rows.map((r) => r.title).sort()).toEqual(["Incident 0", "Incident 2"]);
  });

  it("is read-only: a write fails, changes nothing, and the connection serves the next request", async () => {
    await expect(
      withTenantSql(
        { tenantId },
        (db) => db.$queryRaw`update "Partner" set "name" = 'Renamed' where "tenantId" = ${tenantId}`,
      ),
    ).rejects.toThrow(/read-only transaction/);
    const names = await withTenantSql(
      { tenantId },
      (db) => db.$queryRaw<{ name: string }[]>`select "name" from "Partner" order by "name"`,
    );
    expect(names.map((n) => n.name)).toEqual(["Acme Install", "Swift"]);
  });

  it("leaves no tenant settings on the pooled connection", async () => {
    await withTenantSql({ tenantId, partnerId: swift }, (db) => db.$queryRaw`select 1`);
    const client = await databasePool().connect();
    try {
      const { rows } = await client.query(
        `select current_setting('app.tenant_id', true) as tenant, current_setting('app.partner_id', true) as partner`,
      );
      expect(rows[0]).toEqual({
        tenant: expect.toSatisfy((v: string | null) => !v),
        partner: expect.toSatisfy((v: string | null) => !v),
      });
    } finally {
      client.release();
    }
  });
});

describe("withTenantSqlWrite", () => {
  const audit = (tenant: string, id: string) => Prisma.sql`
    insert into "AuditLog" ("tenantId", id, "actorLabel", action, "entityType") values (${tenant}, ${id}, 'test', 'sql.write', 'Test')`;

  it("writes in the tenant in context and nowhere else (row-level security), and commits", async () => {
    const written = await withTenantSqlWrite(tenantId, (db) => db.$executeRaw(audit(tenantId, "sql-write-1")), 10_000);
    expect(written).toBe(1);
    await expect(
      withTenantSqlWrite(tenantId, (db) => db.$executeRaw(audit(otherTenantId, "sql-write-2")), 10_000),
    ).rejects.toThrow(/row-level security/);
    const ids = await withTenant({ tenantId }, (db) =>
      db.auditLog.findMany({ where: { tenantId, action: "sql.write" }, select: { id: true } }),
    );
    expect(ids).toEqual([{ id: "sql-write-1" }]);
  });

  it("rolls back every statement when one fails", async () => {
    await expect(
      withTenantSqlWrite(
        tenantId,
        async (db) => {
          await db.$executeRaw(audit(tenantId, "sql-write-3"));
          await db.$executeRaw`select 1 / 0`;
        },
        10_000,
      ),
    ).rejects.toThrow(/division by zero/);
    const kept = await withTenant({ tenantId }, (db) => db.auditLog.count({ where: { tenantId, id: "sql-write-3" } }));
    expect(kept).toBe(0);
  });

  it("sends binary array parameters that read back exactly: every double, NULL for a non-finite one, any text", async () => {
    const numbers = new Float64Array([
      1.5,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      -0.1,
      1e-300,
      0.1 + 0.2,
      123456789.12,
    ]);
    const texts = ['say "hi"', "back\\slash", "plain", "", "comma, {brace}", "NULL", "zürich ✓"];
    const [row] = await withTenantSqlWrite(
      tenantId,
      async (db) => {
        const statement = db.$queryRaw<{ numbers: (number | null)[]; texts: string[] }[]>`
          select ${float8ArrayParameter(numbers)}::float8[] as numbers, ${textArrayParameter(texts)}::text[] as texts`;
        await db.sent();
        return statement;
      },
      10_000,
    );
    expect(row.numbers).toEqual([1.5, null, null, -0.1, 1e-300, 0.1 + 0.2, 123456789.12]);
    expect(row.texts).toEqual(texts);
  });
});
