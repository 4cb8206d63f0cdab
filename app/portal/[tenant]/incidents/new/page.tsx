import type { Metadata } from "next";
import { partnerScope } from "@/lib/auth/access";
import { requirePartner } from "@/lib/auth/guards";
import { loadReportIncidentPage } from "@/lib/incidents/pages";
import { Card, PageHeader } from "@/components/ui/card";
import { IncidentForm } from "@/components/incidents/incident-form";
import { reportIncidentAction } from "../actions";

export const metadata: Metadata = { title: "Report an incident" };

export default async function PortalNewIncidentPage({ params }: PageProps<"/portal/[tenant]/incidents/new">) {
  const { tenant } = await params;
  const access = await requirePartner(tenant, "portal:respond");
  const touchpoints = await loadReportIncidentPage(partnerScope(access));
  return (
    <div className="max-w-3xl">
      <PageHeader
        title="Report an incident"
        description="Tell the brand about a breakdown at one of your touchpoints. The SLA clock starts when you report it."
      />
      <Card className="p-5">
        <IncidentForm
          tenantSlug={tenant}
          mode="partner"
          partners={[]}
          touchpoints={touchpoints}
          action={reportIncidentAction}
        />
      </Card>
    </div>
  );
}
