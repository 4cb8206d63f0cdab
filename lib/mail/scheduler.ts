import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { deliverDueMail } from "./deliver";
import { queueDailyDigests } from "./digest";

// A thin interval runner for the mail sender and the daily digest, one per app instance, like the webhook
// dispatcher; concurrent runners are safe (messages are claimed with SKIP LOCKED, digests are unique per day).
// Meant to move onto the job engine as is: it only calls deliverDueMail and queueDailyDigests.

const state = globalThis as unknown as { stewardMailTimer?: ReturnType<typeof setInterval>; stewardMailRunning?: boolean };

export function startMailScheduler() {
  if (state.stewardMailTimer) return;
  const tick = async () => {
    if (state.stewardMailRunning) return;
    state.stewardMailRunning = true;
    try {
      const digests = await queueDailyDigests();
      const result = await deliverDueMail();
      if (digests > 0 || result.claimed > 0) log.info("mail delivery", { digests, ...result });
    } catch (error) {
      log.error("mail delivery run failed", { error });
    } finally {
      state.stewardMailRunning = false;
    }
  };
  state.stewardMailTimer = setInterval(tick, env().STEWARD_MAIL_INTERVAL_MS);
  state.stewardMailTimer.unref?.();
  setTimeout(tick, 3_000).unref?.();
}
