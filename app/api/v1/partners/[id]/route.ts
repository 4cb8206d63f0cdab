import { apiRoute } from "@/lib/api/route";
import { IdParams } from "@/lib/api/schemas";
import { getPartner } from "@/lib/api/resources/partners";

export const GET = apiRoute({ name: "partners.get", params: IdParams }, async ({ db, principal, params }) => ({
  status: 200,
  body: await getPartner(db, principal, params.id),
}));
