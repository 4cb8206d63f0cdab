import { log } from "@/lib/log";
import { runWebhookDispatch } from "./dispatch";

// One timer per app instance, like the escalation sweep. Concurrent dispatchers are safe: fan-out
// is unique per (endpoint, event) and each delivery is leased before it is sent.

const INTERVAL_MS = Number(process.env.STEWARD_WEBHOOK_INTERVAL_MS ?? 10_000);
const state = globalThis as unknown as { stewardWebhookTimer?: ReturnType<typeof setInterval>; stewardWebhookRunning?: boolean };

export function startWebhookScheduler() {
  if (state.stewardWebhookTimer) return;
  const tick = async () => {
    if (state.stewardWebhookRunning) return;
    state.stewardWebhookRunning = true;
    try {
      const result = await runWebhookDispatch();
      if (result.created > 0 || result.delivered > 0 || result.retried > 0 || result.failed > 0) log.info("webhook dispatch", result);
    } catch (error) {
      log.error("webhook dispatch failed", { error });
    } finally {
      state.stewardWebhookRunning = false;
    }
  };
  state.stewardWebhookTimer = setInterval(tick, INTERVAL_MS);
  state.stewardWebhookTimer.unref?.();
  setTimeout(tick, 7_000).unref?.();
}
