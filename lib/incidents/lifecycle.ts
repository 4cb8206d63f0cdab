/**
 * Incident lifecycle:
 *   OPEN → ACKNOWLEDGED → IN_PROGRESS ⇄ WAITING
 *   OPEN | ACKNOWLEDGED | IN_PROGRESS | WAITING → RESOLVED (needs root cause and resolution)
 *   RESOLVED → CLOSED
 *   RESOLVED | CLOSED → IN_PROGRESS (reopen)
 * String values match the Prisma `IncidentStatus` enum.
 */

import { LifecycleError } from "@/lib/partners/lifecycle";

export { LifecycleError };

export const INCIDENT_STATUSES = ["OPEN", "ACKNOWLEDGED", "IN_PROGRESS", "WAITING", "RESOLVED", "CLOSED"] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const INCIDENT_STATUS_LABELS: Record<IncidentStatus, string> = {
  OPEN: "Open",
  ACKNOWLEDGED: "Acknowledged",
  IN_PROGRESS: "In progress",
  WAITING: "Waiting",
  RESOLVED: "Resolved",
  CLOSED: "Closed",
};

/** Statuses in which the incident still needs work (the SLA clock runs or is paused). */
export const ACTIVE_INCIDENT_STATUSES: readonly IncidentStatus[] = ["OPEN", "ACKNOWLEDGED", "IN_PROGRESS", "WAITING"];

const INCIDENT_TRANSITIONS: Record<IncidentStatus, readonly IncidentStatus[]> = {
  OPEN: ["ACKNOWLEDGED", "RESOLVED"],
  ACKNOWLEDGED: ["IN_PROGRESS", "RESOLVED"],
  IN_PROGRESS: ["WAITING", "RESOLVED"],
  WAITING: ["IN_PROGRESS", "RESOLVED"],
  RESOLVED: ["CLOSED", "IN_PROGRESS"],
  CLOSED: ["IN_PROGRESS"],
};

export interface ResolutionFields {
  rootCause?: string | null;
  resolution?: string | null;
}

function isIncidentStatus(value: unknown): value is IncidentStatus {
  return typeof value === "string" && (INCIDENT_STATUSES as readonly string[]).includes(value);
}

export function isIncidentActive(status: IncidentStatus): boolean {
  return ACTIVE_INCIDENT_STATUSES.includes(status);
}

export function allowedIncidentTransitions(from: IncidentStatus): readonly IncidentStatus[] {
  return isIncidentStatus(from) ? INCIDENT_TRANSITIONS[from] : [];
}

/** Staying in the same status is not a transition. */
export function canTransitionIncident(from: IncidentStatus, to: IncidentStatus): boolean {
  return isIncidentStatus(to) && allowedIncidentTransitions(from).includes(to);
}

/** Moving to `to` requires a non-empty root cause and resolution. */
export function requiresResolutionFields(to: IncidentStatus): boolean {
  return to === "RESOLVED";
}

/** RESOLVED → IN_PROGRESS and CLOSED → IN_PROGRESS. */
export function isReopen(from: IncidentStatus, to: IncidentStatus): boolean {
  return (from === "RESOLVED" || from === "CLOSED") && to === "IN_PROGRESS";
}

/** Error message for missing resolution fields, or null. */
export function resolutionFieldsError(fields: ResolutionFields | undefined): string | null {
  const missing: string[] = [];
  if (!fields?.rootCause?.trim()) missing.push("a root cause");
  if (!fields?.resolution?.trim()) missing.push("a resolution");
  return missing.length > 0 ? `Resolving an incident requires ${missing.join(" and ")}` : null;
}

/**
 * Throws LifecycleError when the move is not allowed, or when resolving without a
 * non-blank root cause and resolution (pass them in `fields`).
 */
export function assertIncidentTransition(from: IncidentStatus, to: IncidentStatus, fields?: ResolutionFields): void {
  if (!isIncidentStatus(from)) {
    throw new LifecycleError("incident", String(from), String(to), [], `Unknown incident status "${String(from)}"`);
  }
  if (!isIncidentStatus(to)) {
    throw new LifecycleError(
      "incident",
      from,
      String(to),
      INCIDENT_TRANSITIONS[from],
      `Unknown incident status "${String(to)}"`,
    );
  }
  if (!canTransitionIncident(from, to)) {
    throw new LifecycleError("incident", from, to, INCIDENT_TRANSITIONS[from]);
  }
  if (requiresResolutionFields(to)) {
    const error = resolutionFieldsError(fields);
    if (error) throw new LifecycleError("incident", from, to, INCIDENT_TRANSITIONS[from], error);
  }
}

/** What a (valid) transition does to the incident's timestamps and SLA clock. */
export interface IncidentTransitionEffects {
  /** First response: leaving OPEN (set acknowledgedAt if not set yet). */
  acknowledges: boolean;
  /** Entering WAITING: the SLA clock pauses (set pausedAt). */
  pauses: boolean;
  /** Leaving WAITING: the pause ends (add its working minutes to pausedMinutes, clear pausedAt). */
  resumes: boolean;
  /** Set resolvedAt. */
  resolves: boolean;
  /** Set closedAt. */
  closes: boolean;
  /** Clear resolvedAt / closedAt; the event type is REOPENED. */
  reopens: boolean;
  /** IncidentEvent.type to record. */
  eventType: "STATUS_CHANGED" | "REOPENED";
}

export function incidentTransitionEffects(from: IncidentStatus, to: IncidentStatus): IncidentTransitionEffects {
  const reopens = isReopen(from, to);
  return {
    acknowledges: from === "OPEN",
    pauses: to === "WAITING",
    resumes: from === "WAITING",
    resolves: to === "RESOLVED",
    closes: to === "CLOSED",
    reopens,
    eventType: reopens ? "REOPENED" : "STATUS_CHANGED",
  };
}
