import { apiRoute } from "@/lib/api/route";
import { IdParams } from "@/lib/api/schemas";
import { getPlanApi } from "@/lib/api/resources/plans";

export const GET = apiRoute({ name: "plans.get", params: IdParams }, async ({ db, principal, params }) => ({
  status: 200,
  body: await getPlanApi(db, principal, params.id),
}));
