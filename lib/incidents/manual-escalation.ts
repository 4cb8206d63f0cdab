import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Db } from "@/lib/db/scope";
import { DomainError } from "@/lib/errors";
import { ESCALATION_LEVEL_LABELS, type EscalationLevel } from "@/lib/incidents/escalation-rules";
import { announceEscalation } from "@/lib/incidents/escalation-sweep";
import { recordEvent, type Actor } from "@/lib/incidents/events";
import { incidentClock } from "@/lib/incidents/clock";
import { isIncidentActive, type IncidentStatus } from "@/lib/incidents/lifecycle";
import { slaContextFor } from "@/lib/incidents/sla-policies";
import { loadIncident } from "@/lib/incidents/update-incident";

// Manual escalation (issue 18 item 3). A steward moves an active incident one rung up or down the ladder, with a
// reason. Up: the same notifications, e-mail, chat post and webhook as an automatic escalation. Down: the breaches
// already passed are treated as handled (Incident.escalationHeldAt), and the rungs above are cleared, so the sweep
// escalates again only when a deadline passes after the de-escalation (lib/incidents/escalation-sweep.ts,
// breachesSince), and then notifies those rungs again.

export const manualEscalationSchema = z.object({
  incidentId: z.string({ error: "Choose an incident" }).min(1, "Choose an incident").max(64),
  direction: z.enum(["up", "down"], { error: "Choose escalate or de-escalate" }),
  reason: z
    .string({ error: "Give a reason" })
    .trim()
    .min(3, "Give a reason (at least 3 characters): it goes on the incident's timeline")
    .max(1000, "Keep the reason under 1,000 characters"),
});
export type ManualEscalationInput = z.infer<typeof manualEscalationSchema>;

export async function changeEscalationLevel(
  db: Db,
  tenantId: string,
  input: ManualEscalationInput,
  actor: Actor,
  now = new Date(),
): Promise<{ number: number; from: number; to: EscalationLevel }> {
  // The row lock orders this change with a sweep examining the same incident.
  await db.$queryRaw`select 1 from "Incident" where "tenantId" = ${tenantId} and "id" = ${input.incidentId} for update`;
  const incident = await loadIncident(db, tenantId, input.incidentId);
  if (!isIncidentActive(incident.status as IncidentStatus))
    throw new DomainError("Only an incident that is still open can be escalated or de-escalated.");
  const from = incident.escalationLevel;
  const to = (input.direction === "up" ? from + 1 : from - 1) as EscalationLevel;
  if (to > 3) throw new DomainError("This incident is already at the top of the ladder (level 3, Executive).");
  if (to < 1) throw new DomainError("This incident is already at level 1 (Partner): it cannot go lower.");
  const label = ESCALATION_LEVEL_LABELS[to];

  if (input.direction === "up") {
    await db.$executeRaw`
      insert into "Escalation" ("tenantId", "id", "incidentId", "level", "reason", "createdAt")
      values (${tenantId}, ${randomUUID()}, ${incident.id}, ${to}, 'MANUAL', ${now})
      on conflict ("tenantId", "incidentId", "level") do nothing`;
    await db.incident.update({ where: { tenantId_id: { tenantId, id: incident.id } }, data: { escalationLevel: to } });
    await recordEvent(
      db,
      tenantId,
      incident.id,
      actor,
      {
        type: "ESCALATED",
        body: `Escalated by hand to level ${to} (${label}): ${input.reason}`,
        data: { level: to, from, reason: "MANUAL", note: input.reason },
      },
      now,
    );
    const sla = await slaContextFor(db, tenantId, incident.severity);
    await announceEscalation(db, tenantId, incident, {
      level: to,
      reason: "MANUAL",
      why: `escalated by hand by ${actor.label} (${input.reason})`,
      sla,
      clock: incidentClock(incident, sla, now),
      now,
      occurrence: `manual:${now.toISOString()}`,
    });
  } else {
    await db.escalation.deleteMany({ where: { tenantId, incidentId: incident.id, level: { gt: to } } });
    await db.incident.update({
      where: { tenantId_id: { tenantId, id: incident.id } },
      data: { escalationLevel: to, escalationHeldAt: now },
    });
    await recordEvent(
      db,
      tenantId,
      incident.id,
      actor,
      {
        type: "DE_ESCALATED",
        body: `De-escalated by hand to level ${to} (${label}): ${input.reason}`,
        data: { level: to, from, note: input.reason },
      },
      now,
    );
  }
  return { number: incident.number, from, to };
}
