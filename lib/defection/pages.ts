/** What the Defection page reads, in one tenant transaction. */
import { withTenant } from "@/lib/db/scope";
import { measureDefection } from "./queries";

/** Measured defection and good-service uplift beside the survey figures, and the basis equity at risk uses. */
export function loadDefectionPage(tenantId: string) {
  return withTenant({ tenantId }, (db) => measureDefection(db, tenantId), { timeoutMs: 60_000 });
}
