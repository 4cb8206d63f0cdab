import { createElement } from "react";
import type { Db } from "@/lib/db/scope";
import { PlanActionDueEmail } from "@/lib/mail/templates/plan-action-due-email";
import { appBaseUrl } from "../links";
import { queueMail } from "../queue";
import { renderMail } from "../render";

export type ActionMailRecipient = { email: string; userId: string | null; partner: boolean };

/**
 * Mails a corrective action that is due soon (level 0, its one reminder) or overdue (levels 1 and 2) to its recipients,
 * in the sweep's transaction. The event key names the action and the level, so a second sweep queues nothing twice.
 */
export async function queuePlanActionDueMail(
  db: Db,
  tenantId: string,
  input: {
    plan: { id: string; title: string; partnerName: string };
    action: { id: string; description: string; dueOn: Date; owner: string };
    level: 0 | 1 | 2;
    recipients: ActionMailRecipient[];
    now: Date;
  },
) {
  const tenant = await db.tenant.findFirstOrThrow({ where: { id: tenantId }, select: { name: true, slug: true } });
  const dueOn = input.action.dueOn.toISOString().slice(0, 10);
  let queued = 0;
  for (const side of [true, false]) {
    const recipients = input.recipients.filter((r) => r.partner === side);
    if (recipients.length === 0) continue;
    const planUrl = `${appBaseUrl()}${side ? `/portal/${tenant.slug}` : `/t/${tenant.slug}`}/plans/${input.plan.id}`;
    queued += await queueMail(db, tenantId, {
      kind: "plan_action_overdue",
      eventKey:
        input.level === 0
          ? `plan-action-due-soon:${input.action.id}`
          : `plan-action-overdue:${input.action.id}:${input.level}`,
      recipients,
      link: planUrl,
      now: input.now,
      compose: ({ unsubscribeUrl }) =>
        renderMail(
          `[${tenant.name}] Corrective action ${input.level === 0 ? `due ${dueOn}` : "overdue"}: ${input.action.description.slice(0, 80)}`,
          createElement(PlanActionDueEmail, {
            tenantName: tenant.name,
            planTitle: input.plan.title,
            action: input.action.description,
            partnerName: input.plan.partnerName,
            dueOn,
            owner: input.action.owner,
            level: input.level,
            planUrl,
            reason: side
              ? `You own this action or are an admin of ${input.plan.partnerName} in ${tenant.name}'s partner portal.`
              : `You are the channel manager of this plan in ${tenant.name}.`,
            unsubscribeUrl,
          }),
        ),
    });
  }
  return queued;
}
