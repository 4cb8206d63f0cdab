import { withTenant, type PartnerScope } from "@/lib/db/scope";
import { activePartnerOptions } from "@/lib/partners/options";

/** The steward's "open an incident" form: the partners it can name and the touchpoints in journey order. */
export function loadNewIncidentPage(tenantId: string) {
  return withTenant({ tenantId }, async (db) => ({
    partners: await activePartnerOptions(db, tenantId),
    touchpoints: await db.touchpoint.findMany({ where: { tenantId }, select: { id: true, name: true }, orderBy: { position: "asc" } }),
  }));
}

/** The partner's "report an incident" form: the touchpoints the partner handles, by name. */
export function loadReportIncidentPage(scope: PartnerScope) {
  return withTenant(scope, async (db) => {
    const { tenantId, partnerId } = scope;
    const handled = await db.touchpointPartner.findMany({ where: { tenantId, partnerId }, select: { touchpoint: { select: { id: true, name: true } } } });
    return handled.map((h) => h.touchpoint).sort((a, b) => a.name.localeCompare(b.name));
  });
}
