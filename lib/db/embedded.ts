import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { migrate } from "./migrator";
import { secureDataDir, usePrivateUmask } from "./data-dir-permissions";
import { pgliteConnection } from "./pglite-connection";

// The embedded database: PGlite (Postgres compiled to WebAssembly) in this process, migrated, and
// served on a unix socket so the app reaches it through the same pg driver as a real server.
// Only one process may open a data directory at a time.

export type EmbeddedDatabase = { url: string; db: PGlite; stop(): Promise<void> };

export async function startEmbeddedDatabase(options: { dataDir?: string; loadDataDir?: Blob } = {}): Promise<EmbeddedDatabase> {
  if (options.dataDir) {
    usePrivateUmask();
    secureDataDir(options.dataDir);
  }
  const db = await PGlite.create({ dataDir: options.dataDir, loadDataDir: options.loadDataDir });
  await migrate(pgliteConnection(db));
  if (options.dataDir) secureDataDir(options.dataDir, { quiet: true });
  const socketDir = mkdtempSync(join(tmpdir(), "steward-pg-"));
  const server = new PGLiteSocketServer({ db, path: join(socketDir, ".s.PGSQL.5432"), maxConnections: 1 });
  await server.start();
  const url = `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(socketDir)}`;
  return {
    url,
    db,
    async stop() {
      await server.stop();
      await db.close();
      rmSync(socketDir, { recursive: true, force: true });
    },
  };
}
