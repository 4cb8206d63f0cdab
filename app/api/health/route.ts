import { publicRoute } from "@/lib/api/route";
import { databaseAnswers } from "@/lib/db/health";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";

/** Readiness: 200 when the database answers, 503 otherwise (the cause is logged, never sent). */
export const GET = publicRoute("health", async () => {
  try {
    if (await databaseAnswers()) return { status: 200, body: { status: "ok" } };
  } catch (error) {
    log.error("health check: the database did not answer", { error });
  }
  return { status: 503, body: { status: "unavailable" } };
});
