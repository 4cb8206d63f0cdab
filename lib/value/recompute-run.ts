/**
 * Running a "value.recompute" job (./recompute-job.ts creates them and reads them for the UI). Only the job worker
 * loads this module: the recompute starts a worker thread of its own for half of its scoring, which a web bundle
 * must not contain.
 */
import { withTenant } from "@/lib/db/scope";
import type { JobContext } from "@/lib/jobs/types";
import { log } from "@/lib/log";
import { recomputeCustomerValues } from "./recompute";
import { getRecomputeJob, RECOMPUTE_JOB, type JobView } from "./recompute-job";
import { ValueModelError } from "./tenant-models";

/** The queue's handler: an unexpected error throws, so the engine retries the job. */
export async function handleRecomputeJob(data: Record<string, unknown>, context: JobContext): Promise<JobView | null> {
  return runRecomputeJob(String(data.tenantId ?? ""), String(data.jobId ?? context.id), { rethrow: true });
}

/**
 * Runs a queued job to completion (tests await this directly). The engine runs one attempt of a job at a time,
 * so a row left RUNNING by a worker that died is taken over.
 */
export async function runRecomputeJob(
  tenantId: string,
  jobId: string,
  options: { rethrow?: boolean } = {},
): Promise<JobView | null> {
  const job = await withTenant({ tenantId }, async (db) => {
    const claimed = await db.job.updateMany({
      where: { tenantId, id: jobId, kind: RECOMPUTE_JOB, status: { in: ["QUEUED", "RUNNING"] } },
      data: { status: "RUNNING", startedAt: new Date(), message: "Starting" },
    });
    return claimed.count === 1 ? db.job.findFirst({ where: { tenantId, id: jobId }, select: { input: true } }) : null;
  });
  if (!job) return null;
  const { month, force } = (job.input as { month?: string; force?: boolean } | null) ?? {};
  let lastWrite = 0;
  try {
    const result = await recomputeCustomerValues(tenantId, {
      month,
      force,
      onProgress: async ({ phase, done, total }) => {
        // At most a few progress writes a second, each in its own short transaction.
        if (done > 0 && done < total && performance.now() - lastWrite < 250) return;
        lastWrite = performance.now();
        await withTenant({ tenantId }, (db) =>
          db.job.updateMany({
            where: { tenantId, id: jobId },
            data: { progress: done, total: total || null, message: phase },
          }),
        );
      },
    });
    await withTenant({ tenantId }, (db) =>
      db.job.updateMany({
        where: { tenantId, id: jobId },
        data: {
          status: "SUCCEEDED",
          progress: result.customers,
          total: result.customers,
          message: result.skipped ? "Already up to date: no transactions changed since the last fit" : "Done",
          result: result as object,
          finishedAt: new Date(),
        },
      }),
    );
  } catch (error) {
    if (options.rethrow && !(error instanceof ValueModelError)) {
      log.error("value recompute failed; the job engine retries it", { tenantId, jobId, error });
      await withTenant({ tenantId }, (db) =>
        db.job.updateMany({
          where: { tenantId, id: jobId },
          data: { status: "QUEUED", message: "Retrying after an error" },
        }),
      );
      throw error;
    }
    const message =
      error instanceof ValueModelError
        ? error.message
        : "The recompute failed on our side. Try again; if it keeps failing, contact support.";
    if (!(error instanceof ValueModelError)) log.error("value recompute failed", { tenantId, jobId, error });
    await withTenant({ tenantId }, (db) =>
      db.job.updateMany({
        where: { tenantId, id: jobId },
        data: { status: "FAILED", error: message, message: "Failed", finishedAt: new Date() },
      }),
    );
  }
  return withTenant({ tenantId }, (db) => getRecomputeJob(db, tenantId, jobId));
}
