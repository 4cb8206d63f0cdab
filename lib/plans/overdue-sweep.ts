import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db/client";
import type { Db } from "@/lib/db/scope";
import { type DueAction, sweepActions, sweptActionSelect } from "./action-sweep";
import { tellOfAction } from "./action-notices";
import { OVERDUE_GRACE_DAYS, overdueLevelsDue } from "./progress";

// Overdue corrective actions escalate like incidents: level 1 the day after the due date (the action's owner and the
// partner's admins), level 2 after the grace period (the plan's channel manager). Exactly once per (action, level),
// however many sweeps run at once: the PlanActionEscalation row's unique key is inserted with ON CONFLICT DO NOTHING,
// and only the transaction whose insert wins writes the timeline event, the notifications and the e-mail.

export type PlanSweepResult = { due: number; escalations: number; failed: number };

/** (tenantId, actionId) of overdue actions across tenants, read by a SECURITY DEFINER function (see its migration). */
async function dueActions(now: Date, limit: number): Promise<DueAction[]> {
  return prisma()
    .$queryRaw`select "tenantId", "actionId" from due_plan_action_escalations(${now.toISOString()}::timestamptz at time zone 'UTC', ${OVERDUE_GRACE_DAYS}::integer, ${limit}::integer)`;
}

export async function runPlanOverdueSweep(now = new Date(), limit = 500): Promise<PlanSweepResult> {
  const rows = await dueActions(now, limit);
  const { done, failed } = await sweepActions(rows, "plan overdue escalation failed", (db, tenantId, actionId) =>
    escalatePlanAction(db, tenantId, actionId, now),
  );
  return { due: rows.length, escalations: done, failed };
}

/** Raises the overdue levels an action has reached and not yet raised; returns how many. */
export async function escalatePlanAction(
  db: Db,
  tenantId: string,
  actionId: string,
  now = new Date(),
): Promise<number> {
  await db.$queryRaw`select 1 from "PlanAction" where "tenantId" = ${tenantId} and "id" = ${actionId} for update`;
  const action = await db.planAction.findFirst({ where: { tenantId, id: actionId }, select: sweptActionSelect });
  if (!action) return 0;
  const levels = overdueLevelsDue(action, action.plan.status, now);
  let raised = 0;
  for (const level of levels) {
    const inserted = await db.$executeRaw`
      insert into "PlanActionEscalation" ("tenantId", "id", "actionId", "partnerId", "level", "createdAt")
      values (${tenantId}, ${randomUUID()}, ${action.id}, ${action.plan.partnerId}, ${level}, ${now})
      on conflict ("tenantId", "actionId", "level") do nothing`;
    if (inserted !== 1) continue; // another sweep got there first
    raised++;
    await tellOfAction(db, tenantId, action, level, now, {
      by: "Overdue check",
      event: "OVERDUE",
      body: ({ owner, dueOn, ownerTold }) =>
        level === 2
          ? `Still overdue ${OVERDUE_GRACE_DAYS} days after ${dueOn}: the channel manager was told.`
          : ownerTold
            ? `Overdue since ${dueOn}: ${owner} and the partner's admins were told.`
            : `Overdue since ${dueOn}: its owner has left the partner; the partner's admins were told.`,
      title: `Corrective action overdue: ${action.description}`,
    });
  }
  if (raised > 0)
    await db.$executeRaw`update "PlanAction" set "escalationLevel" = greatest("escalationLevel", ${Math.max(...levels)}::integer), "updatedAt" = ${now}
      where "tenantId" = ${tenantId} and "id" = ${action.id}`;
  return raised;
}
