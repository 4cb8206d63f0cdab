import type { Metadata } from "next";
import { requireSteward } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { loadChannelSettingsPage } from "@/lib/touchpoints/pages";
import { Card } from "@/components/ui/card";
import { SettingsHeader } from "@/components/settings/settings-header";
import { ChannelDesignForm } from "./channel-design-form";

export const metadata: Metadata = { title: "Channel design" };

export default async function ChannelDesignPage({ params }: PageProps<"/t/[tenant]/settings/channel">) {
  const { tenant } = await params;
  const access = await requireSteward(tenant, "workspace:read");
  const channel = await loadChannelSettingsPage(access.tenant.id);
  const readOnly = !can(access.membership.role, "partners:write");
  return (
    <div className="space-y-6">
      <SettingsHeader
        tenantSlug={tenant}
        title="Channel design"
        description="How your brand reaches its customers, and how much of the experience your partners deliver. The further you are from the customer, the more you depend on your partners' experience standards."
      />
      <Card className="p-5">
        {readOnly && (
          <p className="mb-4 text-sm text-slate-600">Only owners and stewards can change the channel design.</p>
        )}
        <ChannelDesignForm tenantSlug={tenant} initial={channel} readOnly={readOnly} />
      </Card>
    </div>
  );
}
