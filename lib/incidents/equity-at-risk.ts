import type { Db } from "@/lib/db/scope";

/**
 * HOOK for the value issue: the customer equity this incident puts at risk (CLV of the affected
 * customers × the probability such customers leave). Returns null — "not computed yet" — until
 * lib/value provides CLV per customer; the UI then shows "Equity at risk: not available yet".
 * Never return an estimate from here that is not computed from the tenant's CLV data.
 */
export async function equityAtRiskForIncident(
  _db: Db,
  _tenantId: string,
  _incident: { id: string; partnerId: string; customerId: string | null; customersAffected: number; severity: string },
): Promise<number | null> {
  return null;
}
