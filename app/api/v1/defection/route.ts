import { apiRoute } from "@/lib/api/route";
import { ApiProblem } from "@/lib/api/problem";
import { measureDefection } from "@/lib/defection/queries";

export const GET = apiRoute({ name: "defection.get" }, async ({ db, principal }) => {
  if (principal.partnerId)
    throw new ApiProblem(403, "Defection is measured over the whole workspace's customers: use a workspace key.");
  return { status: 200, body: await measureDefection(db, principal.tenantId) };
});
