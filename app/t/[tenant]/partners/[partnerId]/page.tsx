import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireSteward } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { loadPartnerPage } from "@/lib/partners/pages";
import { PageHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { ProfileCard } from "./profile-card";
import { LifecycleCard } from "./lifecycle-card";
import { AlignmentSection } from "./alignment-section";
import { AssessmentsSection, StandardsSection, TouchpointsSection } from "./standards-sections";
import { IncidentsSection } from "./incidents-section";
import { ScorecardSection } from "./scorecard-section";
import { PartnerPlans } from "../../plans/partner-plans";

export const metadata: Metadata = { title: "Partner" };

export default async function PartnerPage({ params }: PageProps<"/t/[tenant]/partners/[partnerId]">) {
  const { tenant, partnerId } = await params;
  const access = await requireSteward(tenant);
  const tenantId = access.tenant.id;
  const write = can(access.membership.role, "partners:write");
  const data = await loadPartnerPage(tenantId, partnerId);
  if (!data) notFound();
  const { partner, standards, assessments, incidents, openIncidents, history, questions, compliance } = data;
  const base = `/t/${tenant}`;
  return (
    <div className="space-y-6">
      <PageHeader
        title={partner.name}
        description={partner.description ?? undefined}
        actions={
          write ? (
            <Link href={`${base}/partners/${partner.id}/edit`} className={buttonClass("secondary")}>
              Edit partner
            </Link>
          ) : undefined
        }
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <ProfileCard
          partner={partner}
          compliance={compliance}
          openIncidents={openIncidents}
          incentiveTier={data.incentiveTier}
          base={base}
        />
        <LifecycleCard tenant={tenant} write={write} partner={partner} history={history} />
      </div>

      <AlignmentSection tenant={tenant} base={base} write={write} partner={partner} questions={questions} />

      <div className="grid gap-4 *:min-w-0 lg:grid-cols-2">
        <TouchpointsSection base={base} partner={partner} />
        <StandardsSection standards={standards} compliance={compliance} />
        <AssessmentsSection base={base} assessments={assessments} />
        <IncidentsSection base={base} incidents={incidents} />
      </div>
      <ScorecardSection tenant={tenant} partnerId={partnerId} data={data} />
      <PartnerPlans tenant={tenant} data={data.plans} write={can(access.membership.role, "plans:write")} />
    </div>
  );
}
