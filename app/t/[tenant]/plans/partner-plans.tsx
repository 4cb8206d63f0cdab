import Link from "next/link";
import type { PlanPanelData } from "@/lib/plans/queries";
import { RECOMMENDATION_LABELS, type Recommendation } from "@/lib/scorecards/combine";
import { OpenPlanButton } from "@/components/plans/plan-forms";
import { PlanPanel } from "@/components/plans/plan-view";
import { monthLabel } from "@/components/scorecards/labels";
import { openPlanFromScorecardAction } from "./actions";

/** The partner's open plans with progress, next to its scorecard and on its page, with "open a plan" for stewards. */
export function PartnerPlans({ tenant, data, write }: { tenant: string; data: PlanPanelData; write: boolean }) {
  const base = `/t/${tenant}/plans`;
  return (
    <PlanPanel
      plans={data.open}
      openCount={data.openCount}
      hrefFor={(id) => `${base}/${id}`}
      empty="No open corrective-action plan."
    >
      {write && data.openable ? (
        <div className="flex flex-wrap items-center gap-3 border-t border-slate-100 pt-3 text-sm">
          <span>
            {monthLabel(data.openable.month)}: {RECOMMENDATION_LABELS[data.openable.recommendation as Recommendation]}.
          </span>
          <OpenPlanButton
            action={openPlanFromScorecardAction}
            input={{ tenantSlug: tenant, scorecardId: data.openable.scorecardId }}
            label="Open a corrective-action plan"
            plansPath={base}
          />
        </div>
      ) : null}
      <Link href={base} className="block text-xs text-brand-700 underline">
        All plans →
      </Link>
    </PlanPanel>
  );
}
