import type { Metadata } from "next";
import Link from "next/link";
import { requireSteward } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { withTenant } from "@/lib/db/scope";
import { getTenantSettings } from "@/lib/tenants/settings";
import { Card, PageHeader } from "@/components/ui/card";
import { ValueSettingsForm } from "./value-settings-form";

export const metadata: Metadata = { title: "Value settings" };

export default async function ValueSettingsPage({ params }: PageProps<"/t/[tenant]/settings/value">) {
  const { tenant } = await params;
  const access = await requireSteward(tenant, "workspace:read");
  const settings = await withTenant({ tenantId: access.tenant.id }, (db) => getTenantSettings(db, access.tenant.id));
  const readOnly = !can(access.membership.role, "settings:write");
  return (
    <div className="space-y-6">
      <PageHeader
        title="Value settings"
        description="How customer lifetime value is computed, and how likely customers are to leave after a bad experience (for equity at risk)."
        actions={
          <Link href={`/t/${tenant}/settings`} className="text-sm text-brand-700 hover:underline">
            Back to settings
          </Link>
        }
      />
      <Card className="p-5">
        {readOnly && <p className="mb-4 text-sm text-slate-600">Only owners can change these settings.</p>}
        <ValueSettingsForm tenantSlug={tenant} settings={settings.value} readOnly={readOnly} />
      </Card>
    </div>
  );
}
