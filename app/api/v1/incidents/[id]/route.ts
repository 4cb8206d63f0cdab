import { apiRoute } from "@/lib/api/route";
import { IdParams } from "@/lib/api/schemas";
import { getIncident } from "@/lib/api/resources/incidents";

export const GET = apiRoute({ name: "incidents.get", params: IdParams }, async ({ db, principal, params }) => ({
  status: 200,
  body: await getIncident(db, principal, params.id),
}));
