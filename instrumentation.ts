// Next.js calls register() once per server instance at boot. In the Node.js runtime it starts the
// in-process escalation scheduler (lib/incidents/scheduler.ts), webhook dispatcher (lib/webhooks/scheduler.ts) and
// scorecard export sweep (lib/scorecards/export-job.ts)
// unless STEWARD_DISABLE_SCHEDULER=1, and, on the embedded database, the periodic ANALYZE PGlite has no
// daemon for (lib/db/maintenance.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startEmbeddedMaintenance } = await import("@/lib/db/maintenance");
  startEmbeddedMaintenance();
  const { env } = await import("@/lib/env");
  if (env().STEWARD_DISABLE_SCHEDULER === "1") return;
  const { startEscalationScheduler } = await import("@/lib/incidents/scheduler");
  startEscalationScheduler();
  const { startWebhookScheduler } = await import("@/lib/webhooks/scheduler");
  startWebhookScheduler();
  const { startScorecardExportScheduler } = await import("@/lib/scorecards/export-job");
  startScorecardExportScheduler();
}
