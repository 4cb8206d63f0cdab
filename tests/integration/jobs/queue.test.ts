import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { databasePool, prisma } from "@/lib/db/client";
import { withTenant } from "@/lib/db/scope";
import { enqueue } from "@/lib/jobs/enqueue";
import { queueJobState } from "@/lib/jobs/job-rows";
import type { JobHandler } from "@/lib/jobs/types";
import type { QueueName } from "@/lib/jobs/queues";
import { startJobWorker, type JobWorker } from "@/lib/jobs/worker";
import { createTenantWithOwner } from "@/lib/seed/factories";

// The job engine on the real database (PGlite or PostgreSQL): a job is queued with the transaction that causes
// it, runs once, is retried with backoff, ends in the dead-letter queue, and periodic jobs are scheduled.

let database: TestDatabase;
let tenantId = "";
let worker: JobWorker | null = null;

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await createTenantWithOwner({ slug: "queue-co" })).tenant.id;
}, 120_000);
afterEach(async () => {
  await worker?.stop();
  worker = null;
});
afterAll(() => database?.close());

const work = async (queues: QueueName[], handlers: Partial<Record<QueueName, JobHandler>>) => {
  worker = await startJobWorker({
    queues,
    handlers,
    threads: false,
    pollingIntervalSeconds: 0.5,
    maintenanceIntervalSeconds: 1,
  });
  return worker;
};

async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() - started > timeoutMs) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const EXPORT: QueueName = "scorecards.export";

describe("enqueue", () => {
  it("queues nothing when the causing transaction rolls back", async () => {
    let id: string | null = null;
    await expect(
      withTenant({ tenantId }, async (db) => {
        id = await enqueue(db, EXPORT, { tenantId, jobId: "rolled-back" });
        throw new Error("the cause failed");
      }),
    ).rejects.toThrow("the cause failed");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await queueJobState(id!)).toBeNull();
  });

  it("runs a committed job exactly once, with its data", async () => {
    const runs: Record<string, unknown>[] = [];
    const id = await withTenant({ tenantId }, (db) => enqueue(db, EXPORT, { tenantId, jobId: "committed" }));
    await work([EXPORT], { [EXPORT]: async (data) => void runs.push(data) });
    const state = await until(
      () => queueJobState(id!),
      (s) => s?.state === "completed",
    );
    expect(state?.state).toBe("completed");
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // a second poll finds nothing more to run
    expect(runs).toEqual([{ tenantId, jobId: "committed" }]);
  });
});

describe("stopping", () => {
  it("returns only once the job it ran is marked complete, so the database can close right after", async () => {
    const id = await withTenant({ tenantId }, (db) => enqueue(db, EXPORT, { tenantId, jobId: "at-stop" }));
    let release = () => {};
    let running = () => {};
    const started = new Promise<void>((resolve) => {
      running = resolve;
    });
    const stopped = await work([EXPORT], {
      [EXPORT]: () => {
        running();
        return new Promise<void>((done) => {
          release = done;
        });
      },
    });
    worker = null;
    await started;
    // Hold the job's row so that marking it complete waits: pg-boss issues that statement without awaiting it.
    const holder = await databasePool().connect();
    try {
      await holder.query("begin");
      await holder.query("select id from pgboss.job where id = $1 for update", [id]);
      release();
      let returned = false;
      const stopping = stopped.stop().then(() => {
        returned = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(returned).toBe(false);
      await holder.query("commit");
      await stopping;
    } finally {
      holder.release();
    }
    expect(await queueJobState(id!)).toEqual({ state: "completed", retryCount: 0 });
  });
});

describe("failures", () => {
  it("retries a failing job with growing delays, then completes it", async () => {
    const attempts: number[] = [];
    const id = await withTenant({ tenantId }, (db) =>
      enqueue(db, EXPORT, { tenantId, jobId: "flaky" }, { retryLimit: 3, retryDelay: 1, retryBackoff: true }),
    );
    await work([EXPORT], {
      [EXPORT]: async () => {
        attempts.push(Date.now());
        if (attempts.length < 3) throw new Error("not yet");
      },
    });
    const state = await until(
      () => queueJobState(id!),
      (s) => s?.state === "completed",
      30_000,
    );
    expect(state).toEqual({ state: "completed", retryCount: 2 });
    expect(attempts).toHaveLength(3);
    const gaps = [attempts[1] - attempts[0], attempts[2] - attempts[1]];
    // backoff: pg-boss waits retryDelay × 2^(n-1) to twice that before retry n (random in between), so the first
    // wait is 1-2 s and the second 2-4 s. Their floors double; comparing the two waits themselves failed when the
    // jitter drew a long first wait and a short second one (2,041 ms then under 2,041 ms, CI on PGlite).
    expect(gaps[0]).toBeGreaterThanOrEqual(950);
    expect(gaps[1]).toBeGreaterThanOrEqual(1_950);
  });

  it("sends a job out of attempts to the dead-letter queue, which fails its Job row", async () => {
    const row = await withTenant({ tenantId }, (db) =>
      db.job.create({
        data: { tenantId, kind: EXPORT, status: "QUEUED", input: { month: "2026-09" } },
        select: { id: true },
      }),
    );
    await withTenant({ tenantId }, (db) =>
      enqueue(db, EXPORT, { tenantId, jobId: row.id }, { id: row.id, retryLimit: 1, retryDelay: 1 }),
    );
    let calls = 0;
    await work([EXPORT, "jobs.dead-letter"], {
      [EXPORT]: async () => {
        calls++;
        throw new Error("always");
      },
    });
    const job = await until(
      () => withTenant({ tenantId }, (db) => db.job.findFirstOrThrow({ where: { tenantId, id: row.id } })),
      (j) => j.status === "FAILED",
    );
    expect(job.status).toBe("FAILED");
    expect(job.error).toMatch(/Interrupted/);
    expect(calls).toBe(2);
    expect(await queueJobState(row.id)).toEqual({ state: "failed", retryCount: 1 });
  });
});

describe("singletons and schedules", () => {
  it("keeps one waiting job of a periodic (stately) queue however often it is queued", async () => {
    const ids = await withTenant({ tenantId }, async (db) => [
      await enqueue(db, "webhooks.dispatch", {}),
      await enqueue(db, "webhooks.dispatch", {}),
    ]);
    expect(ids[0]).not.toBeNull();
    expect(ids[1]).toBeNull();
    const [{ waiting }] = await prisma().$queryRawUnsafe<{ waiting: number }[]>(
      `select count(*)::int as waiting from pgboss.job where name = 'webhooks.dispatch' and state = 'created'`,
    );
    expect(waiting).toBe(1);
  });

  it("keeps one job per singleton key within its window", async () => {
    const ids = await withTenant({ tenantId }, async (db) => [
      await enqueue(db, EXPORT, { n: 1 }, { singletonKey: "month-2026-09", singletonSeconds: 60 }),
      await enqueue(db, EXPORT, { n: 2 }, { singletonKey: "month-2026-09", singletonSeconds: 60 }),
      await enqueue(db, EXPORT, { n: 3 }, { singletonKey: "month-2026-10", singletonSeconds: 60 }),
    ]);
    expect(ids.map((id) => id !== null)).toEqual([true, false, true]);
  });

  it("registers a cron schedule for every periodic job when the worker starts", async () => {
    const started = await work(["incidents.escalation-sweep", "webhooks.dispatch", "db.analyze"], {
      "incidents.escalation-sweep": async () => undefined,
      "webhooks.dispatch": async () => undefined,
      "db.analyze": async () => undefined,
    });
    const schedules = await started.boss.getSchedules();
    expect(Object.fromEntries(schedules.map((s) => [s.name, s.cron]))).toEqual({
      "incidents.escalation-sweep": "* * * * *",
      "webhooks.dispatch": "* * * * *",
      "db.analyze": "*/10 * * * *",
    });
  });
});
