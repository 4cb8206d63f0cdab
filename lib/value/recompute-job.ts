/**
 * The "value.recompute" background job: started by a server action (a Job row and the queue job of the same
 * id, lib/jobs, in the action's transaction), run by the job worker in a worker thread, progress written to the
 * Job row in short transactions, polled by the UI. A worker that dies mid-recompute has its queue job expired
 * and retried by the engine; a job out of attempts, or gone from the queue, leaves the row FAILED
 * (lib/jobs/job-rows.ts), so the Recompute button never stays disabled.
 */
import { DomainError } from "@/lib/errors";
import { withTenant, type Db } from "@/lib/db/scope";
import { enqueue } from "@/lib/jobs/enqueue";
import type { JobContext } from "@/lib/jobs/types";
import { reconcileJobRow } from "@/lib/jobs/job-rows";
import { log } from "@/lib/log";
import { recomputeCustomerValues, type RecomputeResult } from "./recompute";
import { formatMonth } from "@/lib/months";
import { ValueModelError } from "./tenant-models";

export const RECOMPUTE_JOB = "value.recompute";

export type JobView = {
  id: string;
  status: "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED";
  progress: number;
  total: number | null;
  message: string | null;
  error: string | null;
  result: RecomputeResult | null;
  createdAt: Date;
  finishedAt: Date | null;
};

const jobSelect = {
  id: true,
  status: true,
  progress: true,
  total: true,
  message: true,
  error: true,
  result: true,
  createdAt: true,
  finishedAt: true,
} as const;

/** Creates the job row and queues it; refuses while another recompute of the tenant is queued or running. */
export async function createRecomputeJob(
  db: Db,
  tenantId: string,
  input: { month: Date; userId: string | null; force?: boolean },
) {
  // Serialise concurrent starts for this tenant until the transaction ends.
  await db.$executeRaw`select pg_advisory_xact_lock(hashtext(${`${tenantId}:${RECOMPUTE_JOB}`}))`;
  const active = await db.job.findFirst({
    where: { tenantId, kind: RECOMPUTE_JOB, status: { in: ["QUEUED", "RUNNING"] } },
    orderBy: { createdAt: "desc" },
  });
  if (active && (await reconcileJobRow(db, tenantId, active))) {
    throw new DomainError("A recompute is already running for this workspace. Wait for it to finish.", "conflict");
  }
  const job = await db.job.create({
    data: {
      tenantId,
      kind: RECOMPUTE_JOB,
      status: "QUEUED",
      input: { month: formatMonth(input.month), ...(input.force ? { force: true } : {}) },
      createdById: input.userId,
      message: "Queued",
    },
    select: jobSelect,
  });
  await enqueue(db, RECOMPUTE_JOB, { tenantId, jobId: job.id }, { id: job.id });
  return job;
}

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

export async function getRecomputeJob(db: Db, tenantId: string, jobId: string): Promise<JobView | null> {
  const find = () => db.job.findFirst({ where: { tenantId, id: jobId, kind: RECOMPUTE_JOB }, select: jobSelect });
  let job = await find();
  if (job && (job.status === "QUEUED" || job.status === "RUNNING") && !(await reconcileJobRow(db, tenantId, job)))
    job = await find();
  return job ? { ...job, result: job.result as RecomputeResult | null } : null;
}

/** The latest recompute; one whose queue job can no longer run is marked FAILED first (a worker died). */
export async function latestRecomputeJob(db: Db, tenantId: string): Promise<JobView | null> {
  const latest = () =>
    db.job.findFirst({ where: { tenantId, kind: RECOMPUTE_JOB }, orderBy: { createdAt: "desc" }, select: jobSelect });
  let job = await latest();
  if (job && (job.status === "QUEUED" || job.status === "RUNNING") && !(await reconcileJobRow(db, tenantId, job)))
    job = await latest();
  return job ? { ...job, result: job.result as RecomputeResult | null } : null;
}
