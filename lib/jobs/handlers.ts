import type { QueueName } from "./queues";
import type { JobHandler } from "./types";

/**
 * Waits for every step, each whether or not another fails; then throws the first failure (in the steps' order), or
 * returns every step's value.
 */
async function independentSteps<T extends readonly unknown[]>(steps: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const settled = await Promise.allSettled(steps);
  const failed = settled.find((step) => step.status === "rejected");
  if (failed) throw failed.reason;
  return settled.map((step) => (step as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

/**
 * The handler of every queue in ./queues.ts, each loaded on first use (the web process, which only queues,
 * never loads them). A handler that throws is retried as its queue says; one that returns completes the job.
 */
export const HANDLERS: Record<QueueName, () => Promise<JobHandler>> = {
  "value.recompute": async () => (await import("@/lib/value/recompute-run")).handleRecomputeJob,
  "scorecards.export": async () => (await import("@/lib/scorecards/export-job")).handleExportJob,
  "defection.measure": async () => (await import("@/lib/defection/job")).handleDefectionJob,
  "incidents.escalation-sweep": async () => async () =>
    (await import("@/lib/incidents/escalation-sweep")).runEscalationSweep(),
  "plans.overdue-sweep": async () => async () => {
    // The reminders and the overdue escalations at the same instant, each whether or not the other fails: the two
    // never pick the same action (one is before its due day's end, the other after). The queue keeps its name, under
    // which its schedule is stored.
    const now = new Date();
    const [reminders, overdue] = await independentSteps([
      import("@/lib/plans/reminder-sweep").then((m) => m.runPlanReminderSweep(now)),
      import("@/lib/plans/overdue-sweep").then((m) => m.runPlanOverdueSweep(now)),
    ] as const);
    return { ...overdue, reminded: reminders.reminded, remindersFailed: reminders.failed };
  },
  "webhooks.dispatch": async () => async () => (await import("@/lib/webhooks/dispatch")).runWebhookDispatch(),
  "mail.deliver": async () => (await import("@/lib/mail/run")).runMailDelivery,
  "accounts.cleanup": async () => async () => {
    // the job is not retried: a step that fails must not keep the other from running
    await independentSteps([
      import("@/lib/accounts/pending-cleanup").then((m) => m.discardAbandonedSignUps()),
      import("@/lib/accounts/spent-records").then((m) => m.discardSpentRecords()),
    ] as const);
  },
  "db.analyze": async () => (await import("@/lib/db/maintenance")).analyzeEmbeddedDatabase,
  "jobs.dead-letter": async () => (await import("./job-rows")).settleDeadJob,
};
