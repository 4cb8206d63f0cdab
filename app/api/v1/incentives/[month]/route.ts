import { apiRoute } from "@/lib/api/route";
import { IncentiveMonthParams } from "@/lib/api/schemas";
import { getIncentiveMonth } from "@/lib/api/resources/incentives";

export const GET = apiRoute(
  { name: "incentives.get", params: IncentiveMonthParams },
  async ({ db, principal, params }) => ({
    status: 200,
    body: await getIncentiveMonth(db, principal, params.month),
  }),
);
