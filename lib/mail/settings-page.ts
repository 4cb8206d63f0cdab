import { withTenant, type PartnerScope } from "@/lib/db/scope";
import { listRecentMail } from "./deliveries";
import { preferencesOf } from "./preferences";

/**
 * Settings → E-mail: the member's own preferences and, for owners, the recent deliveries and the workspace's chat
 * webhook address.
 */
export function loadEmailSettingsPage(scope: { tenantId: string; userId: string; owner: boolean }) {
  const { tenantId, userId, owner } = scope;
  return withTenant({ tenantId }, async (db) => ({
    preferences: await preferencesOf(db, tenantId, userId),
    recent: owner ? await listRecentMail(db, tenantId) : [],
    chat: owner
      ? ((await db.tenant.findFirst({ where: { id: tenantId }, select: { chatWebhookUrl: true } }))?.chatWebhookUrl ??
        "")
      : "",
  }));
}

/** The portal's E-mail preferences: the partner user's own modes, read in their partner scope. */
export function loadPortalEmailPreferencesPage(scope: PartnerScope) {
  return withTenant(scope, (db) => preferencesOf(db, scope.tenantId, scope.userId));
}
