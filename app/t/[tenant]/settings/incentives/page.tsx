import type { Metadata } from "next";
import { requireSteward } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { loadIncentiveSettingsPage } from "@/lib/incentives/pages";
import { SettingsFormPage } from "@/components/settings/settings-form-page";
import { IncentiveRulesForm } from "./rules-form";

export const metadata: Metadata = { title: "Incentive settings" };

export default async function IncentiveSettingsPage({ params }: PageProps<"/t/[tenant]/settings/incentives">) {
  const { tenant } = await params;
  const access = await requireSteward(tenant, "workspace:read");
  const data = await loadIncentiveSettingsPage(access.tenant.id);
  const readOnly = !can(access.membership.role, "incentives:write");
  return (
    <SettingsFormPage
      tenantSlug={tenant}
      title="Incentives"
      description="Rewards tied to customer experience and customer value, not sales volume: each published month's score places a partner in a tier band, the tier moves after enough consecutive months in a new band, and a monthly bonus pool is shared in proportion to score × equity served among partners at or above the floor. Changes apply to months approved from now on; approved months keep their rules."
      readOnly={readOnly}
      editors="owners and stewards"
    >
      <IncentiveRulesForm tenantSlug={tenant} rules={data.rules} currency={data.currency} readOnly={readOnly} />
    </SettingsFormPage>
  );
}
