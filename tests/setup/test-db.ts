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
        const cleanup = new pg.Client({ connectionString: serverUrl });
        await cleanup.connect();
        await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await cleanup.end();
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
