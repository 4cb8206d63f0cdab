import { createElement } from "react";
import type { Db } from "@/lib/db/scope";
import { SlaWarningEmail } from "@/lib/mail/templates/sla-warning-email";
import { appBaseUrl } from "../links";
import { queueMail, type MailRecipient } from "../queue";
import { renderMail } from "../render";

// The SLA warning: an incident has used 80% of the window to its next deadline (acknowledge, then resolve). It goes to
// the incident's assignee, or to the partner's admins while no one is assigned, once per incident and deadline
// (the event key), queued by the escalation sweep in its transaction; recipients may turn it off or digest it.

export type SlaWarningInput = {
  incident: { id: string; number: number; title: string };
  partnerName: string;
  deadline: "ACK" | "RESOLVE";
  dueAt: Date;
  recipients: (MailRecipient & { partner: boolean })[];
  now: Date;
};

function timeLeft(from: Date, to: Date): string {
  const minutes = Math.max(0, Math.floor((to.getTime() - from.getTime()) / 60_000));
  const h = Math.floor(minutes / 60);
  return h > 0 ? `${h}h ${String(minutes % 60).padStart(2, "0")}m` : `${minutes}m`;
}

export async function queueSlaWarningMail(db: Db, tenantId: string, input: SlaWarningInput): Promise<number> {
  const { incident } = input;
  const tenant = await db.tenant.findFirstOrThrow({ where: { id: tenantId }, select: { name: true, slug: true } });
  const label = `INC-${incident.number}`;
  const base = appBaseUrl();
  const verb = input.deadline === "ACK" ? "acknowledge" : "resolve";
  let queued = 0;
  for (const partnerSide of [true, false]) {
    const recipients = input.recipients.filter((r) => r.partner === partnerSide);
    if (recipients.length === 0) continue;
    const incidentUrl = `${base}/${partnerSide ? "portal" : "t"}/${tenant.slug}/incidents/${incident.id}`;
    queued += await queueMail(db, tenantId, {
      kind: "sla_warning",
      eventKey: `sla-warning:${incident.id}:${input.deadline}`,
      recipients,
      link: incidentUrl,
      now: input.now,
      compose: ({ unsubscribeUrl }) =>
        renderMail(
          `[${tenant.name}] ${label}: ${timeLeft(input.now, input.dueAt)} left to ${verb} ${incident.title}`,
          createElement(SlaWarningEmail, {
            tenantName: tenant.name,
            incidentLabel: label,
            title: incident.title,
            partnerName: input.partnerName,
            deadlineVerb: verb,
            dueAt: `${input.dueAt.toISOString().slice(0, 16).replace("T", " ")} UTC`,
            timeLeft: timeLeft(input.now, input.dueAt),
            incidentUrl,
            reason: partnerSide
              ? `You are an admin of ${input.partnerName} (or the incident's assignee) in ${tenant.name}'s partner portal.`
              : `You are the assignee of ${label} in ${tenant.name}.`,
            preferencesUrl: `${base}/${partnerSide ? "portal" : "t"}/${tenant.slug}/${partnerSide ? "preferences" : "settings/email"}`,
            unsubscribeUrl,
          }),
        ),
    });
  }
  return queued;
}
