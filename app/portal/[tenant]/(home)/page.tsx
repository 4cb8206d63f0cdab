import type { Metadata } from "next";
import { requirePartner } from "@/lib/auth/guards";
import { partnerOverview } from "@/lib/portal/overview";
import { Card, PageHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "Partner portal" };

const label = (value: string) => value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, " ");

export default async function PortalHome({ params }: PageProps<"/portal/[tenant]">) {
  const { tenant } = await params;
  const access = await requirePartner(tenant);
  const overview = await partnerOverview({ tenantId: access.tenant.id, partnerId: access.partner.id });
  const facts = [
    ["Status", label(overview.status)],
    ["Tier", label(overview.tier)],
    ["Type", label(overview.type)],
    ["Region", overview.region],
    ["Touchpoints you handle", String(overview.touchpoints)],
    ["Open incidents", String(overview.openIncidents)],
  ];
  return (
    <div>
      <PageHeader
        title={overview.name}
        description={`Your partnership with ${access.tenant.name}. Scorecards, incident handling, standards and the partner survey arrive here as they are built.`}
      />
      <Card className="max-w-2xl">
        <dl className="divide-y divide-slate-100" data-testid="partner-facts">
          {facts.map(([term, value]) => (
            <div key={term} className="flex justify-between px-5 py-3 text-sm">
              <dt className="text-slate-600">{term}</dt>
              <dd className="font-medium">{value}</dd>
            </div>
          ))}
        </dl>
      </Card>
    </div>
  );
}
