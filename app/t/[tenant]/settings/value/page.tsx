import type { Metadata } from "next";
import { requireSteward } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { loadValueSettingsPage } from "@/lib/value/pages";
import { SettingsFormPage } from "@/components/settings/settings-form-page";
import { ValueSettingsForm } from "./value-settings-form";
import { WorkspaceSettingsForm } from "./workspace-settings-form";
import { FeedbackSettingsForm } from "./feedback-settings-form";

export const metadata: Metadata = { title: "Value settings" };

export default async function ValueSettingsPage({ params }: PageProps<"/t/[tenant]/settings/value">) {
  const { tenant } = await params;
  const access = await requireSteward(tenant, "workspace:read");
  const settings = await loadValueSettingsPage(access.tenant.id);
  const readOnly = !can(access.membership.role, "settings:write");
  return (
    <SettingsFormPage
      tenantSlug={tenant}
      title="Value settings"
      description="How customer lifetime value is computed, and how likely customers are to leave after a bad experience (for equity at risk)."
      readOnly={readOnly}
    >
      <ValueSettingsForm tenantSlug={tenant} settings={settings.value} readOnly={readOnly} />
      <h2 className="mb-3 mt-8 text-lg font-semibold">Money and reports</h2>
      <WorkspaceSettingsForm tenantSlug={tenant} settings={settings.workspace} readOnly={readOnly} />
      <h2 className="mb-3 mt-8 text-lg font-semibold">Customer surveys</h2>
      <FeedbackSettingsForm tenantSlug={tenant} settings={settings.feedback} readOnly={readOnly} />
    </SettingsFormPage>
  );
}
