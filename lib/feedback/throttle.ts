import { prisma } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { ATTEMPT_TRANSACTION_OPTIONS, lockAttemptKeys } from "@/lib/auth/attempt-lock";

// The public survey page is throttled per client address like sign-up: every answer attempt counts (a valid link or
// not), and counting and recording are one step under an advisory lock, so a burst of parallel requests cannot all
// read the same count.

export const SURVEY_WINDOW_MINUTES = 10;
export const MAX_SURVEY_ATTEMPTS_PER_SOURCE = 20;

/** Records an answer attempt from this address, or refuses it once the address reached the limit. */
export async function claimSurveyAttempt(ip: string, now = new Date()): Promise<void> {
  const since = new Date(now.getTime() - SURVEY_WINDOW_MINUTES * 60_000);
  const refused = await prisma().$transaction(async (tx) => {
    await lockAttemptKeys(tx, `survey:ip:${ip}`);
    const recent = await tx.surveyAttempt.count({ where: { ip, createdAt: { gte: since } } });
    if (recent >= MAX_SURVEY_ATTEMPTS_PER_SOURCE) return true;
    await tx.surveyAttempt.create({ data: { ip, createdAt: now } });
    await tx.surveyAttempt.deleteMany({ where: { ip, createdAt: { lt: since } } });
    return false;
  }, ATTEMPT_TRANSACTION_OPTIONS);
  if (refused)
    throw new DomainError(
      `Too many answers from your network. Try again in ${SURVEY_WINDOW_MINUTES} minutes.`,
      "conflict",
    );
}
