import { apiRoute } from "@/lib/api/route";
import { ApiProblem } from "@/lib/api/problem";
import { latestDefection } from "@/lib/defection/job";

/** The latest stored measurement (the defection job computes it off the request), with when it was computed. */
export const GET = apiRoute({ name: "defection.get" }, async ({ db, principal }) => {
  if (principal.partnerId)
    throw new ApiProblem(403, "Defection is measured over the whole workspace's customers: use a workspace key.");
  const { measurement, computedAt, running } = await latestDefection(db, principal.tenantId);
  if (!measurement)
    throw new ApiProblem(
      404,
      running
        ? "Defection is being measured for the first time: try again in a minute."
        : "Defection has not been measured yet: a steward starts it on the Defection page.",
    );
  return { status: 200, body: { ...measurement, computedAt: (computedAt ?? new Date()).toISOString() } };
});
