import { prisma } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { ATTEMPT_TRANSACTION_OPTIONS, lockAttemptKeys } from "@/lib/auth/attempt-lock";

// Using an account link (confirm an address, set a new password) is throttled per source like sign-in and sign-up:
// every use counts, so a source cannot try tokens in bulk. Counted with the same lock-count-insert step, so a burst
// of parallel requests cannot slip past the count. A person opens such a link a few times at most.

export const LINK_WINDOW_MINUTES = 15;
export const MAX_LINK_USES_PER_SOURCE = 20;

/** Records a use of an account link from this source, or refuses it once the source reached the limit. */
export async function claimLinkAttempt(ip: string, now = new Date()): Promise<void> {
  const since = new Date(now.getTime() - LINK_WINDOW_MINUTES * 60_000);
  const refusedForMinutes = await prisma().$transaction(async (tx) => {
    await lockAttemptKeys(tx, `link:ip:${ip}`);
    const recent = await tx.linkAttempt.findMany({
      where: { ip, createdAt: { gte: since } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    });
    if (recent.length >= MAX_LINK_USES_PER_SOURCE) {
      const retryAfterMs = recent[0].createdAt.getTime() + LINK_WINDOW_MINUTES * 60_000 - now.getTime();
      return Math.max(1, Math.ceil(retryAfterMs / 60_000));
    }
    await tx.linkAttempt.create({ data: { ip, createdAt: now } });
    await tx.linkAttempt.deleteMany({ where: { ip, createdAt: { lt: since } } });
    return null;
  }, ATTEMPT_TRANSACTION_OPTIONS);
  if (refusedForMinutes !== null)
    throw new DomainError(
      `Too many attempts from your network. Try again in ${refusedForMinutes} minute${refusedForMinutes === 1 ? "" : "s"}.`,
    );
}
