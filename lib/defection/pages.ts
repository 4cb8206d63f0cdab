/** What the Defection page reads, in one tenant transaction: the stored measurement, never a new one. */
import { withTenant } from "@/lib/db/scope";
import { latestDefection } from "./job";

/** The latest measurement the defection job stored (with when), whether a run is under way, and the basis in use. */
export function loadDefectionPage(tenantId: string) {
  return withTenant({ tenantId }, (db) => latestDefection(db, tenantId));
}
