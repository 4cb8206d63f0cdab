import type { Metadata } from "next";
import { requireSteward } from "@/lib/auth/guards";
import { loadNewIncidentPage } from "@/lib/incidents/pages";
import { Card, PageHeader } from "@/components/ui/card";
import { IncidentForm } from "@/components/incidents/incident-form";
import { createIncidentAction } from "../actions";

export const metadata: Metadata = { title: "Open an incident" };

export default async function NewIncidentPage({ params }: PageProps<"/t/[tenant]/incidents/new">) {
  const { tenant } = await params;
  const access = await requireSteward(tenant, "incidents:write");
  const { partners, touchpoints } = await loadNewIncidentPage(access.tenant.id);
  return (
    <div className="max-w-3xl">
      <PageHeader
        title="Open an incident"
        description="A breakdown of the customer experience at a touchpoint. The SLA clock starts when you open it."
      />
      <Card className="p-5">
        <IncidentForm
          tenantSlug={tenant}
          mode="steward"
          partners={partners}
          touchpoints={touchpoints}
          action={createIncidentAction}
        />
      </Card>
    </div>
  );
}
