import { withTenant, type PartnerScope } from "@/lib/db/scope";
import { incidentDetail, listStewards } from "./detail";

/** The steward's incident page: the incident with its timeline, and the stewards it can be assigned to; null if not found. */
export function loadStewardIncidentPage(tenantId: string, incidentId: string) {
  return withTenant({ tenantId }, async (db) => {
    const detail = await incidentDetail(db, tenantId, incidentId, { steward: true });
    return detail && { ...detail, stewards: await listStewards(db, tenantId) };
  });
}

/** The partner's incident page, scoped to the partner: another partner's incident is not found (null). */
export function loadPartnerIncidentPage(scope: PartnerScope, incidentId: string) {
  return withTenant(scope, (db) => incidentDetail(db, scope.tenantId, incidentId, { steward: false }));
}
