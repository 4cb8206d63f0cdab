import type { Metadata } from "next";
import { partnerScope } from "@/lib/auth/access";
import { requirePartner } from "@/lib/auth/guards";
import { loadPortalEmailPreferencesPage } from "@/lib/mail/settings-page";
import { Card, PageHeader } from "@/components/ui/card";
import { PreferencesForm } from "@/components/email/preferences-form";
import { savePortalEmailPreferencesAction } from "./actions";

export const metadata: Metadata = { title: "E-mail preferences" };

export default async function PortalPreferencesPage({ params }: PageProps<"/portal/[tenant]/preferences">) {
  const { tenant } = await params;
  const access = await requirePartner(tenant);
  const preferences = await loadPortalEmailPreferencesPage(partnerScope(access));
  return (
    <div className="space-y-6">
      <PageHeader
        title="E-mail preferences"
        description={`Which e-mail ${access.tenant.name} sends you about ${access.partner.name}: at once, gathered in one daily digest, or not at all.`}
      />
      <Card className="max-w-xl p-4">
        <PreferencesForm tenantSlug={tenant} initial={preferences} action={savePortalEmailPreferencesAction} />
      </Card>
    </div>
  );
}
