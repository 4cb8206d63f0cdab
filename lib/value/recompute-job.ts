/**
 * The "value.recompute" background job: started by a server action (a Job row in the action's
 * transaction), run in-process after the request (not awaited by it), progress written to the
 * Job row in short transactions, polled by the UI.
 */
import { DomainError } from "@/lib/errors";
import { withTenant, type Db } from "@/lib/db/scope";
import { log } from "@/lib/log";
import { recomputeCustomerValues, type RecomputeResult } from "./recompute";
import { formatMonth } from "@/lib/months";
import { ValueModelError } from "./tenant-models";

const RECOMPUTE_JOB = "value.recompute";
/** A job still RUNNING after this long died with its process (a restart): it no longer blocks. */
const STALE_JOB_MS = 30 * 60_000;

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

const jobSelect = { id: true, status: true, progress: true, total: true, message: true, error: true, result: true, createdAt: true, finishedAt: true } as const;

/** Creates the job row; refuses while another recompute of the tenant is queued or running. */
export async function createRecomputeJob(db: Db, tenantId: string, input: { month: Date; userId: string | null }) {
  // Serialise concurrent starts for this tenant until the transaction ends.
  await db.$executeRaw`select pg_advisory_xact_lock(hashtext(${`${tenantId}:${RECOMPUTE_JOB}`}))`;
  const active = await db.job.findFirst({
    where: { tenantId, kind: RECOMPUTE_JOB, status: { in: ["QUEUED", "RUNNING"] } },
    orderBy: { createdAt: "desc" },
  });
  if (active) {
    if (Date.now() - active.createdAt.getTime() < STALE_JOB_MS) {
      throw new DomainError("A recompute is already running for this workspace. Wait for it to finish.", "conflict");
    }
    await db.job.updateMany({
      where: { tenantId, kind: RECOMPUTE_JOB, status: { in: ["QUEUED", "RUNNING"] } },
      data: { status: "FAILED", error: "Interrupted (the server stopped while it ran).", finishedAt: new Date() },
    });
  }
  return db.job.create({
    data: { tenantId, kind: RECOMPUTE_JOB, status: "QUEUED", input: { month: formatMonth(input.month) }, createdById: input.userId, message: "Queued" },
    select: jobSelect,
  });
}

/** Starts the job once the creating transaction has committed; never throws into the caller. */
export function launchRecomputeJob(tenantId: string, jobId: string): void {
  setTimeout(() => {
    runRecomputeJob(tenantId, jobId).catch((error) => log.error("value recompute job crashed", { tenantId, jobId, error }));
  }, 0);
}

/** Runs a queued job to completion (tests await this directly). */
async function runRecomputeJob(tenantId: string, jobId: string): Promise<JobView | null> {
  // The row becomes visible when the action's transaction commits: wait for it briefly.
  let job: { input: unknown } | null = null;
  for (let attempt = 0; attempt < 100 && !job; attempt++) {
    job = await withTenant({ tenantId }, async (db) => {
      const claimed = await db.job.updateMany({
        where: { tenantId, id: jobId, kind: RECOMPUTE_JOB, status: "QUEUED" },
        data: { status: "RUNNING", startedAt: new Date(), message: "Starting" },
      });
      return claimed.count === 1 ? db.job.findFirst({ where: { tenantId, id: jobId }, select: { input: true } }) : null;
    });
    if (!job) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!job) return null;
  const month = (job.input as { month?: string } | null)?.month;
  let lastWrite = 0;
  try {
    const result = await recomputeCustomerValues(tenantId, {
      month,
      onProgress: async ({ phase, done, total }) => {
        // At most a few progress writes a second, each in its own short transaction.
        if (done > 0 && done < total && performance.now() - lastWrite < 250) return;
        lastWrite = performance.now();
        await withTenant({ tenantId }, (db) =>
          db.job.updateMany({ where: { tenantId, id: jobId }, data: { progress: done, total: total || null, message: phase } }),
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
    const message = error instanceof ValueModelError ? error.message : "The recompute failed on our side. Try again; if it keeps failing, contact support.";
    if (!(error instanceof ValueModelError)) log.error("value recompute failed", { tenantId, jobId, error });
    await withTenant({ tenantId }, (db) =>
      db.job.updateMany({ where: { tenantId, id: jobId }, data: { status: "FAILED", error: message, message: "Failed", finishedAt: new Date() } }),
    );
  }
  return withTenant({ tenantId }, (db) => getRecomputeJob(db, tenantId, jobId));
}

export async function getRecomputeJob(db: Db, tenantId: string, jobId: string): Promise<JobView | null> {
  const job = await db.job.findFirst({ where: { tenantId, id: jobId, kind: RECOMPUTE_JOB }, select: jobSelect });
  return job ? { ...job, result: job.result as RecomputeResult | null } : null;
}

export async function latestRecomputeJob(db: Db, tenantId: string): Promise<JobView | null> {
  const job = await db.job.findFirst({ where: { tenantId, kind: RECOMPUTE_JOB }, orderBy: { createdAt: "desc" }, select: jobSelect });
  return job ? { ...job, result: job.result as RecomputeResult | null } : null;
}
