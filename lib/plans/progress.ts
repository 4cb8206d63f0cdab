// Progress of a plan and the movement of the metric each action should move, as pure functions.

import { isPlanActive, type ActionStatus, type PlanStatus } from "./lifecycle";

/** The metrics an action can move: the scorecard's overall score, a sub-score, or one experience standard. */
export const PLAN_METRICS = [
  "score",
  "complianceScore",
  "experienceScore",
  "incidentScore",
  "valueScore",
  "engagementScore",
  "standard",
] as const;
export type PlanMetric = (typeof PLAN_METRICS)[number];
export type ScoreMetric = Exclude<PlanMetric, "standard">;

export const PLAN_METRIC_LABELS: Record<PlanMetric, string> = {
  score: "Overall score",
  complianceScore: "Standards compliance sub-score",
  experienceScore: "Customer experience sub-score",
  incidentScore: "Incident performance sub-score",
  valueScore: "Customer value sub-score",
  engagementScore: "Partner engagement sub-score",
  standard: "An experience standard",
};

export const isScoreMetric = (metric: string): metric is ScoreMetric =>
  metric !== "standard" && (PLAN_METRICS as readonly string[]).includes(metric);

/** After this many days past the due date, an open action escalates to the plan's channel manager. */
export const OVERDUE_GRACE_DAYS = 3;

const DAY_MS = 24 * 60 * 60 * 1000;

/** When an action due on `dueOn` (a date, UTC) becomes overdue: the end of its due day. */
function overdueFrom(dueOn: Date): Date {
  const start = Date.UTC(dueOn.getUTCFullYear(), dueOn.getUTCMonth(), dueOn.getUTCDate());
  return new Date(start + DAY_MS);
}

/**
 * The overdue level an open action has reached at `now`: 0 not overdue, 1 overdue (its owner and the partner's admins
 * are told), 2 still overdue after the grace period (the channel manager is told).
 */
export function overdueLevel(dueOn: Date, now: Date, graceDays = OVERDUE_GRACE_DAYS): 0 | 1 | 2 {
  const overdue = overdueFrom(dueOn).getTime();
  if (now.getTime() < overdue) return 0;
  return now.getTime() >= overdue + graceDays * DAY_MS ? 2 : 1;
}

export type OverdueInput = { status: ActionStatus; dueOn: Date; escalationLevel: number };

/** The levels to raise now, in order, for an action of a plan in `planStatus`: each level once, only while it is open. */
export function overdueLevelsDue(
  action: OverdueInput,
  planStatus: PlanStatus,
  now: Date,
  graceDays = OVERDUE_GRACE_DAYS,
): (1 | 2)[] {
  if (action.status !== "OPEN" || !isPlanActive(planStatus)) return [];
  const reached = overdueLevel(action.dueOn, now, graceDays);
  const levels: (1 | 2)[] = [];
  for (const level of [1, 2] as const) if (level <= reached && level > action.escalationLevel) levels.push(level);
  return levels;
}

export function isOverdue(action: { status: ActionStatus; dueOn: Date }, now: Date): boolean {
  return action.status === "OPEN" && overdueLevel(action.dueOn, now) > 0;
}

/** An open action is reminded once, this many days before its due day begins. */
export const REMINDER_DAYS = 2;

/** When the reminder window of an action due on `dueOn` opens: REMINDER_DAYS before the start of its due day. */
export function reminderFrom(dueOn: Date, days = REMINDER_DAYS): Date {
  return new Date(overdueFrom(dueOn).getTime() - (days + 1) * DAY_MS);
}

/** Whole days from `now`'s day to the due day (0 on the due day), for an action not yet overdue; else null. */
export function daysUntilDue(action: { status: ActionStatus; dueOn: Date }, now: Date): number | null {
  if (action.status !== "OPEN" || overdueLevel(action.dueOn, now) > 0) return null;
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.round((overdueFrom(action.dueOn).getTime() - DAY_MS - today) / DAY_MS);
}

/** Days left to the due day (0 on it) while the action is open and inside its reminder window; else null. */
export function dueSoonInDays(
  action: { status: ActionStatus; dueOn: Date },
  now: Date,
  days = REMINDER_DAYS,
): number | null {
  const left = daysUntilDue(action, now);
  return left !== null && left <= days ? left : null;
}

/** Due within the reminder window and not overdue: the plan's page marks it, and its owner is reminded once. */
export function isDueSoon(action: { status: ActionStatus; dueOn: Date }, now: Date, days = REMINDER_DAYS): boolean {
  return dueSoonInDays(action, now, days) !== null;
}

export type ReminderInput = { status: ActionStatus; dueOn: Date; createdAt: Date; remindedAt: Date | null };

/**
 * Whether an action's one reminder is due at `now`: open, in an active plan, inside its window, not reminded yet, and
 * known to its owner before the window opened (added and accepted earlier). An action agreed to two days before its
 * due date needs no reminder of it.
 */
export function reminderDue(
  action: ReminderInput,
  plan: { status: PlanStatus; acceptedAt: Date | null },
  now: Date,
  days = REMINDER_DAYS,
): boolean {
  if (action.remindedAt || !isPlanActive(plan.status) || !isDueSoon(action, now, days)) return false;
  const opens = reminderFrom(action.dueOn, days).getTime();
  return action.createdAt.getTime() < opens && plan.acceptedAt !== null && plan.acceptedAt.getTime() < opens;
}

export type PlanProgress = { total: number; done: number; verified: number; overdue: number };

/** Actions done (done or verified) out of all, how many are verified, and how many open ones are past due. */
export function planProgress(actions: readonly { status: ActionStatus; dueOn: Date }[], now: Date): PlanProgress {
  return {
    total: actions.length,
    done: actions.filter((a) => a.status !== "OPEN").length,
    verified: actions.filter((a) => a.status === "VERIFIED").length,
    overdue: actions.filter((a) => isOverdue(a, now)).length,
  };
}

export type MetricMovement = {
  baseline: number | null;
  latest: number | null;
  target: number | null;
  /** latest − baseline. */
  change: number | null;
  /** Share of the way from baseline to target covered (negative when it moved away), null when not measurable. */
  progress: number | null;
  reached: boolean;
};

/**
 * How far the metric moved since the plan opened: from its baseline to the latest published value, against the
 * target. A target below the baseline means lower is better (e.g. a time to resolve).
 */
export function metricMovement(baseline: number | null, latest: number | null, target: number | null): MetricMovement {
  const change = baseline !== null && latest !== null ? latest - baseline : null;
  const lowerIsBetter = baseline !== null && target !== null && target < baseline;
  const reached = latest !== null && target !== null && (lowerIsBetter ? latest <= target : latest >= target);
  const gap = baseline !== null && target !== null ? target - baseline : null;
  const progress = change !== null && gap !== null && gap !== 0 ? change / gap : null;
  return { baseline, latest, target, change, progress, reached };
}

/** The movement in plain words, e.g. "48.0 → 55.5 (target 65.0): 44% of the way". */
export function describeMovement(m: MetricMovement, digits = 1): string {
  const f = (v: number | null) => (v === null ? "—" : v.toFixed(digits));
  const head = `${f(m.baseline)} → ${f(m.latest)} (target ${f(m.target)})`;
  if (m.latest === null) return `${head}: no published value since the plan opened`;
  if (m.reached) return `${head}: target reached`;
  if (m.progress === null) return head;
  if (m.progress < 0) return `${head}: moved away from the target`;
  return `${head}: ${Math.round(m.progress * 100)}% of the way`;
}
