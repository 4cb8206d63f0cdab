import { prisma } from "@/lib/db/client";
import type { Db } from "@/lib/db/scope";
import type { Incident } from "@/generated/prisma/client";
import { incidentClock } from "@/lib/incidents/clock";
import { isIncidentActive, type IncidentStatus } from "@/lib/incidents/lifecycle";
import { slaContextFor } from "@/lib/incidents/sla-policies";
import { queueSlaWarningMail } from "@/lib/mail/messages/sla-warning";
import { mailRung, rungFor, rungMembers } from "@/lib/incidents/ladder-mail";

// Notices the escalation sweep sends before any breach, each exactly once per incident (issue 16):
// - level 1 of the ladder: the partner (its users and its contacts) is mailed that the incident is theirs, while the
//   acknowledge window is still open (an incident found later was already taken over by level 2);
// - the SLA warning at 80% of the window to the next deadline (acknowledge, then resolve), to the assignee, or to the
//   partner's admins while no one is assigned.
// Each is marked on the incident by a conditional UPDATE (only the transaction that sets the column mails), and the
// mail is unique per event and recipient as well, so concurrent or repeated sweeps send each once.

const WARNING_SHARE = 0.8;

/** (tenantId, incidentId) of running incidents with a notice due, in every tenant (SECURITY DEFINER, see migration). */
export function dueNotices(now: Date, limit = 500): Promise<{ tenantId: string; incidentId: string }[]> {
  return prisma()
    .$queryRaw`select "tenantId", "incidentId" from due_incident_notices(${now.toISOString()}::timestamptz at time zone 'UTC', ${limit}::integer)`;
}

type Marker = "partnerMailedAt" | "ackWarnedAt" | "resolveWarnedAt";

/** Sets the marker if no one did; true for the one caller that set it. */
async function claim(db: Db, tenantId: string, id: string, marker: Marker, now: Date) {
  const { count } = await db.incident.updateMany({ where: { tenantId, id, [marker]: null }, data: { [marker]: now } });
  return count === 1;
}

/** When the SLA warning for a deadline falls due: 80% of the way from opening to it. */
export const warnAt = (openedAt: Date, dueAt: Date) =>
  new Date(openedAt.getTime() + (dueAt.getTime() - openedAt.getTime()) * WARNING_SHARE);

/** Sends the notices due for one incident (in the caller's tenant transaction); returns how many were sent. */
export async function sendIncidentNotices(db: Db, tenantId: string, incidentId: string, now = new Date()) {
  const incident = await db.incident.findFirst({ where: { tenantId, id: incidentId } });
  if (!incident || !isIncidentActive(incident.status as IncidentStatus) || incident.pausedAt) return 0;
  const sla = await slaContextFor(db, tenantId, incident.severity);
  const clock = incidentClock(incident, sla, now);
  let sent = 0;
  if (!clock.acknowledged && clock.ackDueAt > now && (await claim(db, tenantId, incident.id, "partnerMailedAt", now))) {
    const members = await rungMembers(db, tenantId, incident, rungFor(sla.ladder, 1));
    await mailRung(db, tenantId, incident, members, {
      level: 1,
      why: "opened and routed to the partner",
      clock,
      now,
    });
    sent++;
  }
  const deadlines = [
    { deadline: "ACK" as const, dueAt: clock.ackDueAt, marker: "ackWarnedAt" as const, open: !clock.acknowledged },
    { deadline: "RESOLVE" as const, dueAt: clock.resolveDueAt, marker: "resolveWarnedAt" as const, open: true },
  ];
  for (const d of deadlines) {
    if (!d.open || now >= d.dueAt || now < warnAt(incident.openedAt, d.dueAt)) continue;
    if (!(await claim(db, tenantId, incident.id, d.marker, now))) continue;
    await queueSlaWarningMail(db, tenantId, {
      incident,
      partnerName: await partnerName(db, tenantId, incident),
      deadline: d.deadline,
      dueAt: d.dueAt,
      recipients: await warningRecipients(db, tenantId, incident),
      now,
    });
    sent++;
  }
  return sent;
}

async function partnerName(db: Db, tenantId: string, incident: Pick<Incident, "partnerId">) {
  const partner = await db.partner.findFirst({ where: { tenantId, id: incident.partnerId }, select: { name: true } });
  return partner?.name ?? "Unknown partner";
}

/** The assignee, or the partner's admins while the incident has none. */
async function warningRecipients(db: Db, tenantId: string, incident: Pick<Incident, "assigneeId" | "partnerId">) {
  const where = incident.assigneeId
    ? { tenantId, id: incident.assigneeId }
    : { tenantId, partnerId: incident.partnerId, role: "PARTNER_ADMIN" as const };
  const members = await db.membership.findMany({
    where,
    select: { role: true, user: { select: { id: true, email: true } } },
  });
  return members.map((m) => ({ email: m.user.email, userId: m.user.id, partner: m.role.startsWith("PARTNER_") }));
}
