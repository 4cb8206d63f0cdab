import { PGlite } from "@electric-sql/pglite";
import { migrate } from "./migrator";
import { secureDataDir, applyPrivateUmask } from "./data-dir-permissions";
import { pgliteConnection } from "./pglite-connection";
import { servePglite } from "./pglite-server";

// The embedded database: PGlite (Postgres compiled to WebAssembly) in this process, migrated, and
// served on a unix socket (./pglite-server.ts) so the app reaches it through the same pg driver as a real server.
// Only one process may open a data directory at a time.

export type EmbeddedDatabase = { url: string; db: PGlite; stop(): Promise<void> };

export async function startEmbeddedDatabase(
  options: { dataDir?: string; loadDataDir?: Blob } = {},
): Promise<EmbeddedDatabase> {
  if (options.dataDir) {
    applyPrivateUmask();
    secureDataDir(options.dataDir);
  }
  const db = await PGlite.create({ dataDir: options.dataDir, loadDataDir: options.loadDataDir });
  await migrate(pgliteConnection(db));
  if (options.dataDir) secureDataDir(options.dataDir, { quiet: true });
  // Several connections (the web server's, the job worker's and its thread's) take turns on its one session.
  const server = await servePglite(db);
  return {
    url: server.url,
    db,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
