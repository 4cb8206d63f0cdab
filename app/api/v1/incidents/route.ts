import { apiRoute } from "@/lib/api/route";
import { IncidentInput, IncidentListQuery } from "@/lib/api/schemas";
import { incidentJson, listIncidents, openIncident } from "@/lib/api/resources/incidents";

export const GET = apiRoute({ name: "incidents.list", query: IncidentListQuery }, async ({ db, principal, query }) => ({
  status: 200,
  body: await listIncidents(db, principal, query),
}));

export const POST = apiRoute(
  { name: "incidents.create", body: IncidentInput, idempotent: true },
  async ({ db, principal, body, audit }) => {
    const row = await openIncident(db, principal, body);
    audit({
      action: "incident.created",
      entityType: "Incident",
      entityId: row.id,
      data: { via: "api", number: row.number, severity: row.severity, partnerId: row.partnerId },
    });
    return { status: 201, body: incidentJson(row), headers: { Location: `/api/v1/incidents/${row.id}` } };
  },
);
