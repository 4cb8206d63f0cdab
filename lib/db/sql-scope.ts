import pg from "pg";
import { Prisma } from "@/generated/prisma/client";
import { databasePool, roleFor } from "./client";
import type { TenantScope } from "./scope";

// The hot read paths (the escalation inbox and the navigation counts) run their SQL straight on
// the pg pool under Prisma, in a read-only transaction with the same tenant settings withTenant
// sets, so row-level security applies exactly as it does there. A Prisma interactive transaction
// costs about 3 ms of engine overhead and queues under concurrency (p95 79 ms for an empty one at
// 20 concurrent, against 30 ms on the pool: prisma/orm#25811). See docs/decisions/008.

/** Anything that runs a Prisma.Sql query: a Prisma transaction (Db) or a SqlDb. */
export type QueryDb = {
  $queryRaw<T = unknown>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): PromiseLike<T>;
};

/** A read-only, tenant-scoped connection that answers $queryRaw as Prisma does (bigint counts, UTC dates). */
export type SqlDb = {
  $queryRaw<T = unknown>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Promise<T>;
};

/** The same in a read-write transaction; $executeRaw answers the number of rows changed, as Prisma's does. */
export type SqlWriteDb = SqlDb & {
  $executeRaw(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Promise<number>;
  /**
   * Resolves once every statement sent so far has left for the server. A large statement (the recompute's insert
   * carries about 10 MB of arrays) goes out in pieces as the event loop turns: CPU work started before this would hold
   * the rest of it back, and the server would wait for it.
   */
  sent(): Promise<void>;
};

const timestampTz = pg.types.getTypeParser(pg.types.builtins.TIMESTAMPTZ, "text");
// Prisma keeps timestamps as UTC wall time in "timestamp without time zone" columns.
const parsers: Partial<Record<number, (value: string) => unknown>> = {
  [pg.types.builtins.INT8]: (value) => BigInt(value),
  [pg.types.builtins.TIMESTAMP]: (value) => timestampTz(`${value}+00`),
};
const types = {
  getTypeParser: (oid: number, format?: "text" | "binary") =>
    parsers[oid] ?? pg.types.getTypeParser(oid, format ?? "text"),
} as pg.CustomTypesConfig;

/** Parameters as Prisma sends them: dates as UTC wall time (a zone is ignored by "timestamp" casts). */
function parameter(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  return value;
}

export async function withTenantSql<T>(scope: TenantScope, work: (db: SqlDb) => Promise<T>): Promise<T> {
  if (!scope.tenantId) throw new Error("withTenantSql needs a tenantId");
  return inSqlTransaction(
    "BEGIN READ ONLY",
    { tenantId: scope.tenantId, partnerId: scope.partnerId ?? "", userId: scope.userId ?? "" },
    work,
  );
}

/**
 * A read-write transaction on the pool in which row-level security shows exactly the API key whose
 * hash is given (as authenticateApiKey's Prisma transaction did); `work` may then name the key's
 * tenant with set_config. Only for the per-request key lookup and rate-limit count of the API
 * (lib/api/admission.ts): small, unaudited bookkeeping on every request (docs/decisions/010).
 */
export async function withApiKeySql<T>(apiKeyHash: string, work: (db: SqlDb) => Promise<T>): Promise<T> {
  return inSqlTransaction("BEGIN", { apiKeyHash }, work);
}

/**
 * A read-write tenant transaction on the pool, for the recompute's write of every snapshot: a statement sent here is on
 * the wire as soon as it is called (no engine in between), so the CPU work that follows runs while the database
 * executes it (lib/value/recompute.ts). Row-level security as in withTenant.
 */
export async function withTenantSqlWrite<T>(
  tenantId: string,
  work: (db: SqlWriteDb) => Promise<T>,
  timeoutMs: number,
): Promise<T> {
  if (!tenantId) throw new Error("withTenantSqlWrite needs a tenantId");
  return inSqlTransaction("BEGIN", { tenantId, partnerId: "", userId: "" }, work, timeoutMs);
}

type SqlContext = { tenantId?: string; partnerId?: string; userId?: string; apiKeyHash?: string };

/**
 * One pooled connection in one transaction with the context's settings (the rest empty), then COMMIT, or ROLLBACK on
 * any failure; a connection whose ROLLBACK failed is discarded rather than returned to the pool.
 */
async function inTransaction<T>(
  begin: string,
  context: SqlContext,
  timeoutMs: number,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await databasePool().connect();
  let broken: Error | undefined;
  try {
    const literal = (value: string | null | undefined) => client.escapeLiteral(value ?? "");
    // One round trip: the simple protocol allows several statements when there are no parameters.
    await client.query(
      `${begin}; SET LOCAL statement_timeout = ${Math.round(timeoutMs)}; SELECT
         set_config('role', ${literal(roleFor(context.partnerId))}, true),
         set_config('app.tenant_id', ${literal(context.tenantId)}, true),
         set_config('app.partner_id', ${literal(context.partnerId)}, true),
         set_config('app.user_id', ${literal(context.userId)}, true),
         set_config('app.invite_token_hash', '', true),
         set_config('app.api_key_hash', ${literal(context.apiKeyHash)}, true)`,
    );
    const value = await work(client);
    await client.query("COMMIT");
    return value;
  } catch (error) {
    await client.query("ROLLBACK").catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    client.release(broken);
  }
}

function inSqlTransaction<T>(
  begin: string,
  context: SqlContext,
  work: (db: SqlWriteDb) => Promise<T>,
  timeoutMs = 30_000,
): Promise<T> {
  return inTransaction(begin, context, timeoutMs, (client) => {
    const run = (query: TemplateStringsArray | Prisma.Sql, values: unknown[]) => {
      const sql = query instanceof Prisma.Sql ? query : Prisma.sql(query, ...values);
      return client.query({ text: sql.text, values: sql.values.map(parameter), types });
    };
    return work({
      async $queryRaw<R>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) {
        return (await run(query, values)).rows as R;
      },
      async $executeRaw(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) {
        return (await run(query, values)).rowCount ?? 0;
      },
      async sent() {
        // pg's connection socket (not in its types): its bytes still queued in the process.
        const socket = (client as unknown as { connection: { stream: { writableLength: number } } }).connection.stream;
        while (socket.writableLength > 0) await new Promise((resolve) => setImmediate(resolve));
      },
    });
  });
}

/** Streams a query's rows, in array form, to `onRow`; none are kept. Returns how many there were. */
export type BulkRead = { stream(query: Prisma.Sql, onRow: (row: unknown[]) => void): Promise<number> };

/**
 * A long read-only tenant transaction for bulk reads (the recompute's history: two million rows):
 * REPEATABLE READ, so several statements see one snapshot; the same tenant settings and row-level
 * security as withTenantSql; rows streamed as they arrive rather than kept as objects.
 */
export async function withTenantBulkRead<T>(
  tenantId: string,
  work: (read: BulkRead) => Promise<T>,
  timeoutMs = 300_000,
): Promise<T> {
  if (!tenantId) throw new Error("withTenantBulkRead needs a tenantId");
  const begin = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";
  return inTransaction(begin, { tenantId }, timeoutMs, (client) =>
    work({
      stream: (sql, onRow) =>
        new Promise<number>((resolve, reject) => {
          // Rows as arrays: no object per row (rowMode is missing from QueryConfig's type, not from pg).
          const config = { text: sql.text, values: sql.values.map(parameter), rowMode: "array", types };
          const query = new pg.Query(config as pg.QueryConfig);
          let rows = 0;
          let failed: unknown;
          query.on("row", (row: unknown[]) => {
            rows++;
            if (failed === undefined)
              try {
                onRow(row);
              } catch (error) {
                failed = error;
              }
          });
          query.on("end", () => (failed === undefined ? resolve(rows) : reject(failed)));
          query.on("error", reject);
          client.query(query);
        }),
    }),
  );
}
