import type { Metadata } from "next";
import { requireSteward } from "@/lib/auth/guards";
import { SettingsHeader } from "@/components/settings/settings-header";
import { ImportWizard } from "./import-wizard";

export const metadata: Metadata = { title: "Bulk import" };

export default async function ImportPage({ params }: PageProps<"/t/[tenant]/settings/import">) {
  const { tenant } = await params;
  await requireSteward(tenant, "partners:write");
  return (
    <div className="space-y-6">
      <SettingsHeader
        tenantSlug={tenant}
        title="Bulk import"
        description="Import partners, customers, transactions or interactions from a CSV file: choose the columns, check the preview, then import in batches. Invalid rows are skipped and listed with their row number; importing the same file again creates nothing twice. Import customers before their transactions."
      />
      <ImportWizard tenantSlug={tenant} />
    </div>
  );
}
