import { z } from "zod";
import type { Db } from "@/lib/db/scope";
import type { Incident, Prisma } from "@/generated/prisma/client";
import { DomainError } from "@/lib/errors";
import {
  assertIncidentTransition,
  incidentTransitionEffects,
  INCIDENT_STATUSES,
  INCIDENT_STATUS_LABELS,
  LifecycleError,
  type IncidentStatus,
} from "@/lib/incidents/lifecycle";
import { pausedMinutesAfterResume } from "@/lib/incidents/sla-clock";
import { slaContextFor } from "@/lib/incidents/sla-policies";
import { deadlineColumns, incidentClock } from "@/lib/incidents/clock";
import { enqueueOutbox, recordEvent, type Actor } from "@/lib/incidents/events";
import { inviteAfterIncident } from "@/lib/feedback/invite";
import { causeForResolution } from "@/lib/costs/causes";

// Changes to an incident after capture: status transitions, comments and notes, assignment,
// and SLA extensions (a partner asks for more time, a steward decides). Each is one
// IncidentEvent on the timeline; each loads the incident by (tenantId, id) first.

/** The incident of this tenant (and, under RLS, of the partner in context) or a not-found error. */
export async function loadIncident(db: Db, tenantId: string, incidentId: string): Promise<Incident> {
  const incident = await db.incident.findFirst({ where: { tenantId, id: incidentId } });
  if (!incident) throw new DomainError("That incident was not found.", "not-found");
  return incident;
}

/** Transitions a partner user may make: their own work, never closing or reopening. */
export const PARTNER_TARGETS: readonly IncidentStatus[] = ["ACKNOWLEDGED", "IN_PROGRESS", "WAITING", "RESOLVED"];

export const transitionSchema = z.object({
  incidentId: z.string().min(1).max(64),
  to: z.enum(INCIDENT_STATUSES),
  rootCause: z.string().trim().max(2000, "Keep the root cause under 2,000 characters").optional(),
  /** A cause from the workspace's taxonomy; without it, a cause whose name equals the free text is used. */
  rootCauseId: z.string().min(1).max(64).optional(),
  resolution: z.string().trim().max(4000, "Keep the resolution under 4,000 characters").optional(),
  comment: z.string().trim().max(4000).optional(),
});
export type TransitionInput = z.infer<typeof transitionSchema>;

export async function transitionIncident(
  db: Db,
  tenantId: string,
  input: TransitionInput,
  actor: Actor,
  now = new Date(),
) {
  const incident = await loadIncident(db, tenantId, input.incidentId);
  const from = incident.status as IncidentStatus;
  if (actor.kind === "partner" && !PARTNER_TARGETS.includes(input.to)) {
    throw new DomainError(`Only the brand can move an incident to ${INCIDENT_STATUS_LABELS[input.to]}.`, "forbidden");
  }
  try {
    assertIncidentTransition(from, input.to, input);
  } catch (error) {
    if (error instanceof LifecycleError) {
      throw new DomainError(
        error.message.startsWith("Resolving")
          ? `${error.message}.`
          : `An incident that is ${INCIDENT_STATUS_LABELS[from].toLowerCase()} cannot move to ${INCIDENT_STATUS_LABELS[input.to].toLowerCase()}.`,
      );
    }
    throw error;
  }
  const effects = incidentTransitionEffects(from, input.to);
  const sla = await slaContextFor(db, tenantId, incident.severity);
  const data: Prisma.IncidentUpdateManyMutationInput & Partial<Incident> = { status: input.to };
  const next = { ...incident };
  if (effects.acknowledges && !incident.acknowledgedAt) next.acknowledgedAt = now;
  if (effects.resumes && incident.pausedAt) {
    next.pausedMinutes = pausedMinutesAfterResume(incident, incident.pausedAt, now, sla.policy, sla.calendar);
    next.pausedAt = null;
  }
  if (effects.pauses) next.pausedAt = now;
  if (effects.resolves) {
    next.resolvedAt = now;
    next.rootCause = input.rootCause!;
    next.rootCauseId = await causeForResolution(db, tenantId, input.rootCauseId, input.rootCause!);
    next.resolution = input.resolution!;
  }
  if (effects.closes) next.closedAt = now;
  if (effects.reopens) {
    next.resolvedAt = null;
    next.closedAt = null;
  }
  const clock = incidentClock(next, sla, now);
  Object.assign(data, {
    acknowledgedAt: next.acknowledgedAt,
    pausedMinutes: next.pausedMinutes,
    pausedAt: next.pausedAt,
    resolvedAt: next.resolvedAt,
    closedAt: next.closedAt,
    rootCause: next.rootCause,
    rootCauseId: next.rootCauseId,
    resolution: next.resolution,
    ...deadlineColumns(clock),
    nextDueAt: input.to === "RESOLVED" || input.to === "CLOSED" ? null : clock.nextDueAt,
  });
  // Guarded on the status read above: a concurrent change makes this one fail instead of overwriting it.
  const updated = await db.incident.updateMany({ where: { tenantId, id: incident.id, status: from }, data });
  if (updated.count !== 1)
    throw new DomainError("This incident was changed by someone else meanwhile. Reload and try again.", "conflict");
  await recordEvent(
    db,
    tenantId,
    incident.id,
    actor,
    {
      type: effects.eventType,
      fromStatus: from,
      toStatus: input.to,
      body: effects.resolves ? input.resolution : input.comment || null,
      data: effects.resolves ? { rootCause: input.rootCause! } : undefined,
    },
    now,
  );
  if (effects.resolves) await inviteAfterIncident(db, tenantId, incident.id, now);
  await enqueueOutbox(db, tenantId, "incident.status_changed", {
    incidentId: incident.id,
    number: incident.number,
    from,
    to: input.to,
  });
  return { id: incident.id, number: incident.number, from, to: input.to };
}

export const commentSchema = z.object({
  incidentId: z.string().min(1).max(64),
  body: z.string().trim().min(1, "Write a comment first").max(4000, "Keep comments under 4,000 characters"),
  internal: z.boolean().default(false),
});
export type CommentInput = z.input<typeof commentSchema>;

/** A comment on the shared timeline, or (stewards only) an internal note partners never see. */
export async function commentOnIncident(db: Db, tenantId: string, rawInput: CommentInput, actor: Actor) {
  const input = commentSchema.parse(rawInput);
  if (input.internal && actor.kind === "partner")
    throw new DomainError("Partners cannot write internal notes.", "forbidden");
  const incident = await loadIncident(db, tenantId, input.incidentId);
  await recordEvent(db, tenantId, incident.id, actor, {
    type: input.internal ? "NOTE" : "COMMENT",
    body: input.body,
    internal: input.internal,
  });
  if (!input.internal)
    await enqueueOutbox(db, tenantId, "incident.commented", {
      incidentId: incident.id,
      number: incident.number,
      by: actor.kind,
    });
  return { id: incident.id };
}

/** Assigns incidents to a steward (or owner) of the tenant, or unassigns them (null). */
export async function assignIncidents(
  db: Db,
  tenantId: string,
  incidentIds: string[],
  membershipId: string | null,
  actor: Actor,
) {
  let label = "nobody";
  if (membershipId) {
    const member = await db.membership.findFirst({
      where: { tenantId, id: membershipId, role: { in: ["OWNER", "STEWARD"] } },
      select: { id: true, user: { select: { name: true } } },
    });
    if (!member) throw new DomainError("That steward was not found.", "not-found");
    label = member.user.name;
  }
  const incidents = await db.incident.findMany({ where: { tenantId, id: { in: incidentIds } }, select: { id: true } });
  if (incidents.length !== new Set(incidentIds).size)
    throw new DomainError("That incident was not found.", "not-found");
  await db.incident.updateMany({ where: { tenantId, id: { in: incidentIds } }, data: { assigneeId: membershipId } });
  const now = new Date();
  await db.incidentEvent.createMany({
    data: incidents.map((i) => ({
      tenantId,
      incidentId: i.id,
      type: "ASSIGNED",
      body: `Assigned to ${label}`,
      internal: true,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      data: { assigneeId: membershipId },
      createdAt: now,
    })),
  });
  return { count: incidents.length, label };
}

/** Acknowledges each OPEN incident among the ids; others are skipped. Returns how many were acknowledged. */
export async function acknowledgeIncidents(
  db: Db,
  tenantId: string,
  incidentIds: string[],
  actor: Actor,
  now = new Date(),
) {
  const open = await db.incident.findMany({
    where: { tenantId, id: { in: incidentIds } },
    select: { id: true, status: true },
  });
  if (open.length !== new Set(incidentIds).size) throw new DomainError("That incident was not found.", "not-found");
  let count = 0;
  for (const incident of open) {
    if (incident.status !== "OPEN") continue;
    await transitionIncident(db, tenantId, { incidentId: incident.id, to: "ACKNOWLEDGED" }, actor, now);
    count++;
  }
  return { count, skipped: open.length - count };
}

export const extensionRequestSchema = z.object({
  incidentId: z.string().min(1).max(64),
  minutes: z.coerce
    .number({ error: "Enter the extra time in minutes" })
    .int("Enter whole minutes")
    .min(15, "Ask for at least 15 minutes")
    .max(20_160, "Ask for at most 14 days (20,160 minutes)"),
  reason: z.string().trim().min(5, "Say why more time is needed (5 characters or more)").max(2000),
});
export type ExtensionRequestInput = z.input<typeof extensionRequestSchema>;

type ExtensionData = { minutes: number; decision?: "APPROVED" | "DENIED" | null };

/** The partner asks for more time to resolve; a steward approves or denies it. One pending request at a time. */
export async function requestExtension(db: Db, tenantId: string, rawInput: ExtensionRequestInput, actor: Actor) {
  const input = extensionRequestSchema.parse(rawInput);
  const incident = await loadIncident(db, tenantId, input.incidentId);
  if (!["OPEN", "ACKNOWLEDGED", "IN_PROGRESS", "WAITING"].includes(incident.status))
    throw new DomainError("More time can only be requested while the incident is open.");
  if (await pendingExtension(db, tenantId, incident.id))
    throw new DomainError("A request for more time is already waiting for the brand's decision.", "conflict");
  await recordEvent(db, tenantId, incident.id, actor, {
    type: "EXTENSION_REQUESTED",
    body: input.reason,
    data: { minutes: input.minutes, decision: null } satisfies ExtensionData,
  });
  await enqueueOutbox(db, tenantId, "incident.extension_requested", {
    incidentId: incident.id,
    number: incident.number,
    minutes: input.minutes,
  });
  return { id: incident.id };
}

export async function pendingExtension(db: Db, tenantId: string, incidentId: string) {
  const requests = await db.incidentEvent.findMany({
    where: { tenantId, incidentId, type: "EXTENSION_REQUESTED" },
    orderBy: { createdAt: "desc" },
    select: { id: true, data: true, body: true, actorLabel: true, createdAt: true },
  });
  const pending = requests.find((r) => !(r.data as ExtensionData | null)?.decision);
  return pending ? { ...pending, minutes: (pending.data as ExtensionData).minutes } : null;
}

export const extensionDecisionSchema = z.object({
  incidentId: z.string().min(1).max(64),
  requestId: z.string().min(1).max(64),
  approve: z.boolean(),
});

/** Approving adds the requested working minutes to the resolve deadline (extraMinutes). */
export async function decideExtension(
  db: Db,
  tenantId: string,
  input: z.infer<typeof extensionDecisionSchema>,
  actor: Actor,
  now = new Date(),
) {
  const incident = await loadIncident(db, tenantId, input.incidentId);
  const request = await db.incidentEvent.findFirst({
    where: { tenantId, incidentId: incident.id, id: input.requestId, type: "EXTENSION_REQUESTED" },
  });
  if (!request) throw new DomainError("That request was not found.", "not-found");
  const data = request.data as ExtensionData;
  if (data?.decision) throw new DomainError("That request has already been decided.", "conflict");
  const decision = input.approve ? "APPROVED" : "DENIED";
  await db.incidentEvent.updateMany({ where: { tenantId, id: request.id }, data: { data: { ...data, decision } } });
  if (input.approve) {
    const sla = await slaContextFor(db, tenantId, incident.severity);
    const extraMinutes = incident.extraMinutes + data.minutes;
    const clock = incidentClock({ ...incident, extraMinutes }, sla, now);
    await db.incident.updateMany({
      where: { tenantId, id: incident.id },
      data: { extraMinutes, ...deadlineColumns(clock), nextDueAt: incident.resolvedAt ? null : clock.nextDueAt },
    });
  }
  await recordEvent(
    db,
    tenantId,
    incident.id,
    actor,
    {
      type: "EXTENSION_DECIDED",
      body: input.approve
        ? `Approved ${data.minutes} more minutes`
        : `Denied the request for ${data.minutes} more minutes`,
      data: { requestId: request.id, minutes: data.minutes, decision },
    },
    now,
  );
  await enqueueOutbox(db, tenantId, "incident.extension_decided", {
    incidentId: incident.id,
    number: incident.number,
    decision,
    minutes: data.minutes,
  });
  return { decision };
}
