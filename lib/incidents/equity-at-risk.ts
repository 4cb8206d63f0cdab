import type { Db } from "@/lib/db/scope";
import { equityAtRiskByIncident } from "@/lib/value/equity-at-risk";

/**
 * The customer equity this incident puts at risk (lib/value/equity-at-risk.ts: CLV of the affected
 * customers × the tenant's churn probability after a bad experience). Null until customer values
 * have been computed for the tenant: the UI says so instead of showing a number.
 */
export async function equityAtRiskForIncident(
  db: Db,
  tenantId: string,
  incident: { id: string },
): Promise<number | null> {
  const risk = (await equityAtRiskByIncident(db, tenantId, [incident.id])).get(incident.id);
  return risk ? risk.equityAtRisk : null;
}
