import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { prisma } from "@/lib/db/client";
import { withTenant } from "@/lib/db/scope";
import { INTERRUPTED_MESSAGE, queueJobState } from "@/lib/jobs/job-rows";
import { startJobWorker } from "@/lib/jobs/worker";
import { createRecomputeJob, latestRecomputeJob } from "@/lib/value/recompute-job";
import { createTenantWithOwner } from "@/lib/seed/factories";

// A worker killed mid-recompute leaves its queue job active and the Job row RUNNING. The engine's own expiry
// retries the job (or, out of attempts, fails it into the dead-letter queue), and the page never stays locked.

let database: TestDatabase;
let tenantId = "";
let userId = "";

beforeAll(async () => {
  database = await createTestDatabase();
  const { tenant, owner } = await createTenantWithOwner({ slug: "crash-co" });
  tenantId = tenant.id;
  userId = owner.user.id;
}, 120_000);
afterAll(() => database?.close());

const inTenant = <T>(work: Parameters<typeof withTenant<T>>[1]) => withTenant({ tenantId }, work);

/** What a worker that died 20 minutes into the job leaves behind (the queue's expiry is 15 minutes). */
async function startedByDeadWorker(retriesLeft: boolean): Promise<string> {
  const job = await inTenant((db) => createRecomputeJob(db, tenantId, { month: new Date(), userId }));
  await prisma().$executeRawUnsafe(
    `update pgboss.job set state = 'active', started_on = now() - interval '20 minutes', retry_limit = $2::int,
       retry_delay = 1, retry_backoff = false
     where id = $1::uuid`,
    job.id,
    retriesLeft ? 2 : 0,
  );
  await inTenant((db) =>
    db.job.updateMany({ where: { tenantId, id: job.id }, data: { status: "RUNNING", message: "reading" } }),
  );
  return job.id;
}

async function until(probe: () => Promise<boolean>, timeoutMs = 30_000) {
  const started = Date.now();
  while (!(await probe()) && Date.now() - started < timeoutMs) await new Promise((r) => setTimeout(r, 200));
}

const settled = (status: string | undefined) => status === "SUCCEEDED" || status === "FAILED";

describe("a recompute whose worker died", () => {
  it("locks the Recompute button only while the engine still holds the job", async () => {
    const jobId = await startedByDeadWorker(true);
    expect((await inTenant((db) => latestRecomputeJob(db, tenantId)))?.status).toBe("RUNNING");
    await expect(inTenant((db) => createRecomputeJob(db, tenantId, { month: new Date(), userId }))).rejects.toThrow(
      /already running/,
    );

    // a live worker's maintenance expires the job and retries it: the rerun settles the row
    const worker = await startJobWorker({
      queues: ["value.recompute", "jobs.dead-letter"],
      threads: false,
      pollingIntervalSeconds: 0.5,
      maintenanceIntervalSeconds: 1,
    });
    try {
      await until(async () => settled((await inTenant((db) => latestRecomputeJob(db, tenantId)))?.status));
    } finally {
      await worker.stop();
    }
    const job = await inTenant((db) => latestRecomputeJob(db, tenantId));
    expect(job?.id).toBe(jobId);
    expect(settled(job?.status)).toBe(true);
    expect(await queueJobState(jobId)).toEqual({ state: "completed", retryCount: 1 });
  });

  it("fails the row through the dead-letter queue when the job is out of attempts, and a new recompute starts", async () => {
    const jobId = await startedByDeadWorker(false);
    const worker = await startJobWorker({
      queues: ["value.recompute", "jobs.dead-letter"],
      threads: false,
      pollingIntervalSeconds: 0.5,
      maintenanceIntervalSeconds: 1,
    });
    try {
      await until(async () => (await inTenant((db) => latestRecomputeJob(db, tenantId)))?.status === "FAILED");
    } finally {
      await worker.stop();
    }
    expect(await inTenant((db) => latestRecomputeJob(db, tenantId))).toMatchObject({
      id: jobId,
      status: "FAILED",
      error: INTERRUPTED_MESSAGE,
    });
    expect((await queueJobState(jobId))?.state).toBe("failed");
    const next = await inTenant((db) => createRecomputeJob(db, tenantId, { month: new Date(), userId }));
    expect(next.status).toBe("QUEUED");
    await prisma().$executeRawUnsafe(`update pgboss.job set state = 'cancelled' where id = $1::uuid`, next.id);
  });

  it("is unlocked by the page itself when the queue job failed and no worker is running", async () => {
    const jobId = await startedByDeadWorker(false);
    await prisma().$executeRawUnsafe(`update pgboss.job set state = 'failed' where id = $1::uuid`, jobId);
    // the page's read marks the row FAILED: nothing can finish it any more
    expect(await inTenant((db) => latestRecomputeJob(db, tenantId))).toMatchObject({
      id: jobId,
      status: "FAILED",
      error: INTERRUPTED_MESSAGE,
    });
    const next = await inTenant((db) => createRecomputeJob(db, tenantId, { month: new Date(), userId }));
    expect((await queueJobState(next.id))?.state).toBe("created");
  });
});
