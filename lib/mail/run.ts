import { log } from "@/lib/log";
import { deliverDueMail } from "./deliver";
import { queueDailyDigests } from "./digest";

/**
 * One run of the periodic `mail.deliver` job (lib/jobs/queues.ts): queue the daily digests that are due, then send
 * the mail that is due. Concurrent runs are safe (messages are claimed with SKIP LOCKED, digests are unique per day).
 */
export async function runMailDelivery() {
  const digests = await queueDailyDigests();
  const result = await deliverDueMail();
  if (digests > 0 || result.claimed > 0) log.info("mail delivery", { digests, ...result });
  return { digests, ...result };
}
