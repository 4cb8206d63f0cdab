import { withTenant } from "@/lib/db/scope";
import { listWebhookDeliveries, listWebhookEndpoints } from "./endpoints";

/** The webhooks settings page: the endpoints and one page of the delivery log. */
export function loadWebhooksPage(tenantId: string, query: { page: number }) {
  return withTenant({ tenantId }, async (db) => ({
    endpoints: await listWebhookEndpoints(db, tenantId),
    log: await listWebhookDeliveries(db, tenantId, query.page),
  }));
}
