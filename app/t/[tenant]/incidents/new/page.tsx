import type { Metadata } from "next";
import { requireSteward } from "@/lib/auth/guards";
import { withTenant } from "@/lib/db/scope";
import { Card, PageHeader } from "@/components/ui/card";
import { IncidentForm } from "@/components/incidents/incident-form";

export const metadata: Metadata = { title: "Open an incident" };

export default async function NewIncidentPage({ params }: PageProps<"/t/[tenant]/incidents/new">) {
  const { tenant } = await params;
  const access = await requireSteward(tenant, "incidents:write");
  const tenantId = access.tenant.id;
  const { partners, touchpoints } = await withTenant({ tenantId }, async (db) => ({
    partners: await db.partner.findMany({ where: { tenantId, status: { not: "OFFBOARDED" } }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    touchpoints: await db.touchpoint.findMany({
      where: { tenantId },
      select: { id: true, name: true, partners: { select: { partnerId: true } } },
      orderBy: { position: "asc" },
    }),
  }));
  // Each touchpoint with the partners that handle it: the form offers only the chosen partner's.
  const handled = touchpoints.map((t) => ({ id: t.id, name: t.name, partnerIds: t.partners.map((p) => p.partnerId) }));
  return (
    <div className="max-w-3xl">
      <PageHeader title="Open an incident" description="A breakdown of the customer experience at a touchpoint. The SLA clock starts when you open it." />
      <Card className="p-5">
        <IncidentForm tenantSlug={tenant} mode="steward" partners={partners} touchpoints={handled} />
      </Card>
    </div>
  );
}
