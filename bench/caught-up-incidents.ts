/**
 * Brings the large tenant's running incidents to the state the escalation sweep would have left them in had it run
 * while they were open: deadlines from their SLA clock, the escalation level their breaches call for (with its
 * Escalation rows, dated at the breach), and the level-1 mail and SLA warnings marked sent when they fell due.
 *
 * Why: the incidents step inserts 10,000 running incidents at once, opened over the past week, with deadlines of its
 * own (4 h to acknowledge, 96 h to resolve) and levels 1-3 at random. Against the tenant's SLA windows (15 min to
 * 4 h for a CRITICAL one) thousands are breached, and none was escalated: 9,096 escalations on a fresh build, which a
 * live tenant's sweep makes one at a time, when each deadline passes. Left undone, the worker's sweep makes them during
 * every measurement window of every scenario (stop 26: sweeps of 36-72 s back to back, "idle" included), so the
 * responsiveness bench compared two backlogs instead of work against idle. Deadlines move on with the clock, so this
 * runs on every bench run, reused build included; what falls due while a scenario runs is escalated by the sweep.
 *
 * It uses the sweep's own rules (clock, breachesSince, escalationsDue) and writes without the side effects of
 * sending (events, notifications, mail, webhooks): those belong to the moment of each breach, which has passed.
 */
import type { Incident, Severity } from "@/generated/prisma/client";
import { withTenant, type Db } from "@/lib/db/scope";
import { deadlineColumns, incidentClock } from "@/lib/incidents/clock";
import { escalationsDue } from "@/lib/incidents/escalation-rules";
import { breachesSince } from "@/lib/incidents/escalation-sweep";
import { warnAt } from "@/lib/incidents/incident-notices";
import { slaContextFor, type SlaContext } from "@/lib/incidents/sla-policies";

const RUNNING = ["OPEN", "ACKNOWLEDGED", "IN_PROGRESS"] as const;

type CaughtUp = {
  id: string;
  ackDueAt: Date;
  resolveDueAt: Date;
  nextDueAt: Date | null;
  level: number;
  partnerMailedAt: Date | null;
  ackWarnedAt: Date | null;
  resolveWarnedAt: Date | null;
};
type EscalationRow = { incidentId: string; level: number; reason: string; at: Date };

export type CatchUp = { running: number; escalations: number; dueLeft: number };

export async function catchUpIncidents(tenantId: string, now: Date): Promise<CatchUp> {
  return withTenant(
    { tenantId },
    async (db) => {
      // A paused incident (WAITING) is not the sweep's until it resumes, and the resume stores its deadlines.
      const incidents = await db.incident.findMany({
        where: { tenantId, status: { in: [...RUNNING] }, pausedAt: null },
      });
      const contexts = new Map<Severity, SlaContext>();
      for (const severity of new Set(incidents.map((i) => i.severity)))
        contexts.set(severity, await slaContextFor(db, tenantId, severity));
      const rows: CaughtUp[] = [];
      const escalations: EscalationRow[] = [];
      for (const incident of incidents) {
        const sla = contexts.get(incident.severity);
        if (sla) rows.push(caughtUp(incident, sla, now, escalations));
      }
      await store(db, tenantId, rows, escalations);
      const left = await db.$queryRaw<{ n: number }[]>`
        select count(*)::int as n from due_incident_escalations(${now.toISOString()}::timestamptz at time zone 'UTC', 100000)
        where "tenantId" = ${tenantId}`;
      return { running: rows.length, escalations: escalations.length, dueLeft: left[0].n };
    },
    { timeoutMs: 120_000 },
  );
}

/** Timestamps as UTC text for the timestamp columns (the way the sweep passes `now`). */
const utc = (dates: (Date | null)[]) => dates.map((d) => d?.toISOString() ?? null);

async function store(db: Db, tenantId: string, rows: CaughtUp[], escalations: EscalationRow[]) {
  await db.$executeRaw`
    update "Incident" i
       set "ackDueAt" = u.ack at time zone 'UTC', "resolveDueAt" = u.resolve at time zone 'UTC',
           "nextDueAt" = u.next at time zone 'UTC', "escalationLevel" = u.level,
           "partnerMailedAt" = u.mailed at time zone 'UTC', "ackWarnedAt" = u.ack_warned at time zone 'UTC',
           "resolveWarnedAt" = u.resolve_warned at time zone 'UTC'
      from unnest(${rows.map((r) => r.id)}::text[],
                  ${utc(rows.map((r) => r.ackDueAt))}::timestamptz[],
                  ${utc(rows.map((r) => r.resolveDueAt))}::timestamptz[],
                  ${utc(rows.map((r) => r.nextDueAt))}::timestamptz[],
                  ${rows.map((r) => r.level)}::int[],
                  ${utc(rows.map((r) => r.partnerMailedAt))}::timestamptz[],
                  ${utc(rows.map((r) => r.ackWarnedAt))}::timestamptz[],
                  ${utc(rows.map((r) => r.resolveWarnedAt))}::timestamptz[])
           as u(id, ack, resolve, next, level, mailed, ack_warned, resolve_warned)
     where i."tenantId" = ${tenantId} and i.id = u.id`;
  await db.$executeRaw`
    insert into "Escalation" ("tenantId", id, "incidentId", level, reason, "createdAt")
    select ${tenantId}, gen_random_uuid()::text, e.incident, e.level, e.reason, e.at at time zone 'UTC'
      from unnest(${escalations.map((e) => e.incidentId)}::text[], ${escalations.map((e) => e.level)}::int[],
                  ${escalations.map((e) => e.reason)}::text[], ${utc(escalations.map((e) => e.at))}::timestamptz[])
           as e(incident, level, reason, at)
    on conflict ("tenantId", "incidentId", level) do nothing`;
}

/** One incident as the sweep leaves it at `now`; the escalations it would have made are appended to `made`. */
function caughtUp(incident: Incident, sla: SlaContext, now: Date, made: EscalationRow[]): CaughtUp {
  const clock = incidentClock(incident, sla, now);
  const due = escalationsDue(breachesSince(clock, incident.escalationHeldAt), incident.escalationLevel);
  for (const step of due)
    made.push({
      incidentId: incident.id,
      level: step.level,
      reason: step.reason,
      at: step.reason === "ACK_BREACH" ? clock.ackDueAt : clock.resolveDueAt,
    });
  const passed = (at: Date) => (at <= now ? at : null);
  return {
    id: incident.id,
    ...deadlineColumns(clock),
    level: Math.max(incident.escalationLevel, ...due.map((d) => d.level)),
    partnerMailedAt: incident.partnerMailedAt ?? incident.openedAt,
    ackWarnedAt:
      incident.ackWarnedAt ?? (clock.acknowledged ? null : passed(warnAt(incident.openedAt, clock.ackDueAt))),
    resolveWarnedAt: incident.resolveWarnedAt ?? passed(warnAt(incident.openedAt, clock.resolveDueAt)),
  };
}
