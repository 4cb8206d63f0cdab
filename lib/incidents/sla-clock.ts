/**
 * SLA clock of an incident: deadlines, breaches, elapsed and remaining working time.
 *
 * - Acknowledge due = openedAt + ackMinutes (working minutes).
 * - Resolve due     = openedAt + resolveMinutes + paused working minutes + extraMinutes.
 *   WAITING periods pause the clock, so each paused working minute pushes the deadline by one.
 * - Working minutes follow the business calendar when the policy is businessHoursOnly, else 24/7.
 * - Everything is evaluated "as of now": acknowledgedAt / resolvedAt / waits after `now` are ignored.
 * - An incident resolved without a separate acknowledgement counts as acknowledged when resolved.
 */

import {
  addWorkingMinutes,
  defaultCalendar,
  workingMinutesBetween,
  type BusinessCalendar,
} from "@/lib/incidents/business-hours";

export interface SlaPolicyRule {
  ackMinutes: number;
  resolveMinutes: number;
  businessHoursOnly: boolean;
}

export interface WaitPeriod {
  from: Date;
  /** Null or missing while still waiting. */
  to?: Date | null;
}

export interface IncidentClockFacts {
  openedAt: Date;
  acknowledgedAt?: Date | null;
  resolvedAt?: Date | null;
  /** WAITING periods (clock paused). */
  waits?: readonly WaitPeriod[];
  /**
   * Paused working minutes already accumulated in waits NOT listed in `waits`
   * (the stored `Incident.pausedMinutes`). Default 0.
   */
  pausedMinutes?: number;
  /** Approved SLA extensions, in working minutes. Default 0. */
  extraMinutes?: number;
}

type SlaDeadline = "ACK" | "RESOLVE";

export interface SlaClock {
  ackDueAt: Date;
  resolveDueAt: Date;
  /** Acknowledged (or resolved) after ackDueAt, or still unacknowledged and now > ackDueAt. */
  ackBreached: boolean;
  /** Resolved after resolveDueAt, or unresolved and now > resolveDueAt. */
  resolveBreached: boolean;
  /** Working minutes from openedAt to resolvedAt (or now), minus paused working minutes; floored. */
  elapsedWorkingMinutes: number;
  /** Paused working minutes counted in the resolve deadline (including `pausedMinutes`). */
  pausedWorkingMinutes: number;
  /** Which deadline `remainingMinutes` refers to: ack while unacknowledged, then resolve; null when resolved. */
  nextDeadline: SlaDeadline | null;
  /**
   * Wall-clock minutes from now to the next deadline, floored: negative exactly when overdue
   * (now > deadline), null when resolved. While paused it refers to the resolve deadline.
   */
  remainingMinutes: number | null;
  /**
   * The same in working minutes of the clock's calendar (equal to remainingMinutes for 24/7).
   * Frozen while paused; can be 0 for a deadline missed after closing time.
   */
  remainingWorkingMinutes: number | null;
  /** Currently in a WAITING period. */
  paused: boolean;
  acknowledged: boolean;
  resolved: boolean;
  /** The next deadline while the clock runs; null when paused or resolved. */
  nextDueAt: Date | null;
}

export class SlaClockError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SlaClockError";
  }
}

/** The calendar the clock uses: the given one (default Mon–Fri 09–17 UTC) when businessHoursOnly, else 24/7. */
export function clockCalendar(
  policy: SlaPolicyRule,
  calendar: BusinessCalendar | null | undefined,
): BusinessCalendar | null {
  if (!policy.businessHoursOnly) return null;
  return calendar ?? defaultCalendar("UTC");
}

function validMinutes(n: number | undefined, name: string): number {
  const v = n ?? 0;
  if (!Number.isFinite(v) || v < 0) throw new SlaClockError(`${name} must be a number ≥ 0 (got ${String(n)})`);
  return v;
}

/**
 * Merge waits, clip them to [openedAt, end] (open waits run to `end`), and
 * sum their working minutes.
 */
export function pausedWorkingMinutes(
  waits: readonly WaitPeriod[],
  openedAt: Date,
  end: Date,
  calendar: BusinessCalendar | null,
): number {
  const lo = openedAt.getTime();
  const hi = end.getTime();
  const intervals = waits
    .map((w) => [Math.max(w.from.getTime(), lo), Math.min(w.to ? w.to.getTime() : hi, hi)] as [number, number])
    .filter(([s, e]) => e > s)
    .sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const iv of intervals) {
    const last = merged[merged.length - 1];
    if (last && iv[0] <= last[1]) last[1] = Math.max(last[1], iv[1]);
    else merged.push([iv[0], iv[1]]);
  }
  return merged.reduce((sum, [s, e]) => sum + workingMinutesBetween(new Date(s), new Date(e), calendar), 0);
}

/** Floor, tolerant of float noise, without returning -0. */
function floorMinutes(x: number): number {
  return Math.floor(x + 1e-9) + 0;
}

function atOrBefore(d: Date | null | undefined, now: Date): Date | null {
  return d && d.getTime() <= now.getTime() ? d : null;
}

export function computeSlaClock(
  facts: IncidentClockFacts,
  policy: SlaPolicyRule,
  now: Date,
  calendar: BusinessCalendar | null = null,
): SlaClock {
  const ackMinutes = validMinutes(policy.ackMinutes, "ackMinutes");
  const resolveMinutes = validMinutes(policy.resolveMinutes, "resolveMinutes");
  const extraMinutes = validMinutes(facts.extraMinutes, "extraMinutes");
  const storedPaused = validMinutes(facts.pausedMinutes, "pausedMinutes");
  const cal = clockCalendar(policy, calendar);
  const { openedAt } = facts;

  const resolvedAt = atOrBefore(facts.resolvedAt, now);
  const ackAt = atOrBefore(facts.acknowledgedAt, now) ?? resolvedAt;
  const end = resolvedAt ?? (now.getTime() > openedAt.getTime() ? now : openedAt);

  const waits = (facts.waits ?? []).filter((w) => w.from.getTime() <= now.getTime());
  const paused = !resolvedAt && waits.some((w) => !w.to || w.to.getTime() > now.getTime());
  const pausedMinutes = storedPaused + pausedWorkingMinutes(waits, openedAt, end, cal);

  const ackDueAt = addWorkingMinutes(openedAt, ackMinutes, cal);
  const resolveDueAt = addWorkingMinutes(openedAt, resolveMinutes + pausedMinutes + extraMinutes, cal);

  const ackBreached = (ackAt ?? now).getTime() > ackDueAt.getTime();
  const resolveBreached = (resolvedAt ?? now).getTime() > resolveDueAt.getTime();

  // storedPaused belongs to earlier waits inside [openedAt, end], so it is subtracted with the rest.
  const elapsed = workingMinutesBetween(openedAt, end, cal) - pausedMinutes;

  let nextDeadline: SlaDeadline | null = null;
  let next: Date | null = null;
  if (!ackAt) {
    nextDeadline = "ACK";
    next = ackDueAt;
    if (resolveDueAt.getTime() < ackDueAt.getTime()) {
      nextDeadline = "RESOLVE";
      next = resolveDueAt;
    }
  } else if (!resolvedAt) {
    nextDeadline = "RESOLVE";
    next = resolveDueAt;
  }

  return {
    ackDueAt,
    resolveDueAt,
    ackBreached,
    resolveBreached,
    elapsedWorkingMinutes: Math.max(0, floorMinutes(elapsed)),
    pausedWorkingMinutes: pausedMinutes,
    nextDeadline,
    remainingMinutes: next ? floorMinutes((next.getTime() - now.getTime()) / 60_000) : null,
    remainingWorkingMinutes: next ? floorMinutes(workingMinutesBetween(now, next, cal)) : null,
    paused,
    acknowledged: ackAt !== null,
    resolved: resolvedAt !== null,
    nextDueAt: paused || resolvedAt ? null : next,
  };
}

/** The stored incident row shape the clock can be rebuilt from. */
export interface IncidentClockRecord {
  openedAt: Date;
  acknowledgedAt: Date | null;
  resolvedAt: Date | null;
  pausedMinutes: number;
  pausedAt: Date | null;
  extraMinutes: number;
}

/** Facts from a stored incident: finished waits are in pausedMinutes, the current one starts at pausedAt. */
export function clockFactsFromRecord(record: IncidentClockRecord): IncidentClockFacts {
  return {
    openedAt: record.openedAt,
    acknowledgedAt: record.acknowledgedAt,
    resolvedAt: record.resolvedAt,
    pausedMinutes: record.pausedMinutes,
    waits: record.pausedAt ? [{ from: record.pausedAt }] : [],
    extraMinutes: record.extraMinutes,
  };
}

/**
 * New `Incident.pausedMinutes` when a wait that began at `pausedAt` ends at `resumedAt`
 * (leaving WAITING, including WAITING → RESOLVED).
 */
export function pausedMinutesAfterResume(
  record: Pick<IncidentClockRecord, "openedAt" | "pausedMinutes">,
  pausedAt: Date,
  resumedAt: Date,
  policy: SlaPolicyRule,
  calendar: BusinessCalendar | null = null,
): number {
  const cal = clockCalendar(policy, calendar);
  return (
    record.pausedMinutes + pausedWorkingMinutes([{ from: pausedAt, to: resumedAt }], record.openedAt, resumedAt, cal)
  );
}
