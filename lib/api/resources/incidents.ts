import type { z } from "zod";
import type { Db } from "@/lib/db/scope";
import type { Incident as IncidentRow, IncidentEvent as EventRow } from "@/generated/prisma/client";
import { createIncident } from "@/lib/incidents/create-incident";
import { commentOnIncident, loadIncident, transitionIncident } from "@/lib/incidents/update-incident";
import type { Actor } from "@/lib/incidents/events";
import type { ApiPrincipal } from "../keys";
import { pageArgs, toPage, type Pagination } from "../pagination";
import { notFound } from "../problem";
import type {
  Incident,
  IncidentCommentInput,
  IncidentEvent,
  IncidentInput,
  IncidentListQuery,
  IncidentStatusInput,
} from "../schemas";
import { assertOwnPartner, singleField } from "./references";

// The incident endpoints call the same lib/incidents functions as the steward UI and the partner
// portal, so numbering, SLA deadlines, the lifecycle rules, the timeline and the outbox are shared.
// A partner key acts as its partner: partner transitions only, no internal notes, only its own
// incidents (another partner's incident is 404, also by row-level security).

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function incidentJson(i: IncidentRow): z.infer<typeof Incident> {
  return {
    id: i.id,
    number: i.number,
    reference: `INC-${i.number}`,
    partnerId: i.partnerId,
    touchpointId: i.touchpointId,
    customerId: i.customerId,
    severity: i.severity,
    category: i.category,
    title: i.title,
    description: i.description,
    customersAffected: i.customersAffected,
    costRefunds: Number(i.costRefunds),
    costReshipment: Number(i.costReshipment),
    costCredits: Number(i.costCredits),
    costHandling: Number(i.costHandling),
    status: i.status,
    source: i.source,
    escalationLevel: i.escalationLevel,
    openedAt: i.openedAt.toISOString(),
    acknowledgedAt: iso(i.acknowledgedAt),
    resolvedAt: iso(i.resolvedAt),
    closedAt: iso(i.closedAt),
    ackDueAt: iso(i.ackDueAt),
    resolveDueAt: iso(i.resolveDueAt),
    rootCause: i.rootCause,
    resolution: i.resolution,
    externalRef: i.externalRef,
    updatedAt: i.updatedAt.toISOString(),
  };
}

function eventJson(e: EventRow): z.infer<typeof IncidentEvent> {
  return {
    id: e.id,
    type: e.type,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    body: e.body,
    actor: e.actorLabel,
    createdAt: e.createdAt.toISOString(),
  };
}

/** The timeline actor of an API key: a partner key acts with its partner's rights. */
function apiActor(principal: ApiPrincipal): Actor {
  return { userId: null, label: `API key ${principal.name}`, kind: principal.partnerId ? "partner" : "api" };
}

/** The incident by (tenant, id), for a partner key only its own partner's; otherwise 404. */
async function ownIncident(db: Db, principal: ApiPrincipal, id: string) {
  const row = await db.incident.findFirst({
    where: { tenantId: principal.tenantId, id, ...(principal.partnerId ? { partnerId: principal.partnerId } : {}) },
  });
  if (!row) throw notFound("Incident");
  return row;
}

export async function listIncidents(db: Db, principal: ApiPrincipal, query: z.output<typeof IncidentListQuery>) {
  if (principal.partnerId && query.partnerId && query.partnerId !== principal.partnerId)
    return { data: [], next_cursor: null };
  const args = pageArgs(query as Pagination);
  const partnerId = principal.partnerId ?? query.partnerId;
  const rows = await db.incident.findMany({
    ...args,
    where: {
      ...args.where,
      tenantId: principal.tenantId,
      ...(partnerId ? { partnerId } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.severity ? { severity: query.severity } : {}),
    },
  });
  return toPage(rows, query, incidentJson);
}

export async function getIncident(db: Db, principal: ApiPrincipal, id: string) {
  const row = await ownIncident(db, principal, id);
  const events = await db.incidentEvent.findMany({
    where: { tenantId: principal.tenantId, incidentId: row.id, internal: false },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return { ...incidentJson(row), timeline: events.map(eventJson) };
}

export async function openIncident(db: Db, principal: ApiPrincipal, input: z.output<typeof IncidentInput>) {
  assertOwnPartner(principal, [input.partnerId], singleField, "partnerId");
  const { incident } = await createIncident(db, principal.tenantId, input, apiActor(principal), "API");
  return incident;
}

export async function changeIncidentStatus(
  db: Db,
  principal: ApiPrincipal,
  id: string,
  input: z.output<typeof IncidentStatusInput>,
) {
  const row = await ownIncident(db, principal, id);
  const { status: to, ...fields } = input;
  const result = await transitionIncident(
    db,
    principal.tenantId,
    { incidentId: row.id, to, ...fields },
    apiActor(principal),
  );
  return { row: await loadIncident(db, principal.tenantId, row.id), from: result.from };
}

export async function commentIncident(
  db: Db,
  principal: ApiPrincipal,
  id: string,
  input: z.output<typeof IncidentCommentInput>,
) {
  const row = await ownIncident(db, principal, id);
  await commentOnIncident(
    db,
    principal.tenantId,
    { incidentId: row.id, body: input.body, internal: false },
    apiActor(principal),
  );
  const [event] = await db.incidentEvent.findMany({
    where: { tenantId: principal.tenantId, incidentId: row.id, type: "COMMENT" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 1,
  });
  return eventJson(event);
}
