import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { ATTEMPT_TRANSACTION_OPTIONS, lockAttemptKeys } from "./attempt-lock";
import { dummyPasswordHash, verifyPassword } from "./password";

// E-mail + password sign-in with a sliding-window limit per account *and* source, and per source.
// Attempts are stored in the database, so the limit holds across app instances and restarts.
//
// Following OWASP's guidance, failures lock an account only for the source they came from: a
// stranger's five wrong passwords do not lock the owner out of their own machine. When the
// account as a whole has many failures, every source still gets through, but slowed down.

export const LOGIN_WINDOW_MINUTES = 15;
/** Failures per account from one source before that source is refused for the account. */
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 30;
/** Failures per account (all sources) above which every attempt on it waits SLOW_DOWN_MS first. */
export const SLOW_DOWN_AFTER_ACCOUNT_FAILURES = 5;
export const SLOW_DOWN_MS = 1_500;
export const SESSION_HOURS = 12;

export const loginSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "Enter a valid e-mail address" })),
  password: z.string().min(1, { error: "Enter your password" }).max(200),
});

export type LoginResult =
  | { ok: true; userId: string; sessionId: string; email: string; name: string }
  | { ok: false; reason: "invalid" | "rate_limited" | "unverified"; retryAfterMinutes?: number };

type Claim = { ok: true; attemptId: string; slowDown: boolean } | { ok: false; retryAfterMinutes: number };

/**
 * Atomically checks the limits and records this attempt as a failure *before* the password is
 * verified (it becomes a success afterwards if the password matches), so however many attempts
 * arrive at once, at most MAX_FAILURES_PER_EMAIL passwords per account and source are verified.
 */
async function claimVerification(email: string, ip: string): Promise<Claim> {
  const since = new Date(Date.now() - LOGIN_WINDOW_MINUTES * 60_000);
  return prisma().$transaction(async (tx) => {
    // Always account before source, so two attempts never wait on each other's lock in a cycle.
    await lockAttemptKeys(tx, `login:email:${email}`, `login:ip:${ip}`);
    const failed = { succeeded: false, createdAt: { gte: since } };
    const [sourceFailures, accountFailures, ipFailures] = await Promise.all([
      tx.loginAttempt.findMany({
        where: { email, ip, ...failed },
        orderBy: { createdAt: "asc" },
        select: { createdAt: true },
      }),
      tx.loginAttempt.count({ where: { email, ...failed } }),
      tx.loginAttempt.count({ where: { ip, ...failed } }),
    ]);
    if (sourceFailures.length >= MAX_FAILURES_PER_EMAIL || ipFailures >= MAX_FAILURES_PER_IP) {
      const oldest = sourceFailures[0]?.createdAt ?? new Date();
      const retryAfterMs = oldest.getTime() + LOGIN_WINDOW_MINUTES * 60_000 - Date.now();
      return { ok: false, retryAfterMinutes: Math.max(1, Math.ceil(retryAfterMs / 60_000)) };
    }
    const attempt = await tx.loginAttempt.create({ data: { email, ip, succeeded: false }, select: { id: true } });
    return { ok: true, attemptId: attempt.id, slowDown: accountFailures >= SLOW_DOWN_AFTER_ACCOUNT_FAILURES };
  }, ATTEMPT_TRANSACTION_OPTIONS);
}

export async function attemptLogin(input: { email: string; password: string }, ip: string): Promise<LoginResult> {
  const parsed = loginSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const db = prisma();

  const claim = await claimVerification(email, ip);
  if (!claim.ok) return { ok: false, reason: "rate_limited", retryAfterMinutes: claim.retryAfterMinutes };
  if (claim.slowDown) await new Promise((resolve) => setTimeout(resolve, SLOW_DOWN_MS));

  const user = await db.user.findUnique({ where: { email } });
  let valid = false;
  if (user) valid = await verifyPassword(user.passwordHash, password);
  else await verifyPassword(await dummyPasswordHash(), password); // same time as a wrong password
  if (!user || !valid) return { ok: false, reason: "invalid" };
  await db.loginAttempt.update({ where: { id: claim.attemptId }, data: { succeeded: true } });
  // A self-signed-up user opens no session before confirming the address (docs/decisions/013-account-mails.md).
  if (!user.emailVerifiedAt) return { ok: false, reason: "unverified" };
  const since = new Date(Date.now() - LOGIN_WINDOW_MINUTES * 60_000);
  await db.loginAttempt.deleteMany({ where: { email, createdAt: { lt: since } } });

  // A new session row per sign-in: the cookie names it, so signing in rotates the session.
  const session = await db.userSession.create({
    data: { userId: user.id, expiresAt: new Date(Date.now() + SESSION_HOURS * 3_600_000) },
  });
  return { ok: true, userId: user.id, sessionId: session.id, email: user.email, name: user.name };
}

/** The user behind a session id, or null when the session was signed out, expired or never existed. */
export async function userForSession(sessionId: string, userId: string) {
  const session = await prisma().userSession.findFirst({
    where: { id: sessionId, userId, expiresAt: { gt: new Date() } },
    include: { user: { select: { id: true, email: true, name: true } } },
  });
  return session?.user ?? null;
}

export async function endSession(sessionId: string) {
  await prisma().userSession.deleteMany({ where: { id: sessionId } });
}
