import { withTenant } from "@/lib/db/scope";
import { createPartner, createSlaPolicies, createTenantWithOwner, createTouchpoint } from "@/lib/seed/factories";

/**
 * A workspace to open incidents in: the default SLA policies, an active partner (Swift) and a touchpoint (Delivery).
 * The sweep and deadline tests each start from one.
 */
export async function incidentTenant(slug: string) {
  const tenantId = (await createTenantWithOwner({ slug })).tenant.id;
  return withTenant({ tenantId }, async (db) => {
    await createSlaPolicies(db, tenantId);
    const partnerId = (await createPartner(db, tenantId, { name: "Swift", status: "ACTIVE" })).id;
    const touchpointId = (await createTouchpoint(db, tenantId, { name: "Delivery" })).id;
    return { tenantId, partnerId, touchpointId };
  });
}
