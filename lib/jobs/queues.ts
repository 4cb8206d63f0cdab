import { env } from "@/lib/env";

/**
 * Every background job Steward runs, as data: the queue's name and its retry, expiry and schedule policy. The
 * handlers live beside their domain code and are listed in ./handlers.ts. To add a job: add a queue here, a
 * handler there, and queue it with `enqueue(db, name, data)` (./enqueue.ts) inside the transaction that causes it.
 * The worker (./worker.ts) creates missing queues and registers the schedules when it starts.
 */

/** Jobs that failed all their attempts (or expired on their last one) land here: see handlers.ts. */
export const DEAD_LETTER_QUEUE = "jobs.dead-letter";

export type QueueDefinition = {
  /**
   * standard: any number of jobs. stately: at most one queued and one running at a time (a periodic sweep:
   * queuing it again while one waits does nothing). short: at most one queued, any number running (a sweep
   * that is safe to run twice at once: a run whose worker died, still "active" until it expires, never
   * holds back the next).
   */
  policy: "standard" | "stately" | "short";
  /** Attempts after the first, each `retryDelaySeconds` later, doubled per attempt when `retryBackoff`. */
  retryLimit: number;
  retryDelaySeconds: number;
  retryBackoff: boolean;
  /** A job still active after this long died with its process: the engine fails it, then retries it. */
  expireInSeconds: number;
  /** Dead jobs go to DEAD_LETTER_QUEUE, whose handler settles what the UI shows. */
  deadLetter: boolean;
  /**
   * Periodic jobs: run every so many milliseconds. Every worker queues one each period (the policy keeps one
   * waiting), so the period holds while any worker lives; a cron each minute re-seeds it too.
   */
  everyMs?: () => number;
  /** CPU-heavy jobs run in a worker thread, off the event loop that serves the embedded database. */
  cpuHeavy?: boolean;
};

type IntervalVariable = "STEWARD_SWEEP_INTERVAL_MS" | "STEWARD_WEBHOOK_INTERVAL_MS" | "STEWARD_MAIL_INTERVAL_MS";
/** The shortest period a periodic job keeps: the job queue polls at most every 500 ms. */
const MIN_PERIOD_MS = 500;

/**
 * A period read from its setting, in milliseconds, divided by `runsPerPeriod`, at least 500 ms (the job queue polls at
 * most every 500 ms).
 */
const milliseconds =
  (variable: IntervalVariable, fallbackMs: number, runsPerPeriod = 1) =>
  () =>
    Math.max(MIN_PERIOD_MS, Math.round((env()[variable] ?? fallbackMs) / runsPerPeriod));

export const QUEUES = {
  /** Recompute a tenant's customer values: data { tenantId, jobId }. */
  "value.recompute": {
    policy: "standard",
    retryLimit: 2,
    retryDelaySeconds: 30,
    retryBackoff: true,
    expireInSeconds: 15 * 60,
    deadLetter: true,
    cpuHeavy: true,
  },
  /** Render and store a published month's CSV and PDF: data { tenantId, jobId }. */
  "scorecards.export": {
    policy: "standard",
    retryLimit: 3,
    retryDelaySeconds: 30,
    retryBackoff: true,
    expireInSeconds: 10 * 60,
    deadLetter: true,
    cpuHeavy: true,
  },
  /** Measure a tenant's defection (matching and bootstrap) and store it on the Job row: data { tenantId, jobId }. */
  "defection.measure": {
    policy: "standard",
    retryLimit: 2,
    retryDelaySeconds: 30,
    retryBackoff: true,
    expireInSeconds: 10 * 60,
    deadLetter: true,
    cpuHeavy: true,
  },
  /**
   * Escalate breached incidents in every tenant (each breach exactly once, however many sweeps run at once:
   * the Escalation row's unique key and row locks skipped by the other sweep). "short", not "stately": a
   * worker killed mid-sweep must not hold the next sweep back until its job expires (5 minutes), or every
   * breach in between escalates minutes late (the breach-to-escalation bench).
   */
  "incidents.escalation-sweep": {
    policy: "short",
    retryLimit: 0,
    retryDelaySeconds: 0,
    retryBackoff: false,
    expireInSeconds: 5 * 60,
    deadLetter: false,
    // Twice per promised interval: a breach waits for the next sweep (up to half the interval) plus its run,
    // and one held by a sweep whose worker died is taken by the one after (still within the interval).
    everyMs: milliseconds("STEWARD_SWEEP_INTERVAL_MS", 30_000, 2),
  },
  /**
   * Remind the owners of corrective actions due soon, and escalate overdue ones, in every tenant (each reminder, and
   * each action and level, exactly once).
   */
  "plans.overdue-sweep": {
    policy: "stately",
    retryLimit: 0,
    retryDelaySeconds: 0,
    retryBackoff: false,
    expireInSeconds: 5 * 60,
    deadLetter: false,
    everyMs: milliseconds("STEWARD_SWEEP_INTERVAL_MS", 30_000),
  },
  /** Fan out outbox events to webhook endpoints and deliver what is due. */
  "webhooks.dispatch": {
    policy: "stately",
    retryLimit: 0,
    retryDelaySeconds: 0,
    retryBackoff: false,
    expireInSeconds: 5 * 60,
    deadLetter: false,
    everyMs: milliseconds("STEWARD_WEBHOOK_INTERVAL_MS", 10_000),
  },
  /** Send the e-mail that is due (retries with backoff live in lib/mail) and queue the daily digests. */
  "mail.deliver": {
    policy: "stately",
    retryLimit: 0,
    retryDelaySeconds: 0,
    retryBackoff: false,
    expireInSeconds: 5 * 60,
    deadLetter: false,
    everyMs: milliseconds("STEWARD_MAIL_INTERVAL_MS", 5_000),
  },
  /**
   * Remove sign-ups whose address was never proved within a week, with their empty workspaces; throttles' attempt
   * rows past their windows; sessions past their expiry.
   */
  "accounts.cleanup": {
    policy: "stately",
    retryLimit: 0,
    retryDelaySeconds: 0,
    retryBackoff: false,
    expireInSeconds: 10 * 60,
    deadLetter: false,
    everyMs: () => 60 * 60_000,
  },
  /** Refresh planner statistics on the embedded database, which has no autovacuum (a no-op on a server). */
  "db.analyze": {
    policy: "stately",
    retryLimit: 0,
    retryDelaySeconds: 0,
    retryBackoff: false,
    expireInSeconds: 10 * 60,
    deadLetter: false,
    everyMs: () => 10 * 60_000,
  },
  [DEAD_LETTER_QUEUE]: {
    policy: "standard",
    retryLimit: 2,
    retryDelaySeconds: 10,
    retryBackoff: true,
    expireInSeconds: 60,
    deadLetter: false,
  },
} satisfies Record<string, QueueDefinition>;

export type QueueName = keyof typeof QUEUES;

/** The cron expression that re-seeds a periodic job: every minute, or every N minutes for longer periods. */
export function cronFor(everyMs: number): string {
  const minutes = Math.floor(everyMs / 60_000);
  return minutes <= 1 ? "* * * * *" : `*/${Math.min(minutes, 59)} * * * *`;
}

/** pg-boss polls a queue at most every 500 ms: the shortest period a periodic job can keep (lib/env.ts refuses less). */

/**
 * How a periodic job keeps its period to the millisecond: its next run is queued for `now + period` (a time, not
 * whole seconds), and its worker polls at least that often (between 0.5 and 2 s).
 */
export function periodicTiming(everyMs: number, now = Date.now()) {
  return {
    startAfter: new Date(now + everyMs),
    pollingIntervalSeconds: Math.min(2, Math.max(MIN_PERIOD_MS, everyMs) / 1000),
  };
}

/** The options pg-boss stores for a queue (its create_queue / updateQueue arguments). */
export function queueOptions(name: QueueName) {
  const queue: QueueDefinition = QUEUES[name];
  return {
    policy: queue.policy,
    retryLimit: queue.retryLimit,
    retryDelay: queue.retryDelaySeconds,
    retryBackoff: queue.retryBackoff,
    expireInSeconds: queue.expireInSeconds,
    ...(queue.deadLetter ? { deadLetter: DEAD_LETTER_QUEUE } : {}),
  };
}

/** The queue and, first, the dead-letter queue it names (a foreign key): the queues that must exist before a send. */
export function queuesToEnsure(name: QueueName): QueueName[] {
  return QUEUES[name].deadLetter ? [DEAD_LETTER_QUEUE, name] : [name];
}
