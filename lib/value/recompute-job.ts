/**
 * The "value.recompute" background job: started by a server action (a Job row and the queue job of the same
 * id, lib/jobs, in the action's transaction), run by the job worker in a worker thread, progress written to the
 * Job row in short transactions (./recompute-run.ts, which only the worker loads: the web server never bundles the
 * recompute itself), polled by the UI. A worker that dies mid-recompute has its queue job expired
 * and retried by the engine; a job out of attempts, or gone from the queue, leaves the row FAILED
 * (lib/jobs/job-rows.ts), so the Recompute button never stays disabled.
 */
import { DomainError } from "@/lib/errors";
import type { Db } from "@/lib/db/scope";
import { enqueue } from "@/lib/jobs/enqueue";
import { reconcileJobRow } from "@/lib/jobs/job-rows";
import type { RecomputeResult } from "./recompute";
import { formatMonth } from "@/lib/months";

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
