import type { Metadata } from "next";
import { requireSteward } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { loadScorecardSettingsPage } from "@/lib/scorecards/pages";
import { SettingsFormPage } from "@/components/settings/settings-form-page";
import { ScorecardConfigForm } from "./config-form";

export const metadata: Metadata = { title: "Scorecard settings" };

export default async function ScorecardSettingsPage({ params }: PageProps<"/t/[tenant]/settings/scorecards">) {
  const { tenant } = await params;
  const access = await requireSteward(tenant, "workspace:read");
  const config = await loadScorecardSettingsPage(access.tenant.id);
  const readOnly = !can(access.membership.role, "settings:write");
  return (
    <SettingsFormPage
      tenantSlug={tenant}
      title="Scorecard weights and thresholds"
      description="How much each sub-score counts in the overall score (whole numbers adding up to 100; 0 switches an area off), and the minimum score for each recommendation. Changes apply to the next computation; published scorecards keep the weights they were computed with."
      readOnly={readOnly}
    >
      <ScorecardConfigForm tenantSlug={tenant} config={config} readOnly={readOnly} />
    </SettingsFormPage>
  );
}
