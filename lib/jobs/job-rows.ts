/**
 * The Job rows the UI shows (value recompute, scorecard export) and the queue jobs that run them share one id:
 * the row carries progress and result for the page, the queue carries attempts and expiry. These keep the two
 * in step when a worker dies.
 */
import { prisma } from "@/lib/db/client";
import { withTenant, type Db } from "@/lib/db/scope";
import { JOB_SCHEMA } from "./boss";

export const INTERRUPTED_MESSAGE = "Interrupted: the worker stopped while it ran. Start it again.";

const jobRowData = (data: Record<string, unknown>) => {
  const tenantId = typeof data.tenantId === "string" ? data.tenantId : null;
  const jobId = typeof data.jobId === "string" ? data.jobId : null;
  return tenantId && jobId ? { tenantId, jobId } : null;
};

/** The dead-letter handler: a job that used up its attempts leaves its row FAILED, so the page unlocks. */
export async function settleDeadJob(data: Record<string, unknown>): Promise<void> {
  const row = jobRowData(data);
  if (!row) return;
  await withTenant({ tenantId: row.tenantId }, (db) => failUnfinishedRow(db, row.tenantId, row.jobId));
}

function failUnfinishedRow(db: Db, tenantId: string, jobId: string) {
  return db.job.updateMany({
    where: { tenantId, id: jobId, status: { in: ["QUEUED", "RUNNING"] } },
    data: { status: "FAILED", error: INTERRUPTED_MESSAGE, message: "Failed", finishedAt: new Date() },
  });
}

/**
 * Whether the queue still holds the row's job as waiting, retrying or running. A row QUEUED or RUNNING whose
 * queue job failed, was cancelled, or is gone can never finish: it is marked FAILED here, whoever looks first
 * (the page, the action), so no dead worker leaves a button disabled.
 */
export async function reconcileJobRow(db: Db, tenantId: string, job: { id: string; status: string }): Promise<boolean> {
  if (job.status !== "QUEUED" && job.status !== "RUNNING") return false;
  const [queued] = await db.$queryRawUnsafe<{ state: string }[]>(
    `select state::text as state from ${JOB_SCHEMA}.job where id = $1::uuid`,
    job.id,
  );
  if (queued && (queued.state === "created" || queued.state === "retry" || queued.state === "active")) return true;
  await failUnfinishedRow(db, tenantId, job.id);
  return false;
}

/** For tests and tools: the queue state of a job by id, outside any tenant. */
export async function queueJobState(id: string): Promise<{ state: string; retryCount: number } | null> {
  const [row] = await prisma().$queryRawUnsafe<{ state: string; retry_count: number }[]>(
    `select state::text as state, retry_count from ${JOB_SCHEMA}.job where id = $1::uuid`,
    id,
  );
  return row ? { state: row.state, retryCount: row.retry_count } : null;
}
