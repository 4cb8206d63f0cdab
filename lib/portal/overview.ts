import { withTenant, type TenantScope } from "@/lib/db/scope";

/** A partner's own headline facts. Runs in the partner's scope: RLS shows no other partner. */
export async function partnerOverview(scope: Required<Pick<TenantScope, "tenantId" | "partnerId">>) {
  return withTenant(scope, async (db) => {
    const partner = await db.partner.findFirstOrThrow({
      where: { tenantId: scope.tenantId, id: scope.partnerId! },
      select: {
        name: true,
        type: true,
        tier: true,
        status: true,
        region: true,
        _count: { select: { touchpoints: true } },
      },
    });
    const openIncidents = await db.incident.count({
      where: { tenantId: scope.tenantId, partnerId: scope.partnerId!, status: { notIn: ["RESOLVED", "CLOSED"] } },
    });
    return { ...partner, touchpoints: partner._count.touchpoints, openIncidents };
  });
}
