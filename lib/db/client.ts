import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

// One Prisma client per process, over a pg pool whose every connection switches to the
// steward_app role (not superuser, not owner, no BYPASSRLS), so row-level security applies.

export const APP_ROLE = "steward_app";
/**
 * A partner's context runs in this role for its transaction: steward_app's rights, and the policies written for a
 * partner alone (migration 20261206000000_customer_partner_wall), which the steward's queries are then planned without.
 */
const PARTNER_ROLE = "steward_partner";

/** The role a transaction in this context runs as. */
export const roleFor = (partnerId: string | null | undefined) => (partnerId ? PARTNER_ROLE : APP_ROLE);

type Connected = { prisma: PrismaClient; pool: pg.Pool; url: string; autovacuum?: Promise<boolean> };
const globalForDb = globalThis as unknown as { stewardDb?: Connected };

function databaseUrl(): string {
  const { DATABASE_URL, STEWARD_EMBEDDED_URL } = env();
  const url = DATABASE_URL ?? STEWARD_EMBEDDED_URL;
  if (!url)
    throw new Error(
      "No database: set DATABASE_URL to a PostgreSQL server, or start the app with `npm start` / `npm run demo`, which start the embedded database.",
    );
  return url;
}

export function connectDatabase(url = databaseUrl(), poolSize?: number): PrismaClient {
  const embedded = url === env().STEWARD_EMBEDDED_URL && !env().DATABASE_URL;
  const config: pg.PoolConfig & { onConnect: (client: pg.PoolClient) => Promise<void> } = {
    connectionString: url,
    // The embedded database serves a single session: queue requests on one connection.
    max: poolSize ?? env().DATABASE_POOL_SIZE ?? (embedded ? 1 : 10),
    idleTimeoutMillis: 30_000,
    // Awaited by pg-pool before the connection is handed out.
    onConnect: async (client) => {
      await client.query(`SET ROLE ${APP_ROLE}`);
    },
  };
  const pool = new pg.Pool(config);
  pool.on("error", (error) => log.error("database pool error", { error }));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  globalForDb.stewardDb = { prisma, pool, url };
  return prisma;
}

export function prisma(): PrismaClient {
  return globalForDb.stewardDb?.prisma ?? connectDatabase();
}

/** The pg pool under the Prisma client (every connection already in the steward_app role). */
export function databasePool(): pg.Pool {
  prisma();
  return globalForDb.stewardDb!.pool;
}

/**
 * Whether the database server runs autovacuum (a PostgreSQL server does; the embedded database,
 * one process in single-user mode, has no launcher), so code that writes many rows knows whether
 * it must refresh the planner's statistics itself. Asked once per connection pool.
 */
export function hasAutovacuum(): Promise<boolean> {
  prisma();
  const current = globalForDb.stewardDb!;
  current.autovacuum ??= current.pool
    .query<{ running: boolean }>(
      `select exists (select 1 from pg_stat_activity where backend_type = 'autovacuum launcher') as running`,
    )
    .then((r) => r.rows[0]?.running === true)
    .catch(() => false);
  return current.autovacuum;
}

export async function disconnectDatabase() {
  const current = globalForDb.stewardDb;
  globalForDb.stewardDb = undefined;
  if (current) {
    await current.prisma.$disconnect();
    await current.pool.end().catch(() => undefined);
  }
}

/**
 * Refreshes the planner's statistics (ANALYZE) as the login role, which owns the tables; the app
 * role may not. The embedded database has no autovacuum daemon: without statistics, whole-tenant
 * aggregates over CTEs got nested-loop plans (the demo tenant's value rollups took 90 s instead of
 * well under a second). Call it outside any transaction: the embedded pool has one connection.
 */
export async function analyzeTables(tables: string[] = []): Promise<void> {
  const client = await databasePool().connect();
  const analyze = tables.length ? `ANALYZE ${tables.map((t) => `"${t.replaceAll('"', '""')}"`).join(", ")}` : "ANALYZE";
  try {
    // One message, so on the embedded database (one session shared by every connection) no other connection's
    // statement runs between RESET ROLE and SET ROLE with the owner's rights.
    await client.query(`RESET ROLE; ${analyze}; SET ROLE ${APP_ROLE}`);
  } finally {
    await client.query(`SET ROLE ${APP_ROLE}`).then(
      () => client.release(),
      (error: Error) => client.release(error),
    );
  }
}
