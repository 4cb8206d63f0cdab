import type { Metadata } from "next";
import Link from "next/link";
import { requireSteward } from "@/lib/auth/guards";
import { workspaceOverview } from "@/lib/workspace/overview";
import { Card, PageHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({ params }: PageProps<"/t/[tenant]">) {
  const { tenant } = await params;
  const access = await requireSteward(tenant);
  const overview = await workspaceOverview(access.tenant.id);
  const base = `/t/${tenant}`;
  const tiles = [
    { label: "Partners", value: overview.partners, detail: `${overview.activePartners} active`, href: `${base}/partners` },
    { label: "Touchpoints", value: overview.touchpoints, detail: `${overview.standards} experience standards`, href: `${base}/touchpoints` },
    { label: "Open incidents", value: overview.openIncidents, detail: `${overview.overdueIncidents} past their SLA`, href: `${base}/incidents` },
    { label: "Customers", value: overview.customers, detail: "in the customer base", href: `${base}/value` },
  ];
  return (
    <div>
      <PageHeader
        title={access.tenant.name}
        description="Your demand chain at a glance. Customer equity, equity at risk and partner scores appear here once the value and scorecard modules are built."
      />
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {tiles.map((tile) => (
          <Link key={tile.label} href={tile.href} className="group">
            <Card className="p-5 transition-shadow group-hover:shadow-md">
              <p className="text-sm text-slate-600">{tile.label}</p>
              <p className="mt-1 text-3xl font-semibold tabular-nums" data-testid={`tile-${tile.label}`}>
                {tile.value.toLocaleString("en")}
              </p>
              <p className="mt-1 text-xs text-slate-500">{tile.detail}</p>
            </Card>
          </Link>
        ))}
      </div>
    </div>
  );
}
