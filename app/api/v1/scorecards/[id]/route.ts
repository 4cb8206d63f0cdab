import { apiRoute } from "@/lib/api/route";
import { IdParams } from "@/lib/api/schemas";
import { getScorecard } from "@/lib/api/resources/scorecards";

export const GET = apiRoute({ name: "scorecards.get", params: IdParams }, async ({ db, principal, params }) => ({
  status: 200,
  body: await getScorecard(db, principal, params.id),
}));
