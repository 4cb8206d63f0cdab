import type { Prisma } from "@/generated/prisma/client";

// Counting recent attempts and recording a new one must be one step, or a burst of parallel
// requests all read the same count before any of them is recorded (issue 13, finding 1).
// A transaction-scoped advisory lock per key serialises that step; it is released at commit,
// so slow work (verifying a password) happens after it, outside the lock.

/** Takes the advisory locks for these keys, in the given order, until the transaction ends. */
export async function lockAttemptKeys(tx: Prisma.TransactionClient, ...keys: string[]) {
  for (const key of keys) await tx.$executeRaw`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
}

/** Long enough for a burst of requests queued on the embedded database's single connection. */
export const ATTEMPT_TRANSACTION_OPTIONS = { maxWait: 20_000, timeout: 20_000 } as const;
