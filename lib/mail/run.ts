import { log } from "@/lib/log";
import { deliverDueMail } from "./deliver";
import { queueDailyDigests } from "./digest";
import { deliverDueAccountMail } from "@/lib/accounts/account-mail";

/**
 * One run of the periodic `mail.deliver` job (lib/jobs/queues.ts): queue the daily digests that are due, then send
 * the mail that is due, workspace mail and account mail. Concurrent runs are safe (messages are claimed with SKIP LOCKED, digests are unique per day).
 */
export async function runMailDelivery() {
  const digests = await queueDailyDigests();
  const result = await deliverDueMail();
  // Account mail (verification, password reset) has its own outbox, sent by the same job.
  const account = await deliverDueAccountMail();
  if (digests > 0 || result.claimed > 0 || account.claimed > 0)
    log.info("mail delivery", { digests, ...result, account });
  return { digests, ...result, account };
}
