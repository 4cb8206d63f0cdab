import { apiRoute } from "@/lib/api/route";
import { PlanListQuery } from "@/lib/api/schemas";
import { listPlansApi } from "@/lib/api/resources/plans";

export const GET = apiRoute({ name: "plans.list", query: PlanListQuery }, async ({ db, principal, query }) => ({
  status: 200,
  body: await listPlansApi(db, principal, query),
}));
