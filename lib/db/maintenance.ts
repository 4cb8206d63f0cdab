import { env } from "@/lib/env";
import { analyzeTables } from "./client";

// The embedded database (PGlite) runs no autovacuum daemon, so nothing refreshes the planner's statistics as
// tenants add rows; stale statistics turn whole-tenant aggregates into nested loops. The "db.analyze" job
// (lib/jobs/queues.ts, every 10 minutes) does it instead. A PostgreSQL server's autovacuum needs no help.

function usesEmbeddedDatabase(): boolean {
  const settings = env();
  return !settings.DATABASE_URL && Boolean(settings.STEWARD_EMBEDDED_URL);
}

/** The "db.analyze" job's handler. */
export async function analyzeEmbeddedDatabase(): Promise<{ analyzed: boolean }> {
  if (!usesEmbeddedDatabase()) return { analyzed: false };
  await analyzeTables();
  return { analyzed: true };
}
