/** What each incident page reads (the inbox pages: inbox-page.ts), in one transaction in the caller's scope. */
import { withTenant, type PartnerScope } from "@/lib/db/scope";
import { activePartnerOptions } from "@/lib/partners/options";
import { incidentDetail, listStewards } from "./detail";
import { listNotifications } from "./notifications";
import { listSlaPolicies, tenantCalendar } from "./sla-policies";

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

/** The steward's "open an incident" form: the partners it can name and the touchpoints in journey order. */
export function loadNewIncidentPage(tenantId: string) {
  return withTenant({ tenantId }, async (db) => {
    const touchpoints = await db.touchpoint.findMany({
      where: { tenantId },
      select: { id: true, name: true, partners: { select: { partnerId: true } } },
      orderBy: { position: "asc" },
    });
    return {
      partners: await activePartnerOptions(db, tenantId),
      // Each touchpoint with the partners that handle it: the form offers only the chosen partner's.
      touchpoints: touchpoints.map((t) => ({ id: t.id, name: t.name, partnerIds: t.partners.map((p) => p.partnerId) })),
    };
  });
}

/** The partner's "report an incident" form: the touchpoints the partner handles, by name. */
export function loadReportIncidentPage(scope: PartnerScope) {
  return withTenant(scope, async (db) => {
    const { tenantId, partnerId } = scope;
    const handled = await db.touchpointPartner.findMany({
      where: { tenantId, partnerId },
      select: { touchpoint: { select: { id: true, name: true } } },
    });
    return handled.map((h) => h.touchpoint).sort((a, b) => a.name.localeCompare(b.name));
  });
}

/** The SLA settings page: the policy per severity, the business-hours calendar and the stewards escalations can reach. */
export function loadSlaSettingsPage(tenantId: string) {
  return withTenant({ tenantId }, async (db) => ({
    policies: await listSlaPolicies(db, tenantId),
    calendar: await tenantCalendar(db, tenantId),
    stewards: await listStewards(db, tenantId),
  }));
}

/** The notifications page: the member's own notifications, newest first. */
export function loadNotificationsPage(tenantId: string, membershipId: string) {
  return withTenant({ tenantId }, (db) => listNotifications(db, tenantId, membershipId));
}
