import type { z } from "zod";
import type { Db } from "@/lib/db/scope";
import { listPlans, planDetail, type ActionView, type PlanSummary } from "@/lib/plans/queries";
import { evidenceSchema } from "@/lib/plans/schemas";
import { applyPlanEvent, postEvidence } from "@/lib/plans/update-plan";
import type { ApiPrincipal } from "../keys";
import { pageArgs, toPage, type Pagination } from "../pagination";
import { ApiProblem, notFound } from "../problem";
import type { Plan, PlanAction, PlanDecisionInput, PlanEvidenceInput, PlanListQuery } from "../schemas";

// Corrective-action plans over the API: never a draft (the brand is still writing it). A partner key reads and
// writes only its own partner's plans (row-level security, and the partnerId filter below).

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A partner key acting on its partner's plan, as the timeline names it. */
const partnerKeyActor = (principal: ApiPrincipal) =>
  ({ userId: null, label: `api key ${principal.name}`, kind: "partner" }) as const;

function planJson(p: PlanSummary): z.infer<typeof Plan> {
  return {
    id: p.id,
    partnerId: p.partnerId,
    title: p.title,
    source: p.source as "SCORECARD" | "INCIDENT_PATTERN",
    reason: p.reason,
    scorecardId: p.scorecardId,
    status: p.status as z.infer<typeof Plan>["status"],
    disputeReason: p.disputeReason,
    progress: p.progress,
    createdAt: p.createdAt.toISOString(),
    proposedAt: iso(p.proposedAt),
    acceptedAt: iso(p.acceptedAt),
    closedAt: iso(p.closedAt),
  };
}

function actionJson(a: ActionView): z.infer<typeof PlanAction> {
  return {
    id: a.id,
    description: a.description,
    owner: a.owner,
    dueOn: a.dueOn.toISOString().slice(0, 10),
    metric: a.metric as z.infer<typeof PlanAction>["metric"],
    standardId: a.standardId,
    status: a.status,
    overdue: a.overdue,
    doneAt: iso(a.doneAt),
    verifiedAt: iso(a.verifiedAt),
    movement: a.movement,
  };
}

export async function listPlansApi(db: Db, principal: ApiPrincipal, query: z.output<typeof PlanListQuery>) {
  if (principal.partnerId && query.partnerId && query.partnerId !== principal.partnerId)
    return { data: [], next_cursor: null };
  const args = pageArgs(query as Pagination);
  const partnerId = principal.partnerId ?? query.partnerId;
  const rows = await db.correctivePlan.findMany({
    ...args,
    where: {
      ...args.where,
      tenantId: principal.tenantId,
      status: query.status ?? { not: "DRAFT" },
      ...(partnerId ? { partnerId } : {}),
    },
    select: { id: true },
  });
  const page = toPage(rows, query, (r) => r.id);
  const { plans } = await listPlans(db, principal.tenantId, { ids: page.data, pageSize: page.data.length || 1 });
  const byId = new Map(plans.map((p) => [p.id, p]));
  return {
    data: page.data.flatMap((id) => (byId.has(id) ? [planJson(byId.get(id)!)] : [])),
    next_cursor: page.next_cursor,
  };
}

async function visiblePlan(db: Db, principal: ApiPrincipal, id: string) {
  const detail = await planDetail(db, principal.tenantId, id);
  if (
    !detail ||
    detail.plan.status === "DRAFT" ||
    (principal.partnerId && detail.plan.partnerId !== principal.partnerId)
  )
    throw notFound("Plan");
  return detail.plan;
}

export async function getPlanApi(db: Db, principal: ApiPrincipal, id: string) {
  const plan = await visiblePlan(db, principal, id);
  return { ...planJson(plan), actions: plan.actions.map(actionJson) };
}

/** Evidence for an action of the plan (the action must belong to it), optionally marking it done. */
export async function postPlanEvidenceApi(
  db: Db,
  principal: ApiPrincipal,
  params: { id: string; actionId: string },
  body: z.output<typeof PlanEvidenceInput>,
) {
  const plan = await visiblePlan(db, principal, params.id);
  if (!plan.actions.some((a) => a.id === params.actionId)) throw notFound("Action");
  if (!principal.partnerId)
    throw new ApiProblem(403, "Evidence is posted by the partner: use an API key scoped to the plan's partner.");
  const input = evidenceSchema.safeParse({ actionId: params.actionId, ...body });
  if (!input.success)
    throw new ApiProblem(
      422,
      "Some fields are invalid; see errors.",
      input.error.issues.map((i) => ({ field: `body.${i.path.join(".")}`, message: i.message })),
    );
  return postEvidence(db, principal.tenantId, input.data, partnerKeyActor(principal));
}

/** The partner accepts the proposed plan, or disputes it with a reason (the plan goes back to the brand). */
export async function decidePlanApi(
  db: Db,
  principal: ApiPrincipal,
  id: string,
  body: z.output<typeof PlanDecisionInput>,
) {
  const plan = await visiblePlan(db, principal, id);
  if (!principal.partnerId)
    throw new ApiProblem(403, "The partner accepts or disputes a plan: use an API key scoped to the plan's partner.");
  const result = await applyPlanEvent(
    db,
    principal.tenantId,
    { planId: plan.id, event: body.decision, reason: body.reason },
    partnerKeyActor(principal),
  );
  return {
    id: result.id,
    status: result.to as z.infer<typeof Plan>["status"],
    disputeReason: body.decision === "dispute" ? (body.reason ?? null) : null,
  };
}
