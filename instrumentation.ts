// Next.js calls register() once per server instance at boot. In the Node.js runtime it starts the
// in-process escalation scheduler (lib/incidents/scheduler.ts) and webhook dispatcher (lib/webhooks/scheduler.ts) unless STEWARD_DISABLE_SCHEDULER=1.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.STEWARD_DISABLE_SCHEDULER === "1") return;
  const { startEscalationScheduler } = await import("@/lib/incidents/scheduler");
  startEscalationScheduler();
  const { startWebhookScheduler } = await import("@/lib/webhooks/scheduler");
  startWebhookScheduler();
}
