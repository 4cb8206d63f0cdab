import { apiRoute } from "@/lib/api/route";
import { TouchpointListQuery } from "@/lib/api/schemas";
import { listTouchpoints } from "@/lib/api/resources/touchpoints";

export const GET = apiRoute(
  { name: "touchpoints.list", query: TouchpointListQuery },
  async ({ db, principal, query }) => ({
    status: 200,
    body: await listTouchpoints(db, principal, query),
  }),
);
