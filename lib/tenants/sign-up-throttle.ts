import { prisma } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { ATTEMPT_TRANSACTION_OPTIONS, lockAttemptKeys } from "@/lib/auth/attempt-lock";

// Sign-up is throttled per source like sign-in (issue 13, finding 7): every attempt counts, as
// probing which e-mails have accounts, or creating workspaces in bulk, is what it slows down.

export const SIGN_UP_WINDOW_MINUTES = 60;
export const MAX_SIGN_UPS_PER_SOURCE = 10;

/** Records a sign-up attempt from this source, or refuses it once the source reached the limit. */
export async function claimSignUpAttempt(ip: string): Promise<void> {
  const since = new Date(Date.now() - SIGN_UP_WINDOW_MINUTES * 60_000);
  const refusedForMinutes = await prisma().$transaction(async (tx) => {
    await lockAttemptKeys(tx, `signup:ip:${ip}`);
    const recent = await tx.signUpAttempt.findMany({
      where: { ip, createdAt: { gte: since } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    });
    if (recent.length >= MAX_SIGN_UPS_PER_SOURCE) {
      const retryAfterMs = recent[0].createdAt.getTime() + SIGN_UP_WINDOW_MINUTES * 60_000 - Date.now();
      return Math.max(1, Math.ceil(retryAfterMs / 60_000));
    }
    await tx.signUpAttempt.create({ data: { ip } });
    await tx.signUpAttempt.deleteMany({ where: { ip, createdAt: { lt: since } } });
    return null;
  }, ATTEMPT_TRANSACTION_OPTIONS);
  if (refusedForMinutes !== null)
    throw new DomainError(
      `Too many sign-ups from your network. Try again in ${refusedForMinutes} minute${refusedForMinutes === 1 ? "" : "s"}.`,
    );
}
