import { apiRoute } from "@/lib/api/route";
import { FunnelQuery } from "@/lib/api/schemas";
import { getFunnel } from "@/lib/api/resources/funnel";

export const GET = apiRoute({ name: "funnel.get", query: FunnelQuery }, async ({ db, principal, query }) => ({
  status: 200,
  body: await getFunnel(db, principal, query),
}));
