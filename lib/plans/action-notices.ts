import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/scope";
import { type ActionMailRecipient, queuePlanActionDueMail } from "@/lib/mail/messages/plan-action-due";
import type { sweptActionSelect } from "./action-sweep";
import { recordPlanEvent } from "./events";

// Who hears of an action that is due soon or overdue, and how: for the reminder and the overdue sweeps.

type SweptAction = Prisma.PlanActionGetPayload<{ select: typeof sweptActionSelect }>;

/** Whom a notice reached, for its timeline event: the owner's name, whether the owner was among them, anyone at all. */
export type Told = { owner: string; dueOn: string; ownerTold: boolean; anyone: boolean };

/**
 * Tells the level's recipients of the action (see recipientsFor): one timeline event, an in-app notification to each
 * member, and the e-mail. `body` words the event from whom the notice reached (Told).
 */
export async function tellOfAction(
  db: Db,
  tenantId: string,
  action: SweptAction,
  level: 0 | 1 | 2,
  now: Date,
  words: { by: string; event: string; body: (told: Told) => string; title: string },
) {
  const { members, contacts, owner, ownerTold } = await recipientsFor(db, tenantId, action, level);
  const dueOn = action.dueOn.toISOString().slice(0, 10);
  const told: Told = { owner, dueOn, ownerTold, anyone: members.length + contacts.length > 0 };
  await recordPlanEvent(
    db,
    tenantId,
    action.plan,
    { userId: null, label: words.by },
    { type: words.event, body: words.body(told), actionId: action.id },
    now,
  );
  await notifyMembers(db, tenantId, action.plan.id, members, words.title, action.plan.title);
  await queuePlanActionDueMail(db, tenantId, {
    plan: { id: action.plan.id, title: action.plan.title, partnerName: action.plan.partner.name },
    action: { id: action.id, description: action.description, dueOn: action.dueOn, owner },
    level,
    recipients: mailRecipients(members, contacts),
    now,
  });
}

type Member = { id: string; role: string; user: { id: string; email: string; name: string } };

/**
 * Level 0 (the reminder): the action's owner, or the partner's admins when the owner has left. Level 1 (overdue): the
 * owner and the partner's admins. Level 2 (still overdue): the plan's channel manager.
 */
async function recipientsFor(
  db: Db,
  tenantId: string,
  action: {
    ownerMembershipId: string | null;
    ownerContactId: string | null;
    plan: { partnerId: string; ownerMembershipId: string | null };
  },
  level: 0 | 1 | 2,
): Promise<{ members: Member[]; contacts: string[]; owner: string; ownerTold: boolean }> {
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
  const contacts = contact?.email ? [contact.email] : [];
  const ownerTold = ownerMember !== null || contacts.length > 0;
  if (level === 0 && ownerTold) return { members: ownerMember ? [ownerMember] : [], contacts, owner, ownerTold };
  if (level <= 1) {
    const admins = await db.membership.findMany({
      where: { tenantId, partnerId: action.plan.partnerId, role: "PARTNER_ADMIN" },
      select,
    });
    const members = ownerMember && !admins.some((a) => a.id === ownerMember.id) ? [ownerMember, ...admins] : admins;
    return { members, contacts, owner, ownerTold };
  }
  const manager = action.plan.ownerMembershipId
    ? await db.membership.findFirst({
        where: { tenantId, id: action.plan.ownerMembershipId, role: { in: ["OWNER", "STEWARD"] } },
        select,
      })
    : null;
  const members = manager ? [manager] : await db.membership.findMany({ where: { tenantId, role: "STEWARD" }, select });
  return { members, contacts: [], owner, ownerTold: false };
}

/** An in-app notification for each member, linking to the plan in the portal or the steward's app. */
async function notifyMembers(db: Db, tenantId: string, planId: string, members: Member[], title: string, body: string) {
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

/** The e-mail recipients: members (partner users are mailed links to the portal) and the owner contact's address. */
function mailRecipients(members: Member[], contacts: string[]): ActionMailRecipient[] {
  return [
    ...members.map((m) => ({ email: m.user.email, userId: m.user.id, partner: m.role.startsWith("PARTNER_") })),
    ...contacts.map((email) => ({ email, userId: null, partner: true })),
  ];
}
