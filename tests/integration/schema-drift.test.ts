import { describe, expect, it } from "vitest";
import { PGlite } from "@electric-sql/pglite";
import { migrate, readMigrations } from "@/lib/db/migrator";
import { pgliteConnection } from "@/lib/db/pglite-connection";
import { SQL_ONLY_INDEXES, shapeFromDatabase } from "@/lib/db/schema-shape";
import { expectedShape } from "@/lib/db/expected-shape";

describe("migrations and schema.prisma", () => {
  it("build exactly the data model the Prisma schema describes", async () => {
    const db = await PGlite.create();
    const connection = pgliteConnection(db);
    await migrate(connection);
    const differences = (await import("@/lib/db/schema-shape")).diffShapes(
      expectedShape(),
      await shapeFromDatabase(connection),
    );
    await db.close();
    // Each line names a table/column/index that differs: write a migration (npm run db:diff drafts it).
    expect(differences).toEqual([]);
  });

  it("has the SQL-only partial indexes it leaves out of that comparison", async () => {
    const db = await PGlite.create();
    const connection = pgliteConnection(db);
    await migrate(connection);
    const { rows } = await connection.query<{ name: string }>(
      `select i.relname as name from pg_index ix join pg_class i on i.oid = ix.indexrelid where ix.indpred is not null order by 1`,
    );
    await db.close();
    expect(rows.map((r) => r.name)).toEqual([...SQL_ONLY_INDEXES].sort());
  });

  it("has every tenant table keyed by tenantId first, with tenantId in each foreign key to a tenant table", () => {
    const shape = expectedShape();
    const tenantTables = Object.entries(shape.tables).filter(([, t]) => "tenantId" in t.columns);
    expect(tenantTables.length).toBeGreaterThanOrEqual(28);
    for (const [name, table] of tenantTables) {
      expect({ name, first: table.primaryKey[0] }).toEqual({ name, first: "tenantId" });
      for (const fk of table.foreignKeys.filter((f) => f.refTable !== "Tenant" && f.refTable !== "User"))
        expect({ name, fk: fk.columns[0] }).toEqual({ name, fk: "tenantId" });
    }
  });

  it("records migrations as Prisma does and applies each once", async () => {
    const db = await PGlite.create();
    const connection = pgliteConnection(db);
    const first = await migrate(connection);
    const second = await migrate(connection);
    expect(first).toEqual(readMigrations().map((m) => m.name));
    expect(second).toEqual([]);
    const { rows } = await connection.query<{ migration_name: string; checksum: string; applied_steps_count: number }>(
      `select migration_name, checksum, applied_steps_count from "_prisma_migrations" order by migration_name`,
    );
    expect(rows).toEqual(
      readMigrations().map((m) => ({ migration_name: m.name, checksum: m.checksum, applied_steps_count: 1 })),
    );
    await db.close();
  });

  it("refuses a migration edited after it was applied", async () => {
    const db = await PGlite.create();
    const connection = pgliteConnection(db);
    const migrations = readMigrations();
    await migrate(connection, migrations);
    const edited = migrations.map((m, i) => (i === 0 ? { ...m, checksum: "0".repeat(64) } : m));
    await expect(migrate(connection, edited)).rejects.toThrow(/edited after it was applied/);
    await db.close();
  });
});
