import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { env, resetEnvCache } from "../lib/env";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "../lib/db/embedded";
import { migrateServer } from "../lib/db/migrate-server";
import { secureDataDir, applyPrivateUmask } from "../lib/db/data-dir-permissions";

// What `npm start`, `npm run dev` and `npm run demo` share: validated settings, a migrated
// database (the embedded one unless DATABASE_URL is set), and a persistent session secret.

export type Runtime = { databaseUrl: string; embedded: EmbeddedDatabase | null; childEnv: NodeJS.ProcessEnv };

export async function prepareRuntime(): Promise<Runtime> {
  const settings = env();
  // The data folder holds the session secret and the embedded database: private to this user.
  applyPrivateUmask();
  secureDataDir(settings.STEWARD_DATA_DIR);
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  childEnv.AUTH_SECRET = settings.AUTH_SECRET ?? persistentSecret(settings.STEWARD_DATA_DIR);
  // The seed, run in this process, signs mail links (unsubscribe, surveys) with the same secret as the app: env()
  // read the environment before the secret was chosen, so it reads it again.
  process.env.AUTH_SECRET = childEnv.AUTH_SECRET;
  resetEnvCache();

  if (settings.DATABASE_URL) {
    const applied = await migrateServer(settings.DATABASE_URL);
    console.log(`Database: PostgreSQL server (${applied.length} migration(s) applied)`);
    return { databaseUrl: settings.DATABASE_URL, embedded: null, childEnv };
  }
  const dataDir = join(settings.STEWARD_DATA_DIR, "pglite");
  const embedded = await startEmbeddedDatabase({ dataDir });
  console.log(`Database: embedded PGlite in ${dataDir}`);
  childEnv.STEWARD_EMBEDDED_URL = embedded.url;
  process.env.STEWARD_EMBEDDED_URL = embedded.url;
  return { databaseUrl: embedded.url, embedded, childEnv };
}

function persistentSecret(dataDir: string) {
  const file = join(dataDir, "auth-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}
