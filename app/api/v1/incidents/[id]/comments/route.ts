import { apiRoute } from "@/lib/api/route";
import { IdParams, IncidentCommentInput } from "@/lib/api/schemas";
import { commentIncident } from "@/lib/api/resources/incidents";

export const POST = apiRoute(
  { name: "incidents.comment", params: IdParams, body: IncidentCommentInput, idempotent: true },
  async ({ db, principal, params, body, audit }) => {
    const event = await commentIncident(db, principal, params.id, body);
    audit({ action: "incident.commented", entityType: "Incident", entityId: params.id, data: { via: "api" } });
    return { status: 201, body: event };
  },
);
