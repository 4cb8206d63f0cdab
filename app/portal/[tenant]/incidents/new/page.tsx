import type { Metadata } from "next";
import { requirePartner } from "@/lib/auth/guards";
import { withTenant } from "@/lib/db/scope";
import { Card, PageHeader } from "@/components/ui/card";
import { IncidentForm } from "@/components/incidents/incident-form";

export const metadata: Metadata = { title: "Report an incident" };

export default async function PortalNewIncidentPage({ params }: PageProps<"/portal/[tenant]/incidents/new">) {
  const { tenant } = await params;
  const access = await requirePartner(tenant, "portal:respond");
  const tenantId = access.tenant.id;
  const partnerId = access.membership.partnerId!;
  const touchpoints = await withTenant({ tenantId, partnerId, userId: access.user.id }, async (db) => {
    const handled = await db.touchpointPartner.findMany({ where: { tenantId, partnerId }, select: { touchpoint: { select: { id: true, name: true } } } });
    return handled.map((h) => h.touchpoint).sort((a, b) => a.name.localeCompare(b.name));
  });
  return (
    <div className="max-w-3xl">
      <PageHeader title="Report an incident" description="Tell the brand about a breakdown at one of your touchpoints. The SLA clock starts when you report it." />
      <Card className="p-5">
        <IncidentForm tenantSlug={tenant} mode="partner" partners={[]} touchpoints={touchpoints} />
      </Card>
    </div>
  );
}
