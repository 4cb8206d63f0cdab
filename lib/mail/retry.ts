// Retries with exponential backoff: after the n-th failed attempt the next waits RETRY_DELAYS_SECONDS[n-1]; after
// MAX_ATTEMPTS attempts the message is FAILED and shown as such in Settings → E-mail.

export const RETRY_DELAYS_SECONDS = [30, 2 * 60, 8 * 60, 32 * 60, 2 * 3600, 8 * 3600] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1;

/** When to try again after `attempts` failed attempts, or null when there are no attempts left. */
export function nextMailAttemptAt(attempts: number, now: Date): Date | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  return new Date(now.getTime() + RETRY_DELAYS_SECONDS[Math.max(0, attempts - 1)] * 1000);
}
