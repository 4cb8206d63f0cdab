// Retries with backoff: after the n-th failed attempt the next one waits RETRY_DELAYS_SECONDS[n-1];
// after MAX_ATTEMPTS attempts the delivery is FAILED (an owner can retry it from the delivery log).

export const RETRY_DELAYS_SECONDS = [60, 5 * 60, 30 * 60, 2 * 3600, 6 * 3600, 12 * 3600, 24 * 3600] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1;

/** When to try again after `attempts` failed attempts, or null when there are no attempts left. */
export function nextAttemptAt(attempts: number, now: Date): Date | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  return new Date(now.getTime() + RETRY_DELAYS_SECONDS[Math.max(0, attempts - 1)] * 1000);
}
