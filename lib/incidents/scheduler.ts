import { log } from "@/lib/log";
import { runEscalationSweep } from "@/lib/incidents/escalation-sweep";

// One timer per app instance. Several instances may sweep at once: each escalation is still
// written exactly once (the Escalation unique key), so no leader election is needed. Each
// incident is escalated in its own short transaction, which matters on the embedded database,
// whose single connection every request shares.

const INTERVAL_MS = Number(process.env.STEWARD_SWEEP_INTERVAL_MS ?? 30_000);
const state = globalThis as unknown as { stewardSweepTimer?: ReturnType<typeof setInterval>; stewardSweepRunning?: boolean };

export function startEscalationScheduler() {
  if (state.stewardSweepTimer) return;
  const tick = async () => {
    if (state.stewardSweepRunning) return; // never overlap with ourselves
    state.stewardSweepRunning = true;
    try {
      const result = await runEscalationSweep();
      if (result.escalations > 0 || result.failed > 0) log.info("escalation sweep", result);
    } catch (error) {
      log.error("escalation sweep failed", { error });
    } finally {
      state.stewardSweepRunning = false;
    }
  };
  state.stewardSweepTimer = setInterval(tick, INTERVAL_MS);
  state.stewardSweepTimer.unref?.();
  setTimeout(tick, 5_000).unref?.();
}
