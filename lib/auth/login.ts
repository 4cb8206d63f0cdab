import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { dummyPasswordHash, verifyPassword } from "./password";

// E-mail + password sign-in with a sliding-window limit per e-mail and per client address.
// Attempts are stored in the database, so the limit holds across app instances and restarts.

export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 30;
export const SESSION_HOURS = 12;

export const loginSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email({ error: "Enter a valid e-mail address" })),
  password: z.string().min(1, { error: "Enter your password" }).max(200),
});

export type LoginResult =
  | { ok: true; userId: string; sessionId: string; email: string; name: string }
  | { ok: false; reason: "invalid" | "rate_limited"; retryAfterMinutes?: number };

export async function attemptLogin(input: { email: string; password: string }, ip: string): Promise<LoginResult> {
  const parsed = loginSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const db = prisma();
  const since = new Date(Date.now() - LOGIN_WINDOW_MINUTES * 60_000);

  const [emailFailures, ipFailures] = await Promise.all([
    db.loginAttempt.findMany({
      where: { email, succeeded: false, createdAt: { gte: since } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    }),
    db.loginAttempt.count({ where: { ip, succeeded: false, createdAt: { gte: since } } }),
  ]);
  if (emailFailures.length >= MAX_FAILURES_PER_EMAIL || ipFailures >= MAX_FAILURES_PER_IP) {
    const oldest = emailFailures[0]?.createdAt ?? new Date();
    const retryAfterMinutes = Math.max(1, Math.ceil((oldest.getTime() + LOGIN_WINDOW_MINUTES * 60_000 - Date.now()) / 60_000));
    return { ok: false, reason: "rate_limited", retryAfterMinutes };
  }

  const user = await db.user.findUnique({ where: { email } });
  let valid = false;
  if (user) valid = await verifyPassword(user.passwordHash, password);
  else await verifyPassword(await dummyPasswordHash(), password); // same time as a wrong password
  await db.loginAttempt.create({ data: { email, ip, succeeded: valid } });
  if (!user || !valid) return { ok: false, reason: "invalid" };
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
