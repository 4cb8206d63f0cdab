import type { QueueName } from "./queues";
import type { JobHandler } from "./types";

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
    // The reminders first, at the same instant: the two never pick the same action (one is before its due day's end,
    // the other after).
    const now = new Date();
    const reminders = await (await import("@/lib/plans/reminder-sweep")).runPlanReminderSweep(now);
    const overdue = await (await import("@/lib/plans/overdue-sweep")).runPlanOverdueSweep(now);
    return { ...overdue, reminded: reminders.reminded, remindersFailed: reminders.failed };
  },
  "webhooks.dispatch": async () => async () => (await import("@/lib/webhooks/dispatch")).runWebhookDispatch(),
  "mail.deliver": async () => (await import("@/lib/mail/run")).runMailDelivery,
  "accounts.cleanup": async () => async () => {
    // independent steps: one that fails does not keep the other from running (the job is not retried)
    const steps = await Promise.allSettled([
      import("@/lib/accounts/pending-cleanup").then((m) => m.discardAbandonedSignUps()),
      import("@/lib/accounts/spent-records").then((m) => m.discardSpentRecords()),
    ]);
    const failed = steps.find((step) => step.status === "rejected");
    if (failed) throw failed.reason;
  },
  "db.analyze": async () => (await import("@/lib/db/maintenance")).analyzeEmbeddedDatabase,
  "jobs.dead-letter": async () => (await import("./job-rows")).settleDeadJob,
};
