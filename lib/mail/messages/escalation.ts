import { createElement } from "react";
import type { Db } from "@/lib/db/scope";
import type { SlaClock } from "@/lib/incidents/sla-clock";
import { ESCALATION_LEVEL_LABELS, type EscalationLevel } from "@/lib/incidents/escalation-rules";
import { equityAtRiskForIncident } from "@/lib/incidents/equity-at-risk";
import { EscalationEmail } from "@/lib/mail/templates/escalation-email";
import { appBaseUrl } from "../links";
import { queueChatPost } from "../chat";
import { queueMail, type MailRecipient } from "../queue";
import { renderMail } from "../render";

// The e-mail for one escalation level: what broke, for which customer, how much customer equity is at risk, the SLA
// clock and a link to the incident. Level 1 goes to the partner (its users and its contacts), level 2 to the channel
// manager, level 3 to the executives; level 3 cannot be turned off by its recipients.

export type EscalationMailInput = {
  incident: { id: string; number: number; title: string; partnerId: string; customerId: string | null };
  level: EscalationLevel;
  why: string;
  clock: SlaClock;
  /** Members on the rung (with their e-mail), plus, at level 1, the partner's contacts. */
  recipients: (MailRecipient & { partner: boolean })[];
  now: Date;
  /** Set when the level is reached again (after a manual de-escalation) or by hand: a new message, not a duplicate. */
  occurrence?: string;
};

/** "3h 05m" from minutes. */
function formatMinutes(totalMinutes: number): string {
  const m = Math.abs(Math.floor(totalMinutes));
  const d = Math.floor(m / 1440);
  const h = Math.floor((m % 1440) / 60);
  if (d > 0) return `${d}d ${h}h`;
  if (h > 0) return `${h}h ${String(m % 60).padStart(2, "0")}m`;
  return `${m % 60}m`;
}

function describeClock(clock: SlaClock, now: Date): string {
  const deadline = clock.nextDeadline === "ACK" ? "Acknowledge" : "Resolve";
  const due = clock.nextDeadline === "ACK" ? clock.ackDueAt : clock.resolveDueAt;
  const minutes = Math.floor((due.getTime() - now.getTime()) / 60_000);
  const when = `${due.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  if (clock.nextDeadline === null) return "Resolved";
  return minutes < 0
    ? `${deadline} target ${when}, overdue by ${formatMinutes(minutes)}`
    : `${deadline} by ${when} (${formatMinutes(minutes)} left)`;
}

const formatEquity = (value: number | null) =>
  value === null
    ? "not yet computed (customer values have not been calculated)"
    : value.toLocaleString("en-US", { maximumFractionDigits: 0 });

export async function queueEscalationMail(db: Db, tenantId: string, input: EscalationMailInput): Promise<number> {
  const { incident, level } = input;
  const [tenant, partner, customer, equity] = await Promise.all([
    db.tenant.findFirstOrThrow({ where: { id: tenantId }, select: { name: true, slug: true } }),
    db.partner.findFirst({ where: { tenantId, id: incident.partnerId }, select: { name: true } }),
    incident.customerId
      ? db.customer.findFirst({
          where: { tenantId, id: incident.customerId },
          select: { name: true, externalRef: true },
        })
      : null,
    equityAtRiskForIncident(db, tenantId, incident),
  ]);
  const label = `INC-${incident.number}`;
  const eventKey = `escalation:${incident.id}:${level}${input.occurrence ? `:${input.occurrence}` : ""}`;
  const levelLabel = ESCALATION_LEVEL_LABELS[level];
  const base = appBaseUrl();
  const stewardUrl = `${base}/t/${tenant.slug}/incidents/${incident.id}`;
  const portalUrl = `${base}/portal/${tenant.slug}/incidents/${incident.id}`;
  let queued = 0;
  // Partner people and staff get different links (portal or workspace), so two groups of the same event.
  for (const partnerSide of [true, false]) {
    const recipients = input.recipients.filter((r) => r.partner === partnerSide);
    if (recipients.length === 0) continue;
    const incidentUrl = partnerSide ? portalUrl : stewardUrl;
    queued += await queueMail(db, tenantId, {
      kind: "escalation",
      eventKey,
      recipients,
      mandatory: level === 3,
      link: incidentUrl,
      now: input.now,
      compose: ({ recipient, unsubscribeUrl }) =>
        renderMail(
          `[${tenant.name}] ${label} escalated to level ${level}: ${incident.title}`,
          createElement(EscalationEmail, {
            tenantName: tenant.name,
            incidentLabel: label,
            title: incident.title,
            level,
            levelLabel,
            why: input.why,
            partnerName: partner?.name ?? "Unknown partner",
            customer: customer
              ? (customer.name ?? customer.externalRef ?? "Unnamed customer")
              : "No single customer recorded",
            equityAtRisk: formatEquity(equity),
            slaClock: describeClock(input.clock, input.now),
            incidentUrl,
            reason: recipient.userId
              ? `You are on level ${level} (${levelLabel}) of ${tenant.name}'s escalation ladder.`
              : `You are a contact of ${partner?.name ?? "a partner"} at ${tenant.name}, on level 1 of its escalation ladder. Ask ${tenant.name} to change the contacts it mails.`,
            preferencesUrl: recipient.userId && !partnerSide ? `${base}/t/${tenant.slug}/settings/email` : undefined,
            unsubscribeUrl,
          }),
        ),
    });
  }
  // The workspace's chat channel, when it has one, gets one post per escalation past the partner (level 1 is theirs).
  if (level > 1)
    await queueChatPost(db, tenantId, {
      eventKey,
      text: `${label} escalated to level ${level} (${levelLabel}): ${incident.title} was ${input.why}. Partner: ${partner?.name ?? "unknown"}. Equity at risk: ${formatEquity(equity)}. ${describeClock(input.clock, input.now)}.`,
      link: stewardUrl,
      now: input.now,
    });
  return queued;
}
