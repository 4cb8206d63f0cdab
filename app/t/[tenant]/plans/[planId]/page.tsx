import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireSteward } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { formatMonth } from "@/lib/months";
import { availableEvents, canEditActions, isPlanActive } from "@/lib/plans/lifecycle";
import { loadPlanPage } from "@/lib/plans/pages";
import { Card, PageHeader } from "@/components/ui/card";
import { AddActionForm, PlanEventButtons, StewardActionControls } from "@/components/plans/plan-forms";
import { PlanView } from "@/components/plans/plan-view";
import {
  addPlanActionAction,
  removePlanActionAction,
  stewardActionStepAction,
  stewardPlanEventAction,
} from "../actions";

export const metadata: Metadata = { title: "Corrective-action plan" };

export default async function PlanPage({ params }: PageProps<"/t/[tenant]/plans/[planId]">) {
  const { tenant, planId } = await params;
  const access = await requireSteward(tenant, "workspace:read");
  const data = await loadPlanPage(access.tenant.id, planId);
  if (!data) notFound();
  const { plan, events, scorecard, touchpoint } = data;
  const write = can(access.membership.role, "plans:write");
  const active = isPlanActive(plan.status);
  const editable = canEditActions(plan.status);
  const reason = scorecard ? (
    <Link
      href={`/t/${tenant}/scorecards/${plan.partnerId}?month=${formatMonth(scorecard.month)}`}
      className="text-brand-700 underline"
    >
      {plan.reason}
    </Link>
  ) : (
    <span>
      {plan.reason}
      {touchpoint ? (
        <>
          {" "}
          ·{" "}
          <Link href={`/t/${tenant}/partners/${plan.partnerId}#incidents`} className="text-brand-700 underline">
            the partner&apos;s incidents
          </Link>
        </>
      ) : null}
    </span>
  );
  return (
    <div className="space-y-6">
      <Link href={`/t/${tenant}/plans`} className="text-sm text-brand-700 hover:underline">
        ← All plans
      </Link>
      <PageHeader
        title={plan.title}
        description={`Opened ${plan.createdAt.toISOString().slice(0, 10)} for ${plan.partnerName}. The partner's admins see it in their portal once it is proposed.`}
      />
      {write ? (
        <PlanEventButtons
          tenantSlug={tenant}
          planId={plan.id}
          events={availableEvents(plan.status, "steward")}
          action={stewardPlanEventAction}
        />
      ) : (
        <p className="text-sm text-slate-600" data-testid="read-only-note">
          You can read this plan; stewards change it.
        </p>
      )}
      <PlanView
        plan={plan}
        reason={reason}
        events={events}
        actionControls={
          write
            ? (a) => (
                <StewardActionControls
                  tenantSlug={tenant}
                  actionId={a.id}
                  canVerify={active && a.status === "DONE"}
                  canReopen={active && a.status !== "OPEN"}
                  canRemove={editable}
                  step={stewardActionStepAction}
                  remove={removePlanActionAction}
                />
              )
            : undefined
        }
      />
      {write && editable ? (
        <Card className="space-y-4 p-5">
          <h2 className="text-lg font-semibold">Add an action</h2>
          <AddActionForm
            tenantSlug={tenant}
            planId={plan.id}
            owners={data.owners}
            standards={data.standards}
            action={addPlanActionAction}
          />
        </Card>
      ) : null}
    </div>
  );
}
