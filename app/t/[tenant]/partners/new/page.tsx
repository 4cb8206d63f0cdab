import type { Metadata } from "next";
import { requireSteward } from "@/lib/auth/guards";
import { Card, PageHeader } from "@/components/ui/card";
import { PartnerForm } from "../partner-form";

export const metadata: Metadata = { title: "New partner" };

export default async function NewPartnerPage({ params }: PageProps<"/t/[tenant]/partners/new">) {
  const { tenant } = await params;
  await requireSteward(tenant, "partners:write");
  return (
    <div className="max-w-3xl">
      <PageHeader
        title="New partner"
        description="A new partner starts as a prospect; move it to vetting to assess its values alignment."
      />
      <Card className="p-5">
        <PartnerForm tenantSlug={tenant} />
      </Card>
    </div>
  );
}
