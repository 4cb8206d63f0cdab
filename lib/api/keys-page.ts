import { withTenant } from "@/lib/db/scope";
import { activePartnerOptions } from "@/lib/partners/options";
import { listApiKeys } from "./keys";

/** The API keys settings page: the tenant's keys and the partners a new key can be scoped to. */
export function loadApiKeysPage(tenantId: string) {
  return withTenant({ tenantId }, async (db) => ({
    keys: await listApiKeys(db, tenantId),
    partners: await activePartnerOptions(db, tenantId),
  }));
}
