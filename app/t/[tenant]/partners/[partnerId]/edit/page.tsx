import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireSteward } from "@/lib/auth/guards";
import { loadEditPartnerPage } from "@/lib/partners/pages";
import { Card, PageHeader } from "@/components/ui/card";
import { PartnerForm } from "../../partner-form";

export const metadata: Metadata = { title: "Edit partner" };

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");

export default async function EditPartnerPage({ params }: PageProps<"/t/[tenant]/partners/[partnerId]/edit">) {
  const { tenant, partnerId } = await params;
  const access = await requireSteward(tenant, "partners:write");
  const partner = await loadEditPartnerPage(access.tenant.id, partnerId);
  if (!partner) notFound();
  const contact = partner.contacts[0];
  return (
    <div className="max-w-3xl">
      <PageHeader title={`Edit ${partner.name}`} />
      <Card className="p-5">
        <PartnerForm
          tenantSlug={tenant}
          partnerId={partner.id}
          initial={{
            name: partner.name,
            type: partner.type,
            tier: partner.tier,
            region: partner.region,
            contractStart: day(partner.contractStart),
            contractEnd: day(partner.contractEnd),
            website: partner.website ?? "",
            description: partner.description ?? "",
            contactName: contact?.name ?? "",
            contactEmail: contact?.email ?? "",
            contactPhone: contact?.phone ?? "",
          }}
        />
      </Card>
    </div>
  );
}
