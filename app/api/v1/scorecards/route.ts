import { apiRoute } from "@/lib/api/route";
import { ScorecardListQuery } from "@/lib/api/schemas";
import { listScorecards } from "@/lib/api/resources/scorecards";

export const GET = apiRoute(
  { name: "scorecards.list", query: ScorecardListQuery },
  async ({ db, principal, query }) => ({
    status: 200,
    body: await listScorecards(db, principal, query),
  }),
);
