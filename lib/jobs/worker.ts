/**
 * The job worker: polls every queue in ./queues.ts and runs its handler (./handlers.ts), CPU-heavy ones in a
 * worker thread (./threads.ts) so the event loop stays free, which matters where the worker shares its
 * process with the embedded database. Started by `npm run worker`, or with the web server by `npm start` when
 * STEWARD_ROLE is `all` (scripts/serve.ts). Several workers may run against one database: pg-boss hands each
 * job to one of them (SKIP LOCKED), expires jobs of a worker that died, and retries them.
 */
import type PgBoss from "pg-boss";
import { databasePool } from "@/lib/db/client";
import { log } from "@/lib/log";
import { createBoss, type SqlExecutor } from "./boss";
import { HANDLERS } from "./handlers";
import type { JobContext, JobHandler } from "./types";
import {
  cronFor,
  DEAD_LETTER_QUEUE,
  periodicTiming,
  queueOptions,
  QUEUES,
  type QueueDefinition,
  type QueueName,
} from "./queues";
import { runInThread, stopThreads } from "./threads";

export type WorkerOptions = {
  /** Run CPU-heavy handlers in a worker thread (default), or inline (tests). */
  threads?: boolean;
  /** How often each queue is polled when idle. */
  pollingIntervalSeconds?: number;
  /** Expiry and maintenance checks. */
  maintenanceIntervalSeconds?: number;
  /** Queues to work (default all); tests pick theirs. */
  queues?: QueueName[];
  /** Replaces handlers (tests that make a job fail on purpose). */
  handlers?: Partial<Record<QueueName, JobHandler>>;
};

export type JobWorker = { boss: PgBoss; stop(): Promise<void> };

const poolExecutor = (): SqlExecutor => ({
  executeSql: async (text, values) => {
    const result = await databasePool().query(text, values as unknown[]);
    // A parameterless script answers one result per statement: pg-boss reads the last one's rows.
    const last = Array.isArray(result) ? result[result.length - 1] : result;
    return { rows: last?.rows ?? [] };
  },
});

/** Creates the queues (idempotent) and registers the periodic ones' cron schedules. */
async function ensureQueues(boss: PgBoss, names: QueueName[] = Object.keys(QUEUES) as QueueName[]) {
  for (const name of [DEAD_LETTER_QUEUE as QueueName, ...names.filter((n) => n !== DEAD_LETTER_QUEUE)]) {
    const queue: QueueDefinition = QUEUES[name];
    // create_queue keeps an existing queue's options: update them to what the code says.
    await boss.createQueue(name, { name, ...queueOptions(name) });
    await boss.updateQueue(name, { name, ...queueOptions(name) });
    if (queue.everyMs) await boss.schedule(name, cronFor(queue.everyMs()), {}, { tz: "UTC" });
  }
}

export async function startJobWorker(options: WorkerOptions = {}): Promise<JobWorker> {
  const boss = createBoss(poolExecutor(), {
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 30,
  });
  boss.on("error", (error) => log.error("job engine error", { error }));
  await boss.start();
  const names = options.queues ?? (Object.keys(QUEUES) as QueueName[]);
  const useThreads = options.threads ?? true;
  try {
    await ensureQueues(boss, names);
    await workQueues(boss, names, useThreads, options);
  } catch (error) {
    await boss.stop({ graceful: false, wait: true });
    throw error;
  }
  log.info("job worker started", { queues: names, threads: useThreads });
  return {
    boss,
    async stop() {
      await boss.stop({ graceful: true, timeout: 10_000, wait: true });
      await stopThreads();
    },
  };
}

async function workQueues(boss: PgBoss, names: QueueName[], useThreads: boolean, options: WorkerOptions) {
  for (const name of names) {
    const queue: QueueDefinition = QUEUES[name];
    await boss.work<Record<string, unknown>>(
      name,
      {
        pollingIntervalSeconds:
          options.pollingIntervalSeconds ??
          (queue.everyMs ? periodicTiming(queue.everyMs()).pollingIntervalSeconds : 2),
        batchSize: 1,
        includeMetadata: true,
      },
      async ([job]) => {
        const context: JobContext = { id: job.id, name, retryCount: job.retryCount };
        try {
          const data = job.data ?? {};
          const replaced = options.handlers?.[name];
          if (replaced) return await replaced(data, context);
          return queue.cpuHeavy && useThreads
            ? await runInThread(name, data, context)
            : await (await HANDLERS[name]())(data, context);
        } catch (error) {
          log.error("job failed", { queue: name, jobId: job.id, attempt: job.retryCount + 1, error });
          throw error;
        } finally {
          // A periodic job queues its next run; the stately queue keeps it to one waiting.
          if (queue.everyMs)
            await boss.send(name, {}, { startAfter: periodicTiming(queue.everyMs()).startAfter }).catch(() => null);
        }
      },
    );
    // Periodic jobs start right away rather than at the next minute's cron.
    if (queue.everyMs) await boss.send(name, {});
  }
}
