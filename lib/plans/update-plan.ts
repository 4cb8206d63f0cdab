import type { z } from "zod";
import type { Db } from "@/lib/db/scope";
import { DomainError } from "@/lib/errors";
import type { Actor } from "@/lib/incidents/events";
import { type PlanEventInput, recordPlanEvent } from "./events";
import {
  actionTransition,
  canEditActions,
  isPlanActive,
  planTransition,
  type ActionStatus,
  type PlanSide,
  type PlanStatus,
} from "./lifecycle";
import { isScoreMetric, PLAN_METRIC_LABELS } from "./progress";
import type { actionStepSchema, addActionSchema, evidenceSchema, planEventSchema } from "./schemas";

// Every change to a plan after it is opened. Each loads its plan or action by (tenantId, id) first (under a partner's
// row-level security another partner's plan, or a draft, is simply not found), checks the state machine, writes, and
// adds one event to the plan's timeline.

const sideOf = (actor: Actor): PlanSide => (actor.kind === "partner" ? "partner" : "steward");

/** What every change shares: its transaction, the tenant, who acts and when. */
type Change = { db: Db; tenantId: string; actor: Actor; now: Date };

/** One change of a plan, called as (db, tenantId, input, actor, now?). */
function planChange<I, R>(change: (c: Change, input: I) => Promise<R>) {
  return (db: Db, tenantId: string, input: I, actor: Actor, now = new Date()) =>
    change({ db, tenantId, actor, now }, input);
}

/** Adds the change's event to the plan's timeline. */
const record = (c: Change, plan: { id: string; partnerId: string }, event: PlanEventInput) =>
  recordPlanEvent(c.db, c.tenantId, plan, c.actor, event, c.now);

/** A refused step of a state machine: "Only the partner…" is forbidden, anything else invalid. */
function refuse(message: string): never {
  throw new DomainError(message, message.startsWith("Only") ? "forbidden" : "invalid");
}

async function loadPlan(db: Db, tenantId: string, planId: string) {
  const plan = await db.correctivePlan.findFirst({
    where: { tenantId, id: planId },
    select: { id: true, partnerId: true, status: true, scorecardId: true, actions: { select: { status: true } } },
  });
  if (!plan) throw new DomainError("That plan was not found.", "not-found");
  return plan;
}

async function loadAction(db: Db, tenantId: string, actionId: string) {
  const action = await db.planAction.findFirst({
    where: { tenantId, id: actionId },
    select: {
      id: true,
      planId: true,
      partnerId: true,
      status: true,
      description: true,
      plan: { select: { id: true, partnerId: true, status: true } },
    },
  });
  if (!action) throw new DomainError("That action was not found.", "not-found");
  return action;
}

export const addPlanAction = planChange(async (c, input: z.output<typeof addActionSchema>) => {
  const { db, tenantId } = c;
  const plan = await loadPlan(db, tenantId, input.planId);
  if (!canEditActions(plan.status))
    throw new DomainError(
      "Actions can be added only while the plan is a draft or disputed: the partner accepts the actions it was shown.",
    );
  const [kind, ownerId] = input.owner.split(":") as ["member" | "contact", string];
  const owner =
    kind === "member"
      ? await db.membership.findFirst({
          where: { tenantId, id: ownerId, partnerId: plan.partnerId },
          select: { id: true },
        })
      : await db.partnerContact.findFirst({
          where: { tenantId, id: ownerId, partnerId: plan.partnerId },
          select: { id: true },
        });
  if (!owner) throw new DomainError("The owner must be a user or contact of this partner.", "not-found");
  let standardId: string | null = null;
  if (input.metric === "standard") {
    const standard = await db.experienceStandard.findFirst({
      where: { tenantId, id: input.standardId },
      select: { id: true },
    });
    if (!standard) throw new DomainError("That standard was not found.", "not-found");
    standardId = standard.id;
  }
  const baseline =
    input.baseline ??
    (await currentMetricValue(db, tenantId, plan.partnerId, input.metric, standardId, plan.scorecardId));
  const position = await db.planAction.count({ where: { tenantId, planId: plan.id } });
  const action = await db.planAction.create({
    data: {
      tenantId,
      planId: plan.id,
      partnerId: plan.partnerId,
      position,
      description: input.description,
      ownerMembershipId: kind === "member" ? owner.id : null,
      ownerContactId: kind === "contact" ? owner.id : null,
      dueOn: new Date(`${input.dueOn}T00:00:00Z`),
      metric: input.metric,
      standardId,
      baseline,
      target: input.target,
      createdAt: c.now,
    },
    select: { id: true },
  });
  await record(c, plan, { type: "ACTION_ADDED", body: input.description, actionId: action.id });
  return { id: action.id, planId: plan.id };
});

export const removePlanAction = planChange(async (c, actionId: string) => {
  const action = await loadAction(c.db, c.tenantId, actionId);
  if (!canEditActions(action.plan.status))
    throw new DomainError(
      "Actions can be removed only while the plan is a draft or disputed: the partner accepts the actions it was shown.",
    );
  await c.db.planAction.deleteMany({ where: { tenantId: c.tenantId, id: action.id } });
  await record(c, action.plan, { type: "ACTION_REMOVED", body: action.description });
  return { id: action.id, planId: action.planId };
});

const EVENT_TYPES = {
  propose: "PROPOSED",
  accept: "ACCEPTED",
  dispute: "DISPUTED",
  start: "STARTED",
  verify: "VERIFIED",
  closeUnmet: "CLOSED_UNMET",
} as const;

/** A step of the plan's own state machine (lib/plans/lifecycle.ts), by the side the actor is on. */
export const applyPlanEvent = planChange(async (c, input: z.output<typeof planEventSchema>) => {
  const plan = await loadPlan(c.db, c.tenantId, input.planId);
  const result = planTransition(plan.status, input.event, {
    by: sideOf(c.actor),
    actions: plan.actions.map((a) => a.status),
    reason: input.reason,
  });
  if (!result.ok) refuse(result.message);
  await setPlanStatus(c, plan.id, plan.status, result.to, input.event === "dispute" ? input.reason : undefined);
  await record(c, plan, { type: EVENT_TYPES[input.event], body: input.reason || null });
  return { id: plan.id, from: plan.status, to: result.to };
});

async function setPlanStatus(
  { db, tenantId, now }: Change,
  planId: string,
  from: PlanStatus,
  to: PlanStatus,
  disputeReason?: string,
) {
  // Compare-and-set on the status: a concurrent step on the same plan makes this one fail instead of overwriting it.
  const { count } = await db.correctivePlan.updateMany({
    where: { tenantId, id: planId, status: from },
    data: {
      status: to,
      ...(to === "PROPOSED" ? { proposedAt: now, disputeReason: null } : {}),
      ...(to === "ACCEPTED" ? { acceptedAt: now } : {}),
      ...(to === "DISPUTED" ? { disputeReason: disputeReason ?? null } : {}),
      ...(to === "VERIFIED" || to === "CLOSED_UNMET" ? { closedAt: now } : {}),
    },
  });
  if (count !== 1) throw new DomainError("The plan was changed meanwhile; reload and try again.", "conflict");
}

const STEP_EVENTS = { markDone: "ACTION_DONE", verify: "ACTION_VERIFIED", reopen: "ACTION_REOPENED" } as const;

/** The partner marks an action done; the steward verifies or reopens it. Marking done starts an accepted plan. */
export const stepPlanAction = planChange(async (c, input: z.output<typeof actionStepSchema>) => {
  const { now } = c;
  const action = await loadAction(c.db, c.tenantId, input.actionId);
  const result = actionTransition(action.plan.status, action.status, input.step, sideOf(c.actor));
  if (!result.ok) refuse(result.message);
  const { count } = await c.db.planAction.updateMany({
    where: { tenantId: c.tenantId, id: action.id, status: action.status },
    data: {
      status: result.to,
      doneAt: result.to === "DONE" ? now : result.to === "OPEN" ? null : undefined,
      verifiedAt: result.to === "VERIFIED" ? now : null,
    },
  });
  if (count !== 1) throw new DomainError("The action was changed meanwhile; reload and try again.", "conflict");
  if (input.step === "markDone") await startIfAccepted(c, action.plan);
  await record(c, action.plan, {
    type: STEP_EVENTS[input.step],
    body: input.note || action.description,
    actionId: action.id,
  });
  return { id: action.id, planId: action.planId, from: action.status as ActionStatus, to: result.to };
});

/** Evidence for an action (text and an optional link), and optionally marking it done in the same step. */
export const postEvidence = planChange(async (c, input: z.output<typeof evidenceSchema>) => {
  const action = await loadAction(c.db, c.tenantId, input.actionId);
  if (!isPlanActive(action.plan.status))
    throw new DomainError("Evidence can be posted once the plan is accepted and until it is closed.");
  await startIfAccepted(c, action.plan);
  await record(c, action.plan, { type: "EVIDENCE", body: input.body, link: input.link, actionId: action.id });
  const plan = { ...action.plan, status: "IN_PROGRESS" as const };
  if (input.markDone && action.status === "OPEN") {
    const result = actionTransition(plan.status, action.status, "markDone", sideOf(c.actor));
    if (!result.ok) throw new DomainError(result.message, "forbidden");
    await c.db.planAction.updateMany({
      where: { tenantId: c.tenantId, id: action.id, status: "OPEN" },
      data: { status: "DONE", doneAt: c.now },
    });
    await record(c, plan, { type: "ACTION_DONE", body: action.description, actionId: action.id });
  }
  return {
    id: action.id,
    planId: action.planId,
    status: input.markDone && action.status === "OPEN" ? "DONE" : action.status,
  };
});

async function startIfAccepted(c: Change, plan: { id: string; partnerId: string; status: PlanStatus }) {
  if (plan.status !== "ACCEPTED") return;
  await setPlanStatus(c, plan.id, "ACCEPTED", "IN_PROGRESS");
  await record(c, plan, { type: "STARTED", body: "Work on the plan started." });
}

/**
 * The metric's value when the plan opened, its default baseline: the sub-score of the scorecard the plan was opened
 * from (else the partner's latest published one), or the standard's latest verified assessed value.
 */
async function currentMetricValue(
  db: Db,
  tenantId: string,
  partnerId: string,
  metric: string,
  standardId: string | null,
  scorecardId: string | null,
): Promise<number | null> {
  if (isScoreMetric(metric)) {
    const card = await db.scorecard.findFirst({
      where: { tenantId, partnerId, status: "PUBLISHED", ...(scorecardId ? { id: scorecardId } : {}) },
      orderBy: { month: "desc" },
      select: { [metric]: true },
    });
    const value = card ? (card as Record<string, unknown>)[metric] : null;
    return typeof value === "number" ? value : null;
  }
  if (!standardId) return null;
  const assessment = await db.assessment.findFirst({
    where: { tenantId, partnerId, standardId, verification: "VERIFIED" },
    orderBy: { period: "desc" },
    select: { value: true },
  });
  return assessment?.value ?? null;
}

export const metricLabel = (metric: string, standardName?: string | null) =>
  metric === "standard"
    ? (standardName ?? "A standard")
    : (PLAN_METRIC_LABELS[metric as keyof typeof PLAN_METRIC_LABELS] ?? metric);
