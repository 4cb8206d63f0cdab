/**
 * The "defection.measure" background job (issue 19, part 4): the matching and bootstrap run on the job
 * worker, never during a page request or API call. A steward's request (or the demo's first login) creates a
 * Job row and the queue job of the same id in its transaction; the worker measures and stores the whole
 * DefectionMeasurement in the row's `result`, with its computed-at time (finishedAt) and its inputs (the
 * window and the as-of date in `input`). The page and GET /api/v1/defection read the latest stored result.
 */
import { withTenant, type Db } from "@/lib/db/scope";
import { enqueue } from "@/lib/jobs/enqueue";
import { reconcileJobRow } from "@/lib/jobs/job-rows";
import type { JobContext } from "@/lib/jobs/types";
import { log } from "@/lib/log";
import { churnBasis, type DefectionMeasurement, measureDefection } from "./queries";

export const DEFECTION_JOB = "defection.measure";

/** The latest stored measurement and whether a newer one is being computed. */
export type StoredDefection = {
  measurement: DefectionMeasurement | null;
  computedAt: Date | null;
  /** A run is queued or running (the page offers no second one meanwhile). */
  running: boolean;
  /** The last run failed after the stored measurement (or with none stored): its message. */
  failed: string | null;
};

/** Queues a measurement unless one is already queued or running; returns the job's id. */
export async function requestDefectionRun(
  db: Db,
  tenantId: string,
  userId: string | null,
  asOf = new Date(),
): Promise<string> {
  await db.$executeRaw`select pg_advisory_xact_lock(hashtext(${`${tenantId}:${DEFECTION_JOB}`}))`;
  const active = await db.job.findFirst({
    where: { tenantId, kind: DEFECTION_JOB, status: { in: ["QUEUED", "RUNNING"] } },
    orderBy: { createdAt: "desc" },
    select: { id: true, status: true },
  });
  if (active && (await reconcileJobRow(db, tenantId, active))) return active.id;
  const job = await db.job.create({
    data: {
      tenantId,
      kind: DEFECTION_JOB,
      status: "QUEUED",
      input: { asOf: asOf.toISOString() },
      createdById: userId,
      message: "Queued",
    },
    select: { id: true },
  });
  await enqueue(db, DEFECTION_JOB, { tenantId, jobId: job.id }, { id: job.id });
  return job.id;
}

/** The queue's handler: an unexpected error throws, so the engine retries the job. */
export async function handleDefectionJob(data: Record<string, unknown>, context: JobContext): Promise<void> {
  await runDefectionJob(String(data.tenantId ?? ""), String(data.jobId ?? context.id), { rethrow: true });
}

/** Measures and stores (tests and the demo await this directly). Returns false when the row was not claimable. */
export async function runDefectionJob(
  tenantId: string,
  jobId: string,
  options: { rethrow?: boolean } = {},
): Promise<boolean> {
  const claimed = await withTenant({ tenantId }, (db) =>
    db.job.updateMany({
      where: { tenantId, id: jobId, kind: DEFECTION_JOB, status: { in: ["QUEUED", "RUNNING"] } },
      data: { status: "RUNNING", startedAt: new Date(), message: "Measuring" },
    }),
  );
  if (claimed.count !== 1) return false;
  try {
    const job = await withTenant({ tenantId }, (db) =>
      db.job.findFirst({ where: { tenantId, id: jobId }, select: { input: true } }),
    );
    const asOf = new Date((job?.input as { asOf?: string } | null)?.asOf ?? Date.now());
    const measurement = await withTenant({ tenantId }, (db) => measureDefection(db, tenantId, asOf), {
      timeoutMs: 10 * 60_000,
    });
    const { basis: _basis, ...stored } = measurement; // the basis is read from the settings when shown
    await withTenant({ tenantId }, (db) =>
      db.job.updateMany({
        where: { tenantId, id: jobId },
        data: {
          status: "SUCCEEDED",
          message: "Done",
          input: { asOf: asOf.toISOString(), windowDays: measurement.windowDays },
          result: stored as object,
          finishedAt: new Date(),
        },
      }),
    );
    return true;
  } catch (error) {
    log.error("defection measurement failed", { tenantId, jobId, error });
    await withTenant({ tenantId }, (db) =>
      db.job.updateMany({
        where: { tenantId, id: jobId },
        data: options.rethrow
          ? { status: "QUEUED", message: "Retrying after an error" }
          : {
              status: "FAILED",
              error: "The measurement failed on our side. Try again.",
              message: "Failed",
              finishedAt: new Date(),
            },
      }),
    );
    if (options.rethrow) throw error;
    return false;
  }
}

/** The latest stored measurement, with the basis equity at risk uses now taken from the settings. */
export async function latestDefection(db: Db, tenantId: string): Promise<StoredDefection> {
  const done = await db.job.findFirst({
    where: { tenantId, kind: DEFECTION_JOB, status: "SUCCEEDED" },
    orderBy: { finishedAt: "desc" },
    select: { result: true, finishedAt: true },
  });
  const latest = await db.job.findFirst({
    where: { tenantId, kind: DEFECTION_JOB },
    orderBy: { createdAt: "desc" },
    select: { id: true, status: true },
  });
  const running = latest ? await reconcileJobRow(db, tenantId, latest) : false;
  const last =
    latest && !running && latest.status !== "SUCCEEDED"
      ? await db.job.findFirst({ where: { tenantId, id: latest.id }, select: { status: true, error: true } })
      : null;
  return {
    measurement: done?.result
      ? { ...(done.result as Omit<DefectionMeasurement, "basis">), basis: await churnBasis(db, tenantId) }
      : null,
    computedAt: done?.finishedAt ?? null,
    running,
    failed: last?.status === "FAILED" ? (last.error ?? "The last measurement failed.") : null,
  };
}
