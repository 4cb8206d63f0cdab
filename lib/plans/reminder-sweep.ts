import { prisma } from "@/lib/db/client";
import type { Db } from "@/lib/db/scope";
import { type DueAction, sweepActions, sweptActionSelect } from "./action-sweep";
import { tellOfAction } from "./action-notices";
import type { ActionStatus, PlanStatus } from "./lifecycle";
import { REMINDER_DAYS, reminderDue } from "./progress";

// An open action's owner is reminded once, REMINDER_DAYS days before its due day, so that "overdue" is not the first
// they hear of it again. Exactly once however many sweeps run at once: remindedAt is set by a compare-and-set, and
// only the transaction that sets it writes the timeline event, the notification and the e-mail.

export type PlanReminderResult = { due: number; reminded: number; failed: number };

/** (tenantId, actionId) of actions whose reminder is due, across tenants (a SECURITY DEFINER function). */
async function dueReminders(now: Date, limit: number): Promise<DueAction[]> {
  return prisma()
    .$queryRaw`select "tenantId", "actionId" from due_plan_action_reminders(${now.toISOString()}::timestamptz at time zone 'UTC', ${REMINDER_DAYS}::integer, ${limit}::integer)`;
}

export async function runPlanReminderSweep(now = new Date(), limit = 500): Promise<PlanReminderResult> {
  const rows = await dueReminders(now, limit);
  const { done, failed } = await sweepActions(rows, "plan action reminder failed", async (db, tenantId, actionId) =>
    (await remindPlanAction(db, tenantId, actionId, now)) ? 1 : 0,
  );
  return { due: rows.length, reminded: done, failed };
}

/** Reminds an action's owner that it is due soon, if that is due and nobody did; true when this call did. */
async function remindPlanAction(db: Db, tenantId: string, actionId: string, now = new Date()): Promise<boolean> {
  const action = await db.planAction.findFirst({ where: { tenantId, id: actionId }, select: sweptActionSelect });
  if (!action) return false;
  const plan = { status: action.plan.status as PlanStatus, acceptedAt: action.plan.acceptedAt };
  if (!reminderDue({ ...action, status: action.status as ActionStatus }, plan, now)) return false;
  const { count } = await db.planAction.updateMany({
    where: { tenantId, id: action.id, remindedAt: null, status: "OPEN" },
    data: { remindedAt: now },
  });
  if (count !== 1) return false; // another sweep got there first, or the action was just marked done

  await tellOfAction(db, tenantId, action, 0, now, {
    by: "Due-date reminder",
    event: "REMINDED",
    body: ({ owner, dueOn, ownerTold, anyone }) =>
      ownerTold
        ? `Due on ${dueOn}: ${owner} was reminded.`
        : anyone
          ? `Due on ${dueOn}: its owner has left the partner, so the partner's admins were reminded.`
          : `Due on ${dueOn}: nobody could be reminded (its owner has left and the partner has no admin).`,
    title: `Corrective action due ${action.dueOn.toISOString().slice(0, 10)}: ${action.description}`,
  });
  return true;
}
