import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, ScrollCard } from "@/components/ui/card";
import { HelpDisclosure } from "@/components/ui/help-disclosure";
import { ACTION_STATUS_LABELS, PLAN_STATUS_LABELS, type ActionStatus, type PlanStatus } from "@/lib/plans/lifecycle";
import { describeMovement } from "@/lib/plans/progress";
import type { ActionView, PlanSummary } from "@/lib/plans/queries";
import { safeHref } from "@/lib/validation/web-url";

const PLAN_TONE: Record<PlanStatus, BadgeTone> = {
  DRAFT: "slate",
  PROPOSED: "blue",
  ACCEPTED: "violet",
  DISPUTED: "amber",
  IN_PROGRESS: "violet",
  VERIFIED: "green",
  CLOSED_UNMET: "red",
};
const ACTION_TONE: Record<ActionStatus, BadgeTone> = { OPEN: "slate", DONE: "blue", VERIFIED: "green" };

export function PlanStatusBadge({ status }: { status: PlanStatus }) {
  return (
    <Badge tone={PLAN_TONE[status]} data-testid="plan-status">
      {PLAN_STATUS_LABELS[status]}
    </Badge>
  );
}

const day = (d: Date) => d.toISOString().slice(0, 10);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** "2 of 3 actions done · 1 overdue", in words. */
export function ProgressLine({ plan, help }: { plan: PlanSummary; help?: boolean }) {
  const { done, total, overdue } = plan.progress;
  return (
    <p className="text-sm" data-testid="plan-progress">
      <span className="font-medium tabular-nums">
        {done} of {plural(total, "action")} done
      </span>
      {overdue > 0 ? (
        <span className="font-medium text-red-700"> · {overdue} overdue</span>
      ) : (
        <span className="text-slate-600"> · none overdue</span>
      )}
      {help && <HelpDisclosure topic="planProgress" />}
    </p>
  );
}

/** A partner's open plans with their progress and the movement of each action's metric (scorecard, partner, portal). */
export function PlanPanel({
  plans,
  openCount,
  hrefFor,
  empty,
  children,
}: {
  plans: PlanSummary[];
  openCount: number;
  hrefFor: (planId: string) => string;
  empty: string;
  children?: React.ReactNode;
}) {
  return (
    <Card className="space-y-3 p-5" data-testid="plan-panel">
      <h2 className="text-base font-semibold">Corrective-action plans</h2>
      {plans.length === 0 ? <p className="text-sm text-slate-600">{empty}</p> : null}
      <ul className="space-y-3">
        {plans.map((plan) => (
          <li key={plan.id} className="space-y-1 rounded-md border border-slate-200 p-3">
            <div className="flex flex-wrap items-center gap-2">
              <Link href={hrefFor(plan.id)} className="min-w-0 font-medium text-brand-700 underline">
                {plan.title}
              </Link>
              <PlanStatusBadge status={plan.status} />
            </div>
            <ProgressLine plan={plan} help />
            <MovementList actions={plan.actions} />
          </li>
        ))}
      </ul>
      {openCount > plans.length ? (
        <p className="text-xs text-slate-600">
          {openCount - plans.length} more open plan{openCount - plans.length === 1 ? "" : "s"}.
        </p>
      ) : null}
      {children}
    </Card>
  );
}

function MovementList({ actions }: { actions: ActionView[] }) {
  if (actions.length === 0) return <p className="text-xs text-slate-600">No actions yet.</p>;
  return (
    <ul className="space-y-0.5 text-xs text-slate-600">
      {actions.map((a) => (
        <li key={a.id} data-testid="plan-movement">
          <span className="font-medium text-slate-800">{a.metricLabel}</span>: {describeMovement(a.movement)}
        </li>
      ))}
    </ul>
  );
}

/** The plan's facts, its actions (with per-action controls from the page) and its timeline. */
export function PlanView({
  plan,
  reason,
  actionControls,
  events,
}: {
  plan: PlanSummary;
  reason: React.ReactNode;
  actionControls?: (action: ActionView) => React.ReactNode;
  events: { id: string; type: string; body: string | null; link: string | null; actorLabel: string; createdAt: Date }[];
}) {
  return (
    <div className="space-y-6">
      <Card className="flex flex-wrap items-start gap-x-10 gap-y-3 p-5" data-testid="plan-summary">
        <div>
          <p className="text-xs text-slate-500">Status</p>
          <PlanStatusBadge status={plan.status} />
        </div>
        <div>
          <p className="text-xs text-slate-500">Partner</p>
          <p className="font-medium">{plan.partnerName}</p>
        </div>
        <div className="min-w-0">
          <p className="text-xs text-slate-500">Reason</p>
          <div className="text-sm">{reason}</div>
        </div>
        <div>
          <p className="text-xs text-slate-500">Progress</p>
          <ProgressLine plan={plan} help />
        </div>
        {plan.status === "DISPUTED" && plan.disputeReason ? (
          <div className="min-w-0 basis-full">
            <p className="text-xs text-slate-500">Why the partner disputes it</p>
            <p className="text-sm" data-testid="dispute-reason">
              {plan.disputeReason}
            </p>
          </div>
        ) : null}
      </Card>
      <section aria-labelledby="actions-heading" className="space-y-3">
        <h2 id="actions-heading" className="text-lg font-semibold">
          Actions
        </h2>
        {plan.actions.length === 0 ? (
          <Card className="p-5 text-sm text-slate-600">No actions yet.</Card>
        ) : (
          <ScrollCard label="Actions of the plan">
            <table className="w-full min-w-[44rem] text-left text-sm">
              <thead className="bg-slate-50 text-xs uppercase text-slate-500">
                <tr>
                  <th className="px-4 py-2">Action</th>
                  <th className="px-4 py-2">Owner</th>
                  <th className="px-4 py-2">Due</th>
                  <th className="px-4 py-2">
                    Metric: baseline → latest (target) <HelpDisclosure topic="metricMovement" />
                  </th>
                  <th className="px-4 py-2">Status</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {plan.actions.map((a) => (
                  <tr key={a.id} data-testid="plan-action" className="align-top">
                    <td className="px-4 py-3">
                      <p className="font-medium">{a.description}</p>
                      {actionControls ? <div className="mt-2">{actionControls(a)}</div> : null}
                    </td>
                    <td className="px-4 py-3">{a.owner}</td>
                    <td className="px-4 py-3 tabular-nums">
                      {day(a.dueOn)}
                      {a.overdue ? <span className="block text-xs font-medium text-red-700">Overdue</span> : null}
                      {a.dueSoonInDays !== null ? (
                        <span className="block text-xs font-medium text-amber-800" data-testid="action-due-soon">
                          {dueSoonLabel(a.dueSoonInDays)}
                        </span>
                      ) : null}
                    </td>
                    <td className="px-4 py-3">
                      <span className="block font-medium">{a.metricLabel}</span>
                      <span className="text-xs text-slate-600">{describeMovement(a.movement)}</span>
                    </td>
                    <td className="px-4 py-3">
                      <Badge tone={ACTION_TONE[a.status]} data-testid="action-status">
                        {ACTION_STATUS_LABELS[a.status]}
                      </Badge>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollCard>
        )}
      </section>
      <section aria-labelledby="timeline-heading" className="space-y-3">
        <h2 id="timeline-heading" className="text-lg font-semibold">
          Timeline
        </h2>
        <Card>
          <ol className="divide-y divide-slate-100 text-sm" data-testid="plan-timeline">
            {events.map((e) => (
              <li key={e.id} className="px-4 py-3">
                <p className="flex flex-wrap gap-x-3 text-xs text-slate-500">
                  <span className="font-medium text-slate-700">{EVENT_LABELS[e.type] ?? e.type}</span>
                  <span>{e.actorLabel}</span>
                  <time dateTime={e.createdAt.toISOString()}>
                    {e.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC
                  </time>
                </p>
                {e.body ? <p className="mt-1 whitespace-pre-line break-words">{e.body}</p> : null}
                {safeHref(e.link) ? (
                  <a
                    href={safeHref(e.link)!}
                    className="mt-1 block break-all text-brand-700 underline"
                    rel="noopener noreferrer nofollow"
                  >
                    {e.link}
                  </a>
                ) : null}
              </li>
            ))}
          </ol>
        </Card>
      </section>
    </div>
  );
}

/** "Due today", "Due tomorrow", "Due in 2 days". */
function dueSoonLabel(days: number): string {
  if (days === 0) return "Due today";
  return days === 1 ? "Due tomorrow" : `Due in ${days} days`;
}

const EVENT_LABELS: Record<string, string> = {
  OPENED: "Plan opened",
  ACTION_ADDED: "Action added",
  ACTION_REMOVED: "Action removed",
  PROPOSED: "Proposed to the partner",
  ACCEPTED: "Accepted by the partner",
  DISPUTED: "Disputed by the partner",
  STARTED: "Work started",
  EVIDENCE: "Evidence posted",
  ACTION_DONE: "Action marked done",
  ACTION_VERIFIED: "Action verified",
  ACTION_REOPENED: "Action reopened",
  REMINDED: "Owner reminded of the due date",
  OVERDUE: "Action overdue",
  VERIFIED: "Plan verified and closed",
  CLOSED_UNMET: "Plan closed, unmet",
};
