import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db/client";
import { withTenant, type Db } from "@/lib/db/scope";
import { log } from "@/lib/log";
import {
  escalationsDue,
  ESCALATION_LEVEL_LABELS,
  type DueEscalation,
  type EscalationLevel,
} from "@/lib/incidents/escalation-rules";
import type { SlaClock } from "@/lib/incidents/sla-clock";
import { isIncidentActive, type IncidentStatus } from "@/lib/incidents/lifecycle";
import { slaContextFor, type SlaContext } from "@/lib/incidents/sla-policies";
import { storeDeadlineRows, type DeadlineRow } from "@/lib/incidents/refresh-deadlines";
import type { Incident, Severity } from "@/generated/prisma/client";
import { deadlineColumns, incidentClock } from "@/lib/incidents/clock";
import { enqueueOutbox, recordEvent, type Actor } from "@/lib/incidents/events";
import { mailRung, rungFor, rungMembers, type RungMember } from "@/lib/incidents/ladder-mail";
import { dueNotices, sendIncidentNotices } from "@/lib/incidents/incident-notices";

// The escalation sweep: finds incidents whose acknowledge or resolve target has passed, in every
// tenant, and moves each up its ladder. Exactly once per (incident, level), however many sweeps
// run at the same time on however many app instances: the Escalation row's unique key
// (tenantId, incidentId, level) is inserted with ON CONFLICT DO NOTHING, and only the transaction
// whose insert wins writes the event, the notifications and the outbox row.

const SYSTEM: Actor = { userId: null, label: "SLA escalation", kind: "system" };

export type SweepResult = { due: number; escalations: number; failed: number; notices: number };

/** (tenantId, incidentId) of due breaches across tenants, read by a SECURITY DEFINER function (see its migration). */
export async function dueBreaches(now: Date, limit = 500): Promise<{ tenantId: string; incidentId: string }[]> {
  return prisma()
    .$queryRaw`select "tenantId", "incidentId" from due_incident_escalations(${now.toISOString()}::timestamptz at time zone 'UTC', ${limit}::integer)`;
}

/** How long one sweep keeps escalating: below the scheduler's interval, so sweeps never pile up. */
const SWEEP_BUDGET_MS = 20_000;

/**
 * One sweep, in batches of `limit`. Every incident examined is escalated or has its stored
 * deadlines brought up to date, so it leaves the due set unless it really is due: the next batch
 * reads rows not seen yet, and a long run of stale deadlines ahead of a real breach is worked
 * through in this sweep instead of starving it. Stops when a batch is short, brings nothing new
 * (rows that failed), or the time budget is spent, also within a batch: one batch of 500 breaches
 * took 36-72 s on the large bench tenant, so sweeps ran back to back. The breaches left are the
 * earliest due, and the next sweep starts with them; each sweep escalates at least one incident.
 */
export async function runEscalationSweep(
  now = new Date(),
  limit = 500,
  budgetMs = SWEEP_BUDGET_MS,
): Promise<SweepResult> {
  const started = performance.now();
  const outOfTime = () => performance.now() - started > budgetMs;
  const result: SweepResult = { due: 0, escalations: 0, failed: 0, notices: 0 };
  const seen = new Set<string>();
  sweep: for (;;) {
    const batch = await dueBreaches(now, limit);
    const fresh = batch.filter(({ incidentId }) => !seen.has(incidentId));
    for (const { incidentId } of fresh) seen.add(incidentId);
    result.due += fresh.length;
    for (const [tenantId, incidentIds] of groupByTenant(fresh)) {
      let breached: string[];
      try {
        breached = await withTenant({ tenantId }, (db) => advanceDeadlines(db, tenantId, incidentIds, now), {
          timeoutMs: 60_000,
        });
      } catch (error) {
        result.failed += incidentIds.length;
        log.error("escalation sweep: reading deadlines failed", { tenantId, error });
        continue;
      }
      // Each escalation in its own short transaction: one failure does not hold back the others.
      for (const incidentId of breached) {
        if (result.escalations + result.failed > 0 && outOfTime()) break sweep;
        try {
          result.escalations += await withTenant(
            { tenantId },
            (db) => escalateIncident(db, tenantId, incidentId, now),
            { timeoutMs: 10_000 },
          );
        } catch (error) {
          result.failed++;
          log.error("escalation failed", { tenantId, incidentId, error });
        }
      }
    }
    if (batch.length < limit || fresh.length === 0 || outOfTime()) break;
  }
  await sendDueNotices(now, limit, result);
  return result;
}

/** The level-1 mail and SLA warnings due (lib/incidents/incident-notices.ts), each in its own short transaction. */
async function sendDueNotices(now: Date, limit: number, result: SweepResult) {
  for (const { tenantId, incidentId } of await dueNotices(now, limit)) {
    try {
      result.notices += await withTenant({ tenantId }, (db) => sendIncidentNotices(db, tenantId, incidentId, now), {
        timeoutMs: 10_000,
      });
    } catch (error) {
      result.failed++;
      log.error("incident notice failed", { tenantId, incidentId, error });
    }
  }
}

function groupByTenant(rows: { tenantId: string; incidentId: string }[]): Map<string, string[]> {
  const byTenant = new Map<string, string[]>();
  for (const { tenantId, incidentId } of rows) byTenant.set(tenantId, [...(byTenant.get(tenantId) ?? []), incidentId]);
  return byTenant;
}

/**
 * Recomputes the clocks of a batch of one tenant's incidents, writes back in one UPDATE the
 * deadlines that were stale, and returns the ids that have escalations due. Rows another sweep
 * holds locked are skipped: that sweep is examining them.
 */
async function advanceDeadlines(db: Db, tenantId: string, incidentIds: string[], now: Date): Promise<string[]> {
  const locked = await db.$queryRaw<{ id: string }[]>`
    select id from "Incident" where "tenantId" = ${tenantId} and id = any(${incidentIds}::text[]) for update skip locked`;
  const incidents = await db.incident.findMany({ where: { tenantId, id: { in: locked.map((r) => r.id) } } });
  const contexts = new Map<Severity, SlaContext>();
  const changed: DeadlineRow[] = [];
  const breached: string[] = [];
  for (const incident of incidents) {
    let sla = contexts.get(incident.severity);
    if (!sla) {
      sla = await slaContextFor(db, tenantId, incident.severity);
      contexts.set(incident.severity, sla);
    }
    const { deadlines, due } = examine(incident, sla, now);
    if (due.length > 0)
      breached.push(incident.id); // escalateIncident stores its deadlines
    else if (!sameDeadlines(incident, deadlines)) changed.push({ id: incident.id, ...deadlines });
  }
  await storeDeadlineRows(db, tenantId, changed, false);
  return breached;
}

type Deadlines = Omit<DeadlineRow, "id">;

/** The deadlines an incident's clock gives now (none when it is no longer active), and its escalations due. */
function examine(incident: Incident, sla: SlaContext, now: Date): { deadlines: Deadlines; due: DueEscalation[] } {
  if (!isIncidentActive(incident.status as IncidentStatus)) {
    return {
      deadlines: { ackDueAt: incident.ackDueAt, resolveDueAt: incident.resolveDueAt, nextDueAt: null },
      due: [],
    };
  }
  const clock = incidentClock(incident, sla, now);
  return {
    deadlines: deadlineColumns(clock),
    due: incident.pausedAt
      ? []
      : escalationsDue(breachesSince(clock, incident.escalationHeldAt), incident.escalationLevel),
  };
}

/**
 * The breaches the sweep acts on. After a manual de-escalation (escalationHeldAt), a breach whose deadline had
 * already passed is the steward's decision, not news: only a deadline passing after it escalates again.
 */
export function breachesSince(
  clock: Pick<SlaClock, "ackBreached" | "resolveBreached" | "ackDueAt" | "resolveDueAt">,
  heldAt: Date | null,
) {
  if (!heldAt) return clock;
  const held = heldAt.getTime();
  return {
    ackBreached: clock.ackBreached && clock.ackDueAt.getTime() > held,
    resolveBreached: clock.resolveBreached && clock.resolveDueAt.getTime() > held,
  };
}

function sameDeadlines(stored: Deadlines, fresh: Deadlines): boolean {
  const same = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);
  return (
    same(stored.ackDueAt, fresh.ackDueAt) &&
    same(stored.resolveDueAt, fresh.resolveDueAt) &&
    same(stored.nextDueAt, fresh.nextDueAt)
  );
}

/**
 * Escalates one incident as far as its breaches require, and stores the deadlines its clock gives
 * now (none when it is no longer active or is paused), so a stale stored deadline (a policy edit,
 * a pause, an import) cannot keep it in the sweep's due set. Returns the number of levels escalated.
 */
export async function escalateIncident(
  db: Db,
  tenantId: string,
  incidentId: string,
  now = new Date(),
): Promise<number> {
  // The row lock keeps a concurrent acknowledge or transition from being overwritten with older deadlines.
  await db.$queryRaw`select 1 from "Incident" where "tenantId" = ${tenantId} and "id" = ${incidentId} for update`;
  const incident = await db.incident.findFirst({ where: { tenantId, id: incidentId } });
  if (!incident) return 0;
  const sla = await slaContextFor(db, tenantId, incident.severity);
  const { deadlines, due } = examine(incident, sla, now);
  if (!sameDeadlines(incident, deadlines))
    await storeDeadlineRows(db, tenantId, [{ id: incident.id, ...deadlines }], false);
  let escalated = 0;
  const clock = incidentClock(incident, sla, now);
  for (const step of due) {
    const inserted = await db.$executeRaw`
      insert into "Escalation" ("tenantId", "id", "incidentId", "level", "reason", "createdAt")
      values (${tenantId}, ${randomUUID()}, ${incident.id}, ${step.level}, ${step.reason}, ${now})
      on conflict ("tenantId", "incidentId", "level") do nothing`;
    if (inserted !== 1) continue; // another sweep got there first
    escalated++;
    const label = ESCALATION_LEVEL_LABELS[step.level];
    const why = step.reason === "ACK_BREACH" ? "not acknowledged in time" : "not resolved in time";
    await recordEvent(
      db,
      tenantId,
      incident.id,
      SYSTEM,
      {
        type: "ESCALATED",
        body: `Escalated to level ${step.level} (${label}): ${why}`,
        data: { level: step.level, reason: step.reason },
      },
      now,
    );
    await announceEscalation(db, tenantId, incident, {
      level: step.level,
      reason: step.reason,
      why,
      sla,
      clock,
      now,
      occurrence: incident.escalationHeldAt?.toISOString(),
    });
  }
  if (escalated > 0) {
    const top = Math.max(...due.map((d) => d.level));
    await db.$executeRaw`update "Incident" set "escalationLevel" = greatest("escalationLevel", ${top}::integer), "updatedAt" = ${now}
      where "tenantId" = ${tenantId} and "id" = ${incident.id}`;
  }
  return escalated;
}

/**
 * What an escalation to `level` sets off, automatic or by hand: in-app notifications and e-mail for the people on
 * the ladder's rung (and the partner's contacts at level 1), the chat post, and the incident.escalated webhook.
 * `occurrence` tells apart a level reached again after a manual de-escalation (its e-mail is a new message).
 */
export async function announceEscalation(
  db: Db,
  tenantId: string,
  incident: Incident,
  step: {
    level: EscalationLevel;
    reason: string;
    why: string;
    sla: SlaContext;
    clock: SlaClock;
    now: Date;
    occurrence?: string;
  },
) {
  const members = await rungMembers(db, tenantId, incident, rungFor(step.sla.ladder, step.level));
  await notifyRung(
    db,
    tenantId,
    incident,
    members,
    `INC-${incident.number} escalated to level ${step.level}: ${step.why}`,
  );
  await mailRung(db, tenantId, incident, members, step);
  await enqueueOutbox(db, tenantId, "incident.escalated", {
    incidentId: incident.id,
    number: incident.number,
    partnerId: incident.partnerId,
    level: step.level,
    reason: step.reason,
  });
}

/** In-app notifications for the people on a ladder rung. */
async function notifyRung(
  db: Db,
  tenantId: string,
  incident: { id: string; title: string },
  members: RungMember[],
  title: string,
) {
  const tenant = await db.tenant.findFirst({ where: { id: tenantId }, select: { slug: true } });
  if (members.length === 0 || !tenant) return;
  await db.notification.createMany({
    data: members.map((m) => ({
      tenantId,
      membershipId: m.id,
      title,
      body: incident.title,
      link: m.role.startsWith("PARTNER_")
        ? `/portal/${tenant.slug}/incidents/${incident.id}`
        : `/t/${tenant.slug}/incidents/${incident.id}`,
    })),
  });
}
