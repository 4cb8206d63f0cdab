import { apiRoute } from "@/lib/api/route";
import { IdParams, PlanDecisionInput } from "@/lib/api/schemas";
import { decidePlanApi } from "@/lib/api/resources/plans";

export const POST = apiRoute(
  { name: "plans.decision", params: IdParams, body: PlanDecisionInput, idempotent: true },
  async ({ db, principal, params, body, audit }) => {
    const result = await decidePlanApi(db, principal, params.id, body);
    audit({
      action: body.decision === "accept" ? "plan.accepted" : "plan.disputed",
      entityType: "CorrectivePlan",
      entityId: result.id,
      data: { via: "api", ...(body.reason ? { reason: body.reason } : {}) },
    });
    return { status: 200, body: result };
  },
);
