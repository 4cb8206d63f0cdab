import type PgBoss from "pg-boss";
import type { Db } from "@/lib/db/scope";
import { createBoss, JOB_SCHEMA, type SqlExecutor } from "./boss";
import { queueOptions, queuesToEnsure, type QueueName } from "./queues";

export type EnqueueOptions = {
  /** The job's id (a uuid); the Job row's id for jobs whose progress the UI shows. */
  id?: string;
  /** With a stately queue or singletonSeconds: at most one job per key. */
  singletonKey?: string;
  singletonSeconds?: number;
  /** Delay in seconds, or a moment. */
  startAfter?: number | Date;
  /** Per-job overrides of the queue's retry and expiry policy (./queues.ts). */
  retryLimit?: number;
  retryDelay?: number;
  retryBackoff?: boolean;
  expireInSeconds?: number;
};

/**
 * Runs pg-boss's statements through a Prisma transaction, so a job is queued if and only if the transaction
 * that caused it commits. Parameters go as text (pg-boss casts them), as the pg driver would send them.
 */
function transactionExecutor(db: Db): SqlExecutor {
  return {
    async executeSql(text, values = []) {
      const params = values.map((v) =>
        v === null || v === undefined
          ? null
          : typeof v === "object" && !(v instanceof Date)
            ? JSON.stringify(v)
            : String(v instanceof Date ? v.toISOString() : v),
      );
      const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(text, ...params);
      return { rows };
    },
  };
}

const sender = globalThis as unknown as { stewardJobSender?: PgBoss };

/** Only builds statements: every send passes the caller's transaction as its connection. */
function boss(): PgBoss {
  sender.stewardJobSender ??= createBoss({
    executeSql: () => Promise.reject(new Error("enqueue() must run in a transaction: pass its db")),
  });
  return sender.stewardJobSender;
}

/**
 * Queues a job inside `db`'s transaction (it runs only if that transaction commits). Returns the job's id, or
 * null when a singleton rule dropped it (one is already queued).
 */
export async function enqueue(
  db: Db,
  name: QueueName,
  data: object,
  options: EnqueueOptions = {},
): Promise<string | null> {
  // pg-boss drops a job for a queue that does not exist: create it first (a no-op when it does). A queue added
  // to ./queues.ts thus works before any worker has started.
  for (const queue of queuesToEnsure(name)) {
    await db.$executeRawUnsafe(
      `select ${JOB_SCHEMA}.create_queue($1, $2::json)`,
      queue,
      JSON.stringify(queueOptions(queue)),
    );
  }
  const { startAfter, ...rest } = options;
  const sendOptions: PgBoss.SendOptions & { db: SqlExecutor } = { ...rest, db: transactionExecutor(db) };
  if (startAfter !== undefined)
    sendOptions.startAfter = startAfter instanceof Date ? startAfter.toISOString() : startAfter;
  return boss().send(name, data, sendOptions);
}
