import { apiRoute } from "@/lib/api/route";
import { PlanActionParams, PlanEvidenceInput } from "@/lib/api/schemas";
import { postPlanEvidenceApi } from "@/lib/api/resources/plans";

export const POST = apiRoute(
  { name: "plans.evidence", params: PlanActionParams, body: PlanEvidenceInput, idempotent: true },
  async ({ db, principal, params, body, audit }) => {
    const result = await postPlanEvidenceApi(db, principal, params, body);
    audit({
      action: "plan.evidence_posted",
      entityType: "CorrectivePlan",
      entityId: result.planId,
      data: { actionId: result.id, markDone: body.markDone ?? false, via: "api" },
    });
    return { status: 201, body: result };
  },
);
