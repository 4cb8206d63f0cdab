import type { Metadata } from "next";
import { requireSteward } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { CATEGORY_LABELS, CAUSE_CATEGORIES } from "@/lib/costs/causes";
import { loadCausesSettingsPage } from "@/lib/costs/pages";
import { SettingsFormPage } from "@/components/settings/settings-form-page";
import { addCauseAction, addCausePresetsAction, removeCauseAction } from "./actions";
import { CausesEditor } from "./causes-editor";

export const metadata: Metadata = { title: "Root causes" };

export default async function CausesSettingsPage({ params }: PageProps<"/t/[tenant]/settings/causes">) {
  const { tenant } = await params;
  const access = await requireSteward(tenant, "workspace:read");
  const causes = await loadCausesSettingsPage(access.tenant.id);
  const readOnly = !can(access.membership.role, "settings:write");
  return (
    <SettingsFormPage
      tenantSlug={tenant}
      title="Root causes"
      description="A short list of causes in categories. Resolving an incident files it under one of them (the free text stays as a note); a free-text cause equal to a cause's name is filed there automatically. The cost-of-failure Pareto adds up equity at risk per cause."
      readOnly={readOnly}
    >
      <CausesEditor
        tenantSlug={tenant}
        causes={causes.map((c) => ({ ...c, categoryLabel: CATEGORY_LABELS[c.category] ?? c.category }))}
        categories={CAUSE_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))}
        readOnly={readOnly}
        actions={{ add: addCauseAction, presets: addCausePresetsAction, remove: removeCauseAction }}
      />
    </SettingsFormPage>
  );
}
