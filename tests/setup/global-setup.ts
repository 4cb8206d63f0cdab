import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { migrate } from "../../lib/db/migrator";
import { migrateServer } from "../../lib/db/migrate-server";
import { pgliteConnection } from "../../lib/db/pglite-connection";
import { TEMPLATE_DATABASE, withDatabaseName } from "./database-names";

// Migrates once per run: a PGlite data-dir snapshot each test file loads, or a template database
// on the PostgreSQL server (DATABASE_URL) each test file clones.
export default async function globalSetup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
    await admin.end();
    await migrateServer(withDatabaseName(url, TEMPLATE_DATABASE));
    project.provide("pgliteSnapshot", "");
    return;
  }
  const db = await PGlite.create();
  await migrate(pgliteConnection(db));
  const snapshot = await db.dumpDataDir("none");
  const path = join(mkdtempSync(join(tmpdir(), "steward-test-")), "snapshot.tar");
  writeFileSync(path, Buffer.from(await snapshot.arrayBuffer()));
  await db.close();
  project.provide("pgliteSnapshot", path);
}

declare module "vitest" {
  export interface ProvidedContext {
    pgliteSnapshot: string;
  }
}
