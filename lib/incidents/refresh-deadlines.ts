import { Prisma, type Severity } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/scope";
import { deadlineColumns, incidentClock } from "@/lib/incidents/clock";
import { ACTIVE_INCIDENT_STATUSES } from "@/lib/incidents/lifecycle";
import { slaContextFor, type SlaContext } from "@/lib/incidents/sla-policies";

/**
 * After an SLA policy or the business hours change, the stored deadlines of the open incidents
 * they govern are recomputed, so the inbox, the live clocks and the escalation sweep (which all
 * read the current policy or these columns) agree. The clock math is TypeScript (business hours),
 * so the new deadlines are computed here and written back in one UPDATE.
 */
export async function refreshOpenIncidentDeadlines(
  db: Db,
  tenantId: string,
  options: { severity?: Severity; now?: Date } = {},
): Promise<number> {
  const now = options.now ?? new Date();
  const incidents = await db.incident.findMany({
    where: {
      tenantId,
      status: { in: [...ACTIVE_INCIDENT_STATUSES] },
      ...(options.severity ? { severity: options.severity } : {}),
    },
    select: {
      id: true,
      severity: true,
      openedAt: true,
      acknowledgedAt: true,
      resolvedAt: true,
      pausedMinutes: true,
      pausedAt: true,
      extraMinutes: true,
    },
  });
  if (incidents.length === 0) return 0;
  const contexts = new Map<Severity, SlaContext>();
  const rows: DeadlineRow[] = [];
  for (const incident of incidents) {
    let sla = contexts.get(incident.severity);
    if (!sla) {
      sla = await slaContextFor(db, tenantId, incident.severity);
      contexts.set(incident.severity, sla);
    }
    rows.push({ id: incident.id, ...deadlineColumns(incidentClock(incident, sla, now)) });
  }
  return storeDeadlineRows(db, tenantId, rows, true);
}

export type DeadlineRow = { id: string; ackDueAt: Date | null; resolveDueAt: Date | null; nextDueAt: Date | null };

/**
 * Writes the deadline columns of many incidents in one UPDATE. `activeOnly` leaves alone an
 * incident that was resolved or closed meanwhile.
 */
export async function storeDeadlineRows(
  db: Db,
  tenantId: string,
  rows: DeadlineRow[],
  activeOnly: boolean,
): Promise<number> {
  if (rows.length === 0) return 0;
  // ISO strings: the columns hold UTC wall time (timestamp without time zone)
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  const active = Prisma.join(ACTIVE_INCIDENT_STATUSES.map((s) => Prisma.sql`${s}::"IncidentStatus"`));
  return db.$executeRaw`
    update "Incident" i
    set "ackDueAt" = d.ack::timestamptz at time zone 'UTC',
        "resolveDueAt" = d.resolve::timestamptz at time zone 'UTC',
        "nextDueAt" = d.next::timestamptz at time zone 'UTC'
    from unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => iso(r.ackDueAt))}::text[],
                ${rows.map((r) => iso(r.resolveDueAt))}::text[], ${rows.map((r) => iso(r.nextDueAt))}::text[]) as d(id, ack, resolve, next)
    where i."tenantId" = ${tenantId} and i.id = d.id ${activeOnly ? Prisma.sql`and i.status in (${active})` : Prisma.empty}`;
}
