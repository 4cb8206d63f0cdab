import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { analyzeTables } from "./client";

// The embedded database (PGlite) runs no autovacuum daemon, so nothing refreshes the planner's
// statistics as tenants add rows; stale statistics turn whole-tenant aggregates into nested loops.
// One timer per app instance does it instead. A PostgreSQL server's autovacuum needs no help.

const INTERVAL_MS = 10 * 60_000;
const state = globalThis as unknown as { stewardMaintenanceTimer?: ReturnType<typeof setInterval> };

function usesEmbeddedDatabase(): boolean {
  const settings = env();
  return !settings.DATABASE_URL && Boolean(settings.STEWARD_EMBEDDED_URL);
}

export function startEmbeddedMaintenance() {
  if (state.stewardMaintenanceTimer || !usesEmbeddedDatabase()) return;
  const analyze = () =>
    analyzeTables().catch((error) => {
      log.error("embedded database ANALYZE failed", { error });
    });
  state.stewardMaintenanceTimer = setInterval(analyze, INTERVAL_MS);
  state.stewardMaintenanceTimer.unref?.();
  setTimeout(analyze, 15_000).unref?.();
}
