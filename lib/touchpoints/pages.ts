import { withTenant } from "@/lib/db/scope";
import { activePartnerOptions } from "@/lib/partners/options";
import { journeyMap } from "./touchpoints";

/** The journey map by stage, and (for a user who may assign them) the partners a touchpoint can be given to. */
export function loadTouchpointsPage(tenantId: string, query: { withPartnerOptions: boolean }) {
  return withTenant({ tenantId }, async (db) => ({
    columns: await journeyMap(db, tenantId),
    partners: query.withPartnerOptions ? await activePartnerOptions(db, tenantId) : [],
  }));
}
