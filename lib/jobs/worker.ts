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
import { InFlight } from "./in-flight";

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

const poolExecutor = (inFlight: InFlight): SqlExecutor => ({
  executeSql: (text, values) =>
    inFlight.track(async () => {
      const result = await databasePool().query(text, values as unknown[]);
      // A parameterless script answers one result per statement: pg-boss reads the last one's rows.
      const last = Array.isArray(result) ? result[result.length - 1] : result;
      return { rows: last?.rows ?? [] };
    }),
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
  const inFlight = new InFlight();
  const boss = createBoss(poolExecutor(inFlight), {
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 30,
  });
  boss.on("error", (error) => log.error("job engine error", { error }));
  await boss.start();
  const names = options.queues ?? (Object.keys(QUEUES) as QueueName[]);
  const useThreads = options.threads ?? true;
  let workerIds: Map<QueueName, string>;
  try {
    await ensureQueues(boss, names);
    workerIds = await workQueues(boss, names, useThreads, options, inFlight);
  } catch (error) {
    await boss.stop({ graceful: false, wait: true });
    throw error;
  }
  const tickers = startTickers(boss, workerIds);
  log.info("job worker started", { queues: names, threads: useThreads });
  return {
    boss,
    async stop() {
      for (const ticker of tickers) clearInterval(ticker);
      await boss.stop({ graceful: true, timeout: 10_000, wait: true });
      if (!(await inFlight.settled(10_000))) log.warn("job worker stopped with statements still running");
      await stopThreads();
    },
  };
}

async function workQueues(
  boss: PgBoss,
  names: QueueName[],
  useThreads: boolean,
  options: WorkerOptions,
  inFlight: InFlight,
) {
  const workerIds = new Map<QueueName, string>();
  for (const name of names) {
    const queue: QueueDefinition = QUEUES[name];
    const workerId = await boss.work<Record<string, unknown>>(
      name,
      {
        // A periodic job waits at most a second to start once queued: its period is its latency goal.
        pollingIntervalSeconds: Math.min(
          options.pollingIntervalSeconds ?? 2,
          queue.everyMs ? Math.min(1, periodicTiming(queue.everyMs()).pollingIntervalSeconds) : 2,
        ),
        batchSize: 1,
        includeMetadata: true,
      },
      ([job]) =>
        inFlight.track(async () => {
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
          }
        }),
    );
    workerIds.set(name, workerId);
  }
  return workerIds;
}

/**
 * Periodic jobs: queued right away, then every period by every worker (the queue's policy keeps one
 * waiting). Not chained from the end of each run: a run whose worker was killed would end the chain until
 * the next minute's cron, and a chain's period stretches by each run's duration.
 */
function startTickers(boss: PgBoss, workerIds: Map<QueueName, string>): NodeJS.Timeout[] {
  const tickers: NodeJS.Timeout[] = [];
  for (const [name, workerId] of workerIds) {
    const every = (QUEUES[name] as QueueDefinition).everyMs;
    if (!every) continue;
    // This worker fetches the job it queued at once (if it is free) rather than at its next poll.
    const queue = () =>
      void boss
        .send(name, {})
        .then(() => boss.notifyWorker(workerId))
        .catch((error) => log.warn("queuing a periodic job failed", { name, error }));
    queue();
    tickers.push(setInterval(queue, every()));
  }
  return tickers;
}
