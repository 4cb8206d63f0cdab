import type { Db } from "@/lib/db/scope";
import type { EscalationLevel } from "@/lib/incidents/escalation-rules";
import type { LadderRung } from "@/lib/incidents/sla-policies";
import type { SlaClock } from "@/lib/incidents/sla-clock";
import { queueEscalationMail } from "@/lib/mail/messages/escalation";

// Who is on a rung of an incident's escalation ladder, and their mail: shared by the escalation sweep (levels 2 and
// 3, on a breach) and the incident notices (level 1, when the incident reaches the partner).

export function rungFor(ladder: LadderRung[], level: EscalationLevel): LadderRung {
  return (
    ladder.find((r) => r.level === level) ?? {
      level,
      role: level === 1 ? "PARTNER" : level === 2 ? "STEWARD" : "OWNER",
    }
  );
}

export type RungMember = { id: string; role: string; user: { id: string; email: string } };

/** The members on a ladder rung: one named member, the partner's users, or everyone with the rung's role. */
export async function rungMembers(
  db: Db,
  tenantId: string,
  incident: { partnerId: string },
  rung: LadderRung,
): Promise<RungMember[]> {
  const where = rung.membershipId
    ? { tenantId, id: rung.membershipId }
    : rung.role === "PARTNER"
      ? { tenantId, partnerId: incident.partnerId, role: { in: ["PARTNER_ADMIN" as const, "PARTNER_AGENT" as const] } }
      : { tenantId, role: rung.role ?? ("STEWARD" as const) };
  return db.membership.findMany({
    where,
    select: { id: true, role: true, user: { select: { id: true, email: true } } },
  });
}

type MailedIncident = { id: string; number: number; title: string; partnerId: string; customerId: string | null };

/** E-mail for the rung's members and, at level 1, the partner's contacts (queued in this transaction). */
export async function mailRung(
  db: Db,
  tenantId: string,
  incident: MailedIncident,
  members: RungMember[],
  step: { level: EscalationLevel; why: string; clock: SlaClock; now: Date; occurrence?: string },
) {
  const contacts =
    step.level === 1
      ? await db.partnerContact.findMany({
          where: { tenantId, partnerId: incident.partnerId, email: { not: null } },
          select: { email: true },
        })
      : [];
  const recipients = [
    ...members.map((m) => ({ email: m.user.email, userId: m.user.id, partner: m.role.startsWith("PARTNER_") })),
    ...contacts.map((c) => ({ email: c.email!, userId: null, partner: true })),
  ];
  await queueEscalationMail(db, tenantId, {
    incident,
    level: step.level,
    why: step.why,
    clock: step.clock,
    recipients,
    now: step.now,
    occurrence: step.occurrence,
  });
}
