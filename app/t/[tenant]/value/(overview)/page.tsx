import type { Metadata } from "next";
import Link from "next/link";
import { requireSteward } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { loadValueOverviewPage } from "@/lib/value/pages";
import { equityAtRiskWindow } from "@/lib/value/equity-at-risk";
import { formatMonth } from "@/lib/months";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { RecomputePanel } from "../recompute-panel";
import { EquitySection } from "./equity-section";
import { ModelSection } from "./model-section";
import { RollupsSection } from "./rollups-section";
import { RiskSection } from "./risk-section";

export const metadata: Metadata = { title: "Customers & value" };

export default async function ValuePage({ params, searchParams }: PageProps<"/t/[tenant]/value">) {
  const { tenant } = await params;
  const query = await searchParams;
  const access = await requireSteward(tenant, "workspace:read");
  const tenantId = access.tenant.id;
  const { currency } = access.tenant;
  // The same window as the dashboard's tile (lib/value/equity-at-risk.ts), named next to each figure.
  const riskWindow = equityAtRiskWindow();
  const mayRecompute = can(access.membership.role, "value:recompute");
  const data = await loadValueOverviewPage(tenantId, {
    month: typeof query.month === "string" ? query.month : undefined,
    riskFrom: riskWindow.from,
  });
  const base = `/t/${tenant}/value`;
  const running = data.job && (data.job.status === "QUEUED" || data.job.status === "RUNNING") ? data.job.id : null;
  const header = (
    <PageHeader
      title="Customers & value"
      description="Customer lifetime value (CLV), customer equity — the sum of the CLVs — by partner, touchpoint, segment and channel, and the equity put at risk by incidents."
      actions={
        <div className="flex flex-wrap gap-2">
          <Link href={`${base}/customers`} className={buttonClass("secondary")}>
            Browse customers
          </Link>
          <Link href={`${base}/defection`} className={buttonClass("secondary")}>
            Defection
          </Link>
          <Link href={`${base}/save`} className={buttonClass("secondary")}>
            Customers to save
          </Link>
          <Link href={`${base}/costs`} className={buttonClass("secondary")}>
            Cost of failure
          </Link>
          <Link href={`/t/${tenant}/settings/value`} className={buttonClass("ghost")}>
            Value settings
          </Link>
        </div>
      }
    />
  );
  const recompute = mayRecompute ? (
    <Card className="p-5">
      <h2 className="mb-3 text-base font-semibold">Recompute</h2>
      <RecomputePanel tenantSlug={tenant} defaultMonth={formatMonth(new Date())} runningJobId={running} />
      <p className="mt-3 text-xs text-slate-500">
        Fits the model on all transactions up to the end of the month and stores a CLV snapshot per customer. A rerun
        with no new transactions and unchanged settings is skipped; otherwise only changed values are rewritten.
      </p>
    </Card>
  ) : null;

  if (!data.month) {
    return (
      <div className="space-y-6">
        {header}
        <EmptyState title="No customer values yet">
          {mayRecompute
            ? "Recompute customer values to fit the model on your transactions."
            : "A steward has not computed customer values yet."}
        </EmptyState>
        {recompute}
      </div>
    );
  }

  const totalRisk = data.riskByPartner.reduce((s, r) => s + r.equityAtRisk, 0);

  return (
    <div className="space-y-8">
      {header}
      <EquitySection
        data={data}
        base={base}
        tenant={tenant}
        totalRisk={totalRisk}
        currency={currency}
        riskLabel={riskWindow.label}
      />

      {recompute}

      <ModelSection fit={data.fit} settings={data.settings} currency={currency} />

      <RollupsSection tenant={tenant} rollups={data.rollups} currency={currency} />

      <RiskSection
        settings={data.settings}
        riskByPartner={data.riskByPartner}
        riskByTouchpoint={data.riskByTouchpoint}
        currency={currency}
        riskLabel={riskWindow.label}
      />
    </div>
  );
}
