import { apiRoute } from "@/lib/api/route";
import { IdParams, IncidentStatusInput } from "@/lib/api/schemas";
import { changeIncidentStatus, incidentJson } from "@/lib/api/resources/incidents";

export const POST = apiRoute(
  { name: "incidents.status", params: IdParams, body: IncidentStatusInput, idempotent: true },
  async ({ db, principal, params, body, audit }) => {
    const { row, from } = await changeIncidentStatus(db, principal, params.id, body);
    audit({
      action: "incident.status_changed",
      entityType: "Incident",
      entityId: row.id,
      data: { via: "api", from, to: row.status },
    });
    return { status: 200, body: incidentJson(row) };
  },
);
