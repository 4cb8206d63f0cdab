import Link from "next/link";
import { loadSetupChecklist, SETUP_STEPS, type SetupStep } from "@/lib/onboarding/checklist";
import { Card } from "@/components/ui/card";

const NEXT_STEP_LABELS: Record<SetupStep, string> = {
  touchpoints: "map your touchpoints",
  partners: "add your partners",
  standards: "set experience standards",
  invitations: "invite your partners",
  data: "import or connect your data",
  scorecard: "recompute values and publish a first scorecard",
};

/** On the dashboard until the workspace is set up: how far it is and the next step. Nothing once all are done. */
export async function SetupBanner({ tenantId, base }: { tenantId: string; base: string }) {
  const state = await loadSetupChecklist(tenantId);
  if (state.next === null) return null;
  return (
    <Card className="flex flex-wrap items-center justify-between gap-3 border-brand-600 p-4" data-testid="setup-banner">
      <div>
        <p className="font-semibold">
          Set up your workspace: {state.completed} of {SETUP_STEPS.length} steps done
        </p>
        <p className="text-sm text-slate-700">Next: {NEXT_STEP_LABELS[state.next]}.</p>
      </div>
      <Link
        href={`${base}/setup`}
        className="rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-brand-700"
      >
        Continue setup
      </Link>
    </Card>
  );
}
