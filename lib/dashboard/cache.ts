/**
 * A short per-tenant cache of the dashboard's figures (lib/dashboard/overview.ts), in this server process.
 *
 * - Single flight: concurrent renders of one tenant's dashboard share one query (one tenant transaction).
 * - Lifetime: at most DASHBOARD_CACHE_MS (default 15 s; 0 turns the cache off).
 * - Explicit invalidation, so a user sees their own change at once: computing or publishing scorecards
 *   (lib/scorecards/compute.ts), a value recompute (lib/value/recompute.ts) and every incident event
 *   (lib/incidents/events.ts recordEvent: creation, transitions, assignment, comments) drop the tenant's entry.
 *   Other changes (a new partner, an import, another app instance's writes) show within the lifetime.
 */
import { withTenant } from "@/lib/db/scope";
import { env } from "@/lib/env";
import { dashboardOverview, type DashboardOverview } from "./overview";

// Read when used, not at import: scripts (the e2e server, the seed) import this module and only then set
// the environment they run in.
const ttlMs = () => env().STEWARD_DASHBOARD_CACHE_MS ?? 15_000;

type Entry = { at: number; value: Promise<DashboardOverview> };
const holder = globalThis as unknown as { stewardDashboardCache?: Map<string, Entry> };
holder.stewardDashboardCache ??= new Map<string, Entry>();
const store = holder.stewardDashboardCache;

/** The tenant's dashboard figures: from the cache when fresh, else one query (shared by concurrent callers). */
export function cachedDashboard(tenantId: string, now = Date.now()): Promise<DashboardOverview> {
  const ttl = ttlMs();
  const entry = store.get(tenantId);
  if (entry && ttl > 0 && now - entry.at < ttl) return entry.value;
  const value = withTenant({ tenantId }, (db) => dashboardOverview(db, tenantId));
  if (ttl > 0) {
    store.set(tenantId, { at: now, value });
    // a failed read is not cached
    value.catch(() => {
      if (store.get(tenantId)?.value === value) store.delete(tenantId);
    });
  }
  return value;
}

/**
 * Drops the tenant's cached figures: the next dashboard render reads them again. Callers run inside the
 * writing transaction, so a render in the meantime could cache the figures from before the commit: the entry
 * is dropped once more shortly after.
 */
export function invalidateDashboard(tenantId: string): void {
  if (ttlMs() <= 0) return;
  store.delete(tenantId);
  setTimeout(() => store.delete(tenantId), 2_000).unref?.();
}
