import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { type MigrationConnection, migrate, readMigrations } from "@/lib/db/migrator";
import { pgliteConnection } from "@/lib/db/pglite-connection";
import { withDatabaseName } from "../../setup/database-names";

// Deploying the touchpoint-assignment history onto a database that already has assignments must copy every one of
// them into the history, migrating as the schema's owner role — on PostgreSQL that role is not a superuser and
// "TouchpointPartner" forces row-level security, so a plain read with no tenant in context sees nothing.

const HISTORY = "20261204203000_touchpoint_assignment_history";

async function openDatabase(): Promise<{ connection: MigrationConnection; close(): Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const db = await PGlite.create();
    return { connection: pgliteConnection(db), close: () => db.close() };
  }
  const name = `steward_backfill_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const client = new pg.Client({ connectionString: withDatabaseName(serverUrl, name) });
  await client.connect();
  return {
    connection: {
      query: async <T>(sql: string, params?: unknown[]) =>
        (await client.query(sql, params as unknown[])) as unknown as { rows: T[] },
      exec: (sql: string) => client.query(sql),
    },
    async close() {
      await client.end();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** Two tenants, each with partners assigned to touchpoints, written as the owner role with each tenant in context. */
async function seedAssignments(db: MigrationConnection) {
  const assigned: { tenantId: string; touchpointId: string; partnerId: string; at: string }[] = [];
  for (const tenant of ["t-north", "t-south"]) {
    await db.exec("BEGIN");
    await db.query(`select set_config('app.tenant_id', $1, true)`, [tenant]);
    await db.query(`insert into "Tenant" (id, slug, name) values ($1, $1, $1)`, [tenant]);
    for (const p of [1, 2, 3])
      await db.query(
        `insert into "Partner" ("tenantId", id, name, type, region, "updatedAt") values ($1, $2, $2, 'DELIVERY', 'North', now())`,
        [tenant, `${tenant}-p${p}`],
      );
    for (const t of [1, 2]) {
      await db.query(
        `insert into "Touchpoint" ("tenantId", id, name, stage, channel) values ($1, $2, $2, 'Delivery', 'ONLINE')`,
        [tenant, `${tenant}-tp${t}`],
      );
      for (const p of [1, 2, 3]) {
        const row = { tenantId: tenant, touchpointId: `${tenant}-tp${t}`, partnerId: `${tenant}-p${p}` };
        const at = `2026-0${t}-1${p} 09:00:00`;
        await db.query(
          `insert into "TouchpointPartner" ("tenantId", "touchpointId", "partnerId", "assignedAt") values ($1, $2, $3, $4)`,
          [row.tenantId, row.touchpointId, row.partnerId, at],
        );
        assigned.push({ ...row, at });
      }
    }
    await db.exec("COMMIT");
  }
  return assigned;
}

describe("touchpoint assignment history backfill", () => {
  it("copies every existing assignment, from its assignedAt, when migrating as the owner role", async () => {
    const migrations = readMigrations();
    const cut = migrations.findIndex((m) => m.name === HISTORY);
    expect(cut).toBeGreaterThan(0);
    const { connection: db, close } = await openDatabase();
    try {
      await migrate(db, migrations.slice(0, cut));
      const assigned = await seedAssignments(db);
      const applied = await migrate(db, migrations);
      expect(applied[0]).toBe(HISTORY);

      // Read back per tenant, under row-level security (PGlite's superuser bypasses it, hence the explicit filter).
      const events: typeof assigned = [];
      for (const tenant of ["t-north", "t-south"]) {
        await db.exec("BEGIN");
        await db.query(`select set_config('app.tenant_id', $1, true)`, [tenant]);
        const { rows } = await db.query<{ tenantId: string; touchpointId: string; partnerId: string; at: string }>(
          `select "tenantId", "touchpointId", "partnerId", to_char("at", 'YYYY-MM-DD HH24:MI:SS') as at
           from "TouchpointAssignmentEvent" where assigned and "tenantId" = $1 order by "touchpointId", "partnerId"`,
          [tenant],
        );
        await db.exec("COMMIT");
        events.push(...rows);
      }
      expect(events).toHaveLength(12);
      expect(events).toEqual(assigned);
      // The backfill's temporary read policy is gone again.
      const { rows: policies } = await db.query<{ policyname: string }>(
        `select policyname from pg_policies where tablename = 'TouchpointPartner' order by 1`,
      );
      expect(policies.map((p) => p.policyname)).not.toContain("assignment_backfill");
    } finally {
      await close();
    }
  });
});
