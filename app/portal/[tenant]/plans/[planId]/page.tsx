import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { partnerScope } from "@/lib/auth/access";
import { requirePartner } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { availableEvents, isPlanActive } from "@/lib/plans/lifecycle";
import { loadPortalPlanPage } from "@/lib/plans/pages";
import { PageHeader } from "@/components/ui/card";
import { EvidenceForm, MarkDoneButton, PlanEventButtons } from "@/components/plans/plan-forms";
import { PlanView } from "@/components/plans/plan-view";
import { markActionDoneAction, postEvidenceAction, respondToPlanAction } from "../actions";

export const metadata: Metadata = { title: "Corrective-action plan" };

export default async function PortalPlanPage({ params }: PageProps<"/portal/[tenant]/plans/[planId]">) {
  const { tenant, planId } = await params;
  const access = await requirePartner(tenant);
  // Scoped to the partner: another partner's plan, or a draft, is not found (404).
  const data = await loadPortalPlanPage(partnerScope(access), planId);
  if (!data) notFound();
  const { plan, events } = data;
  const admin = can(access.membership.role, "portal:admin");
  const respond = can(access.membership.role, "portal:respond");
  const active = isPlanActive(plan.status);
  return (
    <div className="space-y-6">
      <Link href={`/portal/${tenant}/plans`} className="text-sm text-brand-700 hover:underline">
        ← Your plans
      </Link>
      <PageHeader
        title={plan.title}
        description={`Proposed by ${access.tenant.name}${plan.proposedAt ? ` on ${plan.proposedAt.toISOString().slice(0, 10)}` : ""}.`}
      />
      {admin ? (
        <PlanEventButtons
          tenantSlug={tenant}
          planId={plan.id}
          events={availableEvents(plan.status, "partner")}
          action={respondToPlanAction}
        />
      ) : plan.status === "PROPOSED" ? (
        <p className="text-sm text-slate-600">Your partner admin accepts or disputes the plan.</p>
      ) : null}
      <PlanView
        plan={plan}
        reason={plan.reason}
        events={events}
        actionControls={
          respond && active
            ? (a) => (
                <div className="flex flex-wrap items-start gap-2">
                  <EvidenceForm
                    tenantSlug={tenant}
                    actionId={a.id}
                    canMarkDone={a.status === "OPEN"}
                    action={postEvidenceAction}
                  />
                  {a.status === "OPEN" ? (
                    <MarkDoneButton tenantSlug={tenant} actionId={a.id} action={markActionDoneAction} />
                  ) : null}
                </div>
              )
            : undefined
        }
      />
    </div>
  );
}
