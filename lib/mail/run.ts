import { log } from "@/lib/log";
import { deliverDueMail } from "./deliver";
import { queueDailyDigests } from "./digest";
import { deliverDueAccountMail } from "@/lib/accounts/account-mail";
import { issueRequestedResetLinks } from "@/lib/accounts/password-reset";

/**
 * One run of the periodic `mail.deliver` job (lib/jobs/queues.ts): queue the daily digests that are due, then send
 * the mail that is due, workspace mail and account mail (with the password-reset links asked for since the last run). Concurrent runs are safe (messages are claimed with SKIP LOCKED, digests are unique per day).
 */
export async function runMailDelivery() {
  const digests = await queueDailyDigests();
  const result = await deliverDueMail();
  // Account mail (verification, password reset) has its own outbox, sent by the same job, after the reset links
  // asked for since the last run are written to it.
  const resetLinks = await issueRequestedResetLinks();
  const account = await deliverDueAccountMail();
  if (digests > 0 || result.claimed > 0 || resetLinks > 0 || account.claimed > 0)
    log.info("mail delivery", { digests, ...result, resetLinks, account });
  return { digests, ...result, resetLinks, account };
}
