import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db/client";
import { withTenant, type Db } from "@/lib/db/scope";
import { log } from "@/lib/log";
import { queuePlanActionOverdueMail, type OverdueRecipient } from "@/lib/mail/messages/plan-action-overdue";
import { recordPlanEvent } from "./events";
import { OVERDUE_GRACE_DAYS, overdueLevelsDue } from "./progress";

// Overdue corrective actions escalate like incidents: level 1 the day after the due date (the action's owner and the
// partner's admins), level 2 after the grace period (the plan's channel manager). Exactly once per (action, level),
// however many sweeps run at once: the PlanActionEscalation row's unique key is inserted with ON CONFLICT DO NOTHING,
// and only the transaction whose insert wins writes the timeline event, the notifications and the e-mail.

const SYSTEM = { userId: null, label: "Overdue check" };

export type PlanSweepResult = { due: number; escalations: number; failed: number };

/** (tenantId, actionId) of overdue actions across tenants, read by a SECURITY DEFINER function (see its migration). */
async function dueActions(now: Date, limit: number): Promise<{ tenantId: string; actionId: string }[]> {
  return prisma()
    .$queryRaw`select "tenantId", "actionId" from due_plan_action_escalations(${now.toISOString()}::timestamptz at time zone 'UTC', ${OVERDUE_GRACE_DAYS}::integer, ${limit}::integer)`;
}

export async function runPlanOverdueSweep(now = new Date(), limit = 500): Promise<PlanSweepResult> {
  const rows = await dueActions(now, limit);
  const result: PlanSweepResult = { due: rows.length, escalations: 0, failed: 0 };
  for (const { tenantId, actionId } of rows) {
    try {
      result.escalations += await withTenant({ tenantId }, (db) => escalatePlanAction(db, tenantId, actionId, now), {
        timeoutMs: 10_000,
      });
    } catch (error) {
      result.failed++;
      log.error("plan overdue escalation failed", { tenantId, actionId, error });
    }
  }
  return result;
}

/** Raises the overdue levels an action has reached and not yet raised; returns how many. */
export async function escalatePlanAction(
  db: Db,
  tenantId: string,
  actionId: string,
  now = new Date(),
): Promise<number> {
  await db.$queryRaw`select 1 from "PlanAction" where "tenantId" = ${tenantId} and "id" = ${actionId} for update`;
  const action = await db.planAction.findFirst({
    where: { tenantId, id: actionId },
    select: {
      id: true,
      description: true,
      dueOn: true,
      status: true,
      escalationLevel: true,
      ownerMembershipId: true,
      ownerContactId: true,
      plan: {
        select: {
          id: true,
          partnerId: true,
          title: true,
          status: true,
          ownerMembershipId: true,
          partner: { select: { name: true } },
        },
      },
    },
  });
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
    const { members, contacts, owner } = await recipientsFor(db, tenantId, action, level);
    const dueOn = action.dueOn.toISOString().slice(0, 10);
    await recordPlanEvent(
      db,
      tenantId,
      action.plan,
      SYSTEM,
      {
        type: "OVERDUE",
        body:
          level === 1
            ? `Overdue since ${dueOn}: ${owner} and the partner's admins were told.`
            : `Still overdue ${OVERDUE_GRACE_DAYS} days after ${dueOn}: the channel manager was told.`,
        actionId: action.id,
      },
      now,
    );
    await notify(
      db,
      tenantId,
      action.plan.id,
      members,
      `Corrective action overdue: ${action.description}`,
      action.plan.title,
    );
    const recipients: OverdueRecipient[] = [
      ...members.map((m) => ({ email: m.user.email, userId: m.user.id, partner: m.role.startsWith("PARTNER_") })),
      ...contacts.map((email) => ({ email, userId: null, partner: true })),
    ];
    await queuePlanActionOverdueMail(db, tenantId, {
      plan: { id: action.plan.id, title: action.plan.title, partnerName: action.plan.partner.name },
      action: { id: action.id, description: action.description, dueOn: action.dueOn, owner },
      level,
      recipients,
      now,
    });
  }
  if (raised > 0)
    await db.$executeRaw`update "PlanAction" set "escalationLevel" = greatest("escalationLevel", ${Math.max(...levels)}::integer), "updatedAt" = ${now}
      where "tenantId" = ${tenantId} and "id" = ${action.id}`;
  return raised;
}

type Member = { id: string; role: string; user: { id: string; email: string; name: string } };

/** Level 1: the action's owner (a partner user or contact) and the partner's admins. Level 2: the channel manager. */
async function recipientsFor(
  db: Db,
  tenantId: string,
  action: {
    ownerMembershipId: string | null;
    ownerContactId: string | null;
    plan: { partnerId: string; ownerMembershipId: string | null };
  },
  level: 1 | 2,
): Promise<{ members: Member[]; contacts: string[]; owner: string }> {
  const select = { id: true, role: true, user: { select: { id: true, email: true, name: true } } } as const;
  const contact = action.ownerContactId
    ? await db.partnerContact.findFirst({
        where: { tenantId, id: action.ownerContactId },
        select: { name: true, email: true },
      })
    : null;
  const ownerMember = action.ownerMembershipId
    ? await db.membership.findFirst({ where: { tenantId, id: action.ownerMembershipId }, select })
    : null;
  const owner = ownerMember?.user.name ?? contact?.name ?? "The owner";
  if (level === 1) {
    const admins = await db.membership.findMany({
      where: { tenantId, partnerId: action.plan.partnerId, role: "PARTNER_ADMIN" },
      select,
    });
    const members = ownerMember && !admins.some((a) => a.id === ownerMember.id) ? [ownerMember, ...admins] : admins;
    return { members, contacts: contact?.email ? [contact.email] : [], owner };
  }
  const manager = action.plan.ownerMembershipId
    ? await db.membership.findFirst({
        where: { tenantId, id: action.plan.ownerMembershipId, role: { in: ["OWNER", "STEWARD"] } },
        select,
      })
    : null;
  const members = manager ? [manager] : await db.membership.findMany({ where: { tenantId, role: "STEWARD" }, select });
  return { members, contacts: [], owner };
}

async function notify(db: Db, tenantId: string, planId: string, members: Member[], title: string, body: string) {
  if (members.length === 0) return;
  const tenant = await db.tenant.findFirst({ where: { id: tenantId }, select: { slug: true } });
  if (!tenant) return;
  await db.notification.createMany({
    data: members.map((m) => ({
      tenantId,
      membershipId: m.id,
      title,
      body,
      link: m.role.startsWith("PARTNER_")
        ? `/portal/${tenant.slug}/plans/${planId}`
        : `/t/${tenant.slug}/plans/${planId}`,
    })),
  });
}
