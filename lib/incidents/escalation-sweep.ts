import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db/client";
import { withTenant, type Db } from "@/lib/db/scope";
import { log } from "@/lib/log";
import { escalationsDue, ESCALATION_LEVEL_LABELS, type EscalationLevel } from "@/lib/incidents/escalation-rules";
import { isIncidentActive, type IncidentStatus } from "@/lib/incidents/lifecycle";
import { slaContextFor, type LadderRung } from "@/lib/incidents/sla-policies";
import { incidentClock } from "@/lib/incidents/clock";
import { enqueueOutbox, recordEvent, type Actor } from "@/lib/incidents/events";

// The escalation sweep: finds incidents whose acknowledge or resolve target has passed, in every
// tenant, and moves each up its ladder. Exactly once per (incident, level), however many sweeps
// run at the same time on however many app instances: the Escalation row's unique key
// (tenantId, incidentId, level) is inserted with ON CONFLICT DO NOTHING, and only the transaction
// whose insert wins writes the event, the notifications and the outbox row.

const SYSTEM: Actor = { userId: null, label: "SLA escalation", kind: "system" };

export type SweepResult = { due: number; escalations: number; failed: number };

/** (tenantId, incidentId) of due breaches across tenants, read by a SECURITY DEFINER function (see its migration). */
async function dueBreaches(now: Date, limit = 500): Promise<{ tenantId: string; incidentId: string }[]> {
  return prisma().$queryRaw`select "tenantId", "incidentId" from due_incident_escalations(${now.toISOString()}::timestamptz at time zone 'UTC', ${limit}::integer)`;
}

/** One sweep: each due incident in its own short tenant transaction. */
export async function runEscalationSweep(now = new Date(), limit = 500): Promise<SweepResult> {
  const due = await dueBreaches(now, limit);
  const result: SweepResult = { due: due.length, escalations: 0, failed: 0 };
  for (const { tenantId, incidentId } of due) {
    try {
      result.escalations += await withTenant({ tenantId }, (db) => escalateIncident(db, tenantId, incidentId, now), { timeoutMs: 10_000 });
    } catch (error) {
      result.failed++;
      log.error("escalation failed", { tenantId, incidentId, error });
    }
  }
  return result;
}

/** Escalates one incident as far as its breaches require. Returns the number of levels this call escalated. */
export async function escalateIncident(db: Db, tenantId: string, incidentId: string, now = new Date()): Promise<number> {
  const incident = await db.incident.findFirst({ where: { tenantId, id: incidentId } });
  if (!incident || !isIncidentActive(incident.status as IncidentStatus) || incident.pausedAt) return 0;
  const sla = await slaContextFor(db, tenantId, incident.severity);
  const clock = incidentClock(incident, sla, now);
  const due = escalationsDue(clock, incident.escalationLevel);
  let escalated = 0;
  for (const step of due) {
    const inserted = await db.$executeRaw`
      insert into "Escalation" ("tenantId", "id", "incidentId", "level", "reason", "createdAt")
      values (${tenantId}, ${randomUUID()}, ${incident.id}, ${step.level}, ${step.reason}, ${now})
      on conflict ("tenantId", "incidentId", "level") do nothing`;
    if (inserted !== 1) continue; // another sweep got there first
    escalated++;
    const label = ESCALATION_LEVEL_LABELS[step.level];
    const why = step.reason === "ACK_BREACH" ? "not acknowledged in time" : "not resolved in time";
    await recordEvent(db, tenantId, incident.id, SYSTEM, {
      type: "ESCALATED",
      body: `Escalated to level ${step.level} (${label}): ${why}`,
      data: { level: step.level, reason: step.reason },
    }, now);
    await notifyRung(db, tenantId, incident, rungFor(sla.ladder, step.level), `INC-${incident.number} escalated to level ${step.level}: ${why}`);
    await enqueueOutbox(db, tenantId, "incident.escalated", {
      incidentId: incident.id,
      number: incident.number,
      partnerId: incident.partnerId,
      level: step.level,
      reason: step.reason,
    });
  }
  if (escalated > 0) {
    const top = Math.max(...due.map((d) => d.level));
    await db.$executeRaw`update "Incident" set "escalationLevel" = greatest("escalationLevel", ${top}::integer), "updatedAt" = ${now}
      where "tenantId" = ${tenantId} and "id" = ${incident.id}`;
  }
  return escalated;
}

function rungFor(ladder: LadderRung[], level: EscalationLevel): LadderRung {
  return ladder.find((r) => r.level === level) ?? { level, role: level === 1 ? "PARTNER" : level === 2 ? "STEWARD" : "OWNER" };
}

/** In-app notifications for the people on a ladder rung. */
async function notifyRung(db: Db, tenantId: string, incident: { id: string; partnerId: string; title: string }, rung: LadderRung, title: string) {
  const where = rung.membershipId
    ? { tenantId, id: rung.membershipId }
    : rung.role === "PARTNER"
      ? { tenantId, partnerId: incident.partnerId, role: { in: ["PARTNER_ADMIN" as const, "PARTNER_AGENT" as const] } }
      : { tenantId, role: rung.role ?? ("STEWARD" as const) };
  const members = await db.membership.findMany({ where, select: { id: true, role: true } });
  const tenant = await db.tenant.findFirst({ where: { id: tenantId }, select: { slug: true } });
  if (members.length === 0 || !tenant) return;
  await db.notification.createMany({
    data: members.map((m) => ({
      tenantId,
      membershipId: m.id,
      title,
      body: incident.title,
      link: m.role.startsWith("PARTNER_") ? `/portal/${tenant.slug}/incidents/${incident.id}` : `/t/${tenant.slug}/incidents/${incident.id}`,
    })),
  });
}
