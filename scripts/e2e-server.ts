// The server Playwright starts: a fresh database (a new PGlite data dir, or a new database on
// the DATABASE_URL server), the demo tenants at test scale, then `next start` on the built app.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { prepareRuntime } from "./runtime";
import { roleFromArgs, runRole } from "./serve";
import { startLocalMailbox } from "./local-mailbox";
import { e2eDatabaseUrlFile, e2eMailDir } from "../tests/e2e/mail-helpers";
import { connectDatabase, disconnectDatabase } from "../lib/db/client";
import { ensureDemoTenants } from "../lib/seed/ensure-demo";

process.env.STEWARD_DATA_DIR = mkdtempSync(join(tmpdir(), "steward-e2e-"));
// The webhook specs deliver to a receiver on 127.0.0.1, which the SSRF guard refuses by default.
process.env.STEWARD_WEBHOOKS_ALLOW_PRIVATE = "1";
if (process.env.DATABASE_URL) {
  const server = new URL(process.env.DATABASE_URL);
  const name = `steward_e2e_${process.pid}`;
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  server.pathname = `/${name}`;
  process.env.DATABASE_URL = server.toString();
}

const runtime = await prepareRuntime();
connectDatabase(runtime.databaseUrl);
await ensureDemoTenants(() => undefined);
await disconnectDatabase();
// The breach spec plants an overdue incident through its own connection to this database.
writeFileSync(e2eDatabaseUrlFile(), runtime.databaseUrl, { mode: 0o600 });
// The e-mail specs read the app's mail in the local mailbox; a short interval keeps them quick.
// Account mail (sign-up, password reset) belongs to no workspace's mailbox: the specs read it from the catcher's folder.
// The specs read the folder, and no one reads the console: the account mail announcements stay off it.
await startLocalMailbox(runtime, process.env.STEWARD_DATA_DIR, { mailDir: e2eMailDir(), announce: () => undefined });
runtime.childEnv.STEWARD_MAIL_INTERVAL_MS ??= "500";
await runRole(runtime, roleFromArgs(), "start");
