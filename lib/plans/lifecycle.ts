// The corrective-action plan's state machine, as data and pure functions (no database, no React).
//
//   DRAFT ──propose──▶ PROPOSED ──accept──▶ ACCEPTED ──start──▶ IN_PROGRESS ──verify──▶ VERIFIED
//                        ▲    └──dispute──▶ DISPUTED                 │
//                        └────repropose─────────┘                     └──close unmet──▶ CLOSED_UNMET
//
// The steward drafts, proposes, re-proposes after a dispute, verifies and closes; the partner's admins accept or
// dispute. A plan starts (ACCEPTED → IN_PROGRESS) when the partner first posts evidence or marks an action done, or
// when the steward starts it. It is verified only when every action is verified.

export const PLAN_STATUSES = [
  "DRAFT",
  "PROPOSED",
  "ACCEPTED",
  "DISPUTED",
  "IN_PROGRESS",
  "VERIFIED",
  "CLOSED_UNMET",
] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

const ACTION_STATUSES = ["OPEN", "DONE", "VERIFIED"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export type PlanEventName = "propose" | "accept" | "dispute" | "start" | "verify" | "closeUnmet";
export type PlanSide = "steward" | "partner";

type TransitionRule = { from: readonly PlanStatus[]; to: PlanStatus; by: PlanSide };

export const PLAN_TRANSITIONS: Record<PlanEventName, TransitionRule> = {
  propose: { from: ["DRAFT", "DISPUTED"], to: "PROPOSED", by: "steward" },
  accept: { from: ["PROPOSED"], to: "ACCEPTED", by: "partner" },
  dispute: { from: ["PROPOSED"], to: "DISPUTED", by: "partner" },
  start: { from: ["ACCEPTED"], to: "IN_PROGRESS", by: "steward" },
  verify: { from: ["ACCEPTED", "IN_PROGRESS"], to: "VERIFIED", by: "steward" },
  closeUnmet: { from: ["ACCEPTED", "IN_PROGRESS", "DISPUTED"], to: "CLOSED_UNMET", by: "steward" },
};

export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
  DRAFT: "Draft",
  PROPOSED: "Proposed",
  ACCEPTED: "Accepted",
  DISPUTED: "Disputed",
  IN_PROGRESS: "In progress",
  VERIFIED: "Verified",
  CLOSED_UNMET: "Closed, unmet",
};

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  OPEN: "Open",
  DONE: "Done, awaiting verification",
  VERIFIED: "Verified",
};

export type TransitionContext = {
  by: PlanSide;
  /** The statuses of the plan's actions. */
  actions: readonly ActionStatus[];
  /** A dispute's reason. */
  reason?: string;
};

export type TransitionResult<S = PlanStatus> = { ok: true; to: S } | { ok: false; message: string };

/** Whether `event` may move a plan in status `from`, for whom, and where it leads. */
export function planTransition(from: PlanStatus, event: PlanEventName, context: TransitionContext): TransitionResult {
  const rule = PLAN_TRANSITIONS[event];
  if (rule.by !== context.by)
    return {
      ok: false,
      message: rule.by === "partner" ? "Only the partner can do this." : "Only the brand's stewards can do this.",
    };
  if (!rule.from.includes(from))
    return { ok: false, message: `A ${PLAN_STATUS_LABELS[from].toLowerCase()} plan cannot be ${EVENT_VERBS[event]}.` };
  if (event === "propose" && context.actions.length === 0)
    return { ok: false, message: "Add at least one action before proposing the plan." };
  if (event === "dispute" && !context.reason?.trim()) return { ok: false, message: "Say why you dispute the plan." };
  if (event === "verify" && (context.actions.length === 0 || context.actions.some((a) => a !== "VERIFIED")))
    return { ok: false, message: "Verify every action before closing the plan as verified." };
  return { ok: true, to: rule.to };
}

const EVENT_VERBS: Record<PlanEventName, string> = {
  propose: "proposed",
  accept: "accepted",
  dispute: "disputed",
  start: "started",
  verify: "closed as verified",
  closeUnmet: "closed as unmet",
};

/** The events `side` can send a plan in `status` now (for the buttons a page shows). */
export function availableEvents(status: PlanStatus, side: PlanSide): PlanEventName[] {
  return (Object.keys(PLAN_TRANSITIONS) as PlanEventName[]).filter((event) => {
    const rule = PLAN_TRANSITIONS[event];
    return rule.by === side && rule.from.includes(status);
  });
}

/** Plans whose actions are still being worked on (due dates run, evidence may be posted). */
export function isPlanActive(status: PlanStatus): boolean {
  return status === "ACCEPTED" || status === "IN_PROGRESS";
}

/**
 * Actions may be added or removed while the plan is a draft or disputed, never while it is proposed: the partner
 * accepts exactly the actions it was shown (a change goes back through a dispute and a new proposal).
 */
export function canEditActions(status: PlanStatus): boolean {
  return status === "DRAFT" || status === "DISPUTED";
}

export type ActionEventName = "markDone" | "verify" | "reopen";

const ACTION_TRANSITIONS: Record<ActionEventName, { from: readonly ActionStatus[]; to: ActionStatus; by: PlanSide }> = {
  markDone: { from: ["OPEN"], to: "DONE", by: "partner" },
  verify: { from: ["DONE"], to: "VERIFIED", by: "steward" },
  reopen: { from: ["DONE", "VERIFIED"], to: "OPEN", by: "steward" },
};

/** An action's own step: the partner marks it done, the steward verifies or reopens it; only while the plan is active. */
export function actionTransition(
  plan: PlanStatus,
  from: ActionStatus,
  event: ActionEventName,
  by: PlanSide,
): TransitionResult<ActionStatus> {
  if (!isPlanActive(plan)) return { ok: false, message: "The plan must be accepted before its actions move." };
  const rule = ACTION_TRANSITIONS[event];
  if (rule.by !== by)
    return {
      ok: false,
      message: rule.by === "partner" ? "Only the partner can do this." : "Only the brand's stewards can do this.",
    };
  if (!rule.from.includes(from))
    return {
      ok: false,
      message: `This action is ${ACTION_STATUS_LABELS[from].toLowerCase()}: it cannot be changed so.`,
    };
  return { ok: true, to: rule.to };
}
