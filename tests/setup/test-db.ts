import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { connectDatabase, disconnectDatabase } from "@/lib/db/client";
import { TEMPLATE_DATABASE, withDatabaseName } from "./database-names";

export type TestDatabase = { url: string; kind: "pglite" | "postgres"; close(): Promise<void> };

/**
 * A fresh, migrated database for one test file, connected as the app (steward_app role, RLS on):
 * a PGlite loaded from the run's snapshot, or a clone of the template database on PostgreSQL.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `steward_test_${process.pid}_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
    await admin.end();
    const url = withDatabaseName(serverUrl, name);
    connectDatabase(url, 4);
    return {
      url,
      kind: "postgres",
      async close() {
        await disconnectDatabase();
        await dropDatabase(serverUrl, name);
      },
    };
  }
  const snapshot = new Blob([readFileSync(inject("pgliteSnapshot"))]);
  const embedded = await startEmbeddedDatabase({ loadDataDir: snapshot });
  connectDatabase(embedded.url, 1);
  return {
    url: embedded.url,
    kind: "pglite",
    async close() {
      await disconnectDatabase();
      await embedded.stop();
    },
  };
}

/**
 * Drops a test database, waiting out an autovacuum worker in it: WITH (FORCE) may not end a superuser's process, so
 * the drop fails with 42501 (TerminateOtherDBBackends) while the worker runs, which failed a whole CI run once.
 * A database still there after 10 s is left to the throwaway server rather than failing the tests that used it.
 */
async function dropDatabase(serverUrl: string, name: string) {
  const cleanup = new pg.Client({ connectionString: serverUrl });
  await cleanup.connect();
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        return;
      } catch (error) {
        const code = (error as { code?: string }).code;
        if ((code !== "42501" && code !== "55006") || attempt >= 20) {
          console.warn(`test database ${name} left in place: ${(error as Error).message}`);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  } finally {
    await cleanup.end();
  }
}
