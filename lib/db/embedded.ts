import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { migrate } from "./migrator";
import { pgliteConnection } from "./pglite-connection";

// The embedded database: PGlite (Postgres compiled to WebAssembly) in this process, migrated, and
// served on a unix socket so the app reaches it through the same pg driver as a real server.
// Only one process may open a data directory at a time.

export type EmbeddedDatabase = { url: string; db: PGlite; stop(): Promise<void> };

export async function startEmbeddedDatabase(options: { dataDir?: string; loadDataDir?: Blob } = {}): Promise<EmbeddedDatabase> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const db = await PGlite.create({ dataDir: options.dataDir, loadDataDir: options.loadDataDir });
  await migrate(pgliteConnection(db));
  const socketDir = mkdtempSync(join(tmpdir(), "steward-pg-"));
  // Connections: the web server's, the job worker's and its thread's (the server runs one statement at a time and
  // keeps a transaction's statements together). They share one session: every one runs as steward_app.
  const server = new PGLiteSocketServer({ db, path: join(socketDir, ".s.PGSQL.5432"), maxConnections: 6 });
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
