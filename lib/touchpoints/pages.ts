import { withTenant } from "@/lib/db/scope";
import { activePartnerOptions } from "@/lib/partners/options";
import { getTenantSettings } from "@/lib/tenants/settings";
import { journeyGaps } from "./channel-design";
import { journeyMap } from "./touchpoints";

/**
 * The journey map by stage, its gaps (no accountable party, unserved value propositions, moments of truth
 * without a standard), the workspace's channel design, and (for a user who may assign them) the partners a
 * touchpoint can be given to.
 */
export function loadTouchpointsPage(tenantId: string, query: { withPartnerOptions: boolean }) {
  return withTenant({ tenantId }, async (db) => {
    const columns = await journeyMap(db, tenantId);
    return {
      columns,
      gaps: journeyGaps(columns.flatMap((c) => c.touchpoints)),
      channel: (await getTenantSettings(db, tenantId)).channel,
      partners: query.withPartnerOptions ? await activePartnerOptions(db, tenantId) : [],
    };
  });
}

/** The channel design settings page: the stored choices. */
export function loadChannelSettingsPage(tenantId: string) {
  return withTenant({ tenantId }, async (db) => (await getTenantSettings(db, tenantId)).channel);
}
