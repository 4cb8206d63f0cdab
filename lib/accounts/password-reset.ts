import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { log } from "@/lib/log";
import { ATTEMPT_TRANSACTION_OPTIONS, lockAttemptKeys } from "@/lib/auth/attempt-lock";
import { hashPassword } from "@/lib/auth/password";
import { passwordSchema } from "@/lib/tenants/sign-up";
import { emailAddressSchema } from "@/lib/mail/address";
import { queuePasswordResetMail } from "./messages";
import { claimLinkAttempt } from "./link-throttle";
import { INVALID_LINK_MESSAGE, isAccountTokenUsable, useAccountToken } from "./tokens";

// Password reset (issue 16): "Forgot password?" answers the same whether or not the address has an account, and
// mails a single-use link that expires after 30 minutes. Requests are throttled per address (a mailbox is not flooded;
// over the limit the answer stays the same and nothing is sent) and per source (over the limit the source is told to
// wait), counted with the same lock-count-insert step as sign-in and sign-up, so a burst of parallel requests cannot
// slip past the count. The request itself only records the attempt: the same statements run whether or not the
// address has an account, so its timing tells nothing; the mail job (`issueRequestedResetLinks`) looks the address
// up and mails the link a moment later. Setting the new password ends every session of the user and every other
// reset link.

export const RESET_WINDOW_MINUTES = 60;
export const MAX_RESETS_PER_ADDRESS = 3;
export const MAX_RESETS_PER_SOURCE = 10;

export const forgotPasswordSchema = z.object({ email: emailAddressSchema });
export const resetPasswordSchema = z.object({
  token: z.string().trim().min(1, { error: "This link has no token: open the link from the e-mail again" }).max(200),
  password: passwordSchema,
});

/** What the page says for any address, existing or not (over the per-address limit too). */
export const RESET_REQUESTED_MESSAGE =
  "If an account uses that address, we sent it a link to set a new password. It works once, for 30 minutes.";

export async function requestPasswordReset(email: string, ip: string, now = new Date()): Promise<void> {
  const since = new Date(now.getTime() - RESET_WINDOW_MINUTES * 60_000);
  const refusedForMinutes = await prisma().$transaction(async (tx) => {
    // Address before source, always in that order, so two requests never wait on each other in a cycle.
    await lockAttemptKeys(tx, `reset:email:${email}`, `reset:ip:${ip}`);
    const fromSource = await tx.passwordResetAttempt.findMany({
      where: { ip, createdAt: { gte: since } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    });
    if (fromSource.length >= MAX_RESETS_PER_SOURCE) {
      const retryAfterMs = fromSource[0].createdAt.getTime() + RESET_WINDOW_MINUTES * 60_000 - now.getTime();
      return Math.max(1, Math.ceil(retryAfterMs / 60_000));
    }
    const forAddress = await tx.passwordResetAttempt.count({ where: { email, createdAt: { gte: since } } });
    await tx.passwordResetAttempt.create({
      data: { email, ip, createdAt: now, linkPending: forAddress < MAX_RESETS_PER_ADDRESS },
    });
    await tx.passwordResetAttempt.deleteMany({ where: { ip, createdAt: { lt: since }, linkPending: false } });
    return null;
  }, ATTEMPT_TRANSACTION_OPTIONS);
  if (refusedForMinutes !== null)
    throw new DomainError(
      `Too many password resets asked from your network. Try again in ${refusedForMinutes} minute${refusedForMinutes === 1 ? "" : "s"}.`,
    );
}

/**
 * Part of each mail job run: mails a reset link for every pending request whose address has an account, and clears
 * the rest. Safe beside another run: each takes the requests it reads with SKIP LOCKED. Returns the links mailed.
 */
export async function issueRequestedResetLinks(now = new Date(), limit = 200): Promise<number> {
  return prisma().$transaction(async (tx) => {
    const pending = await tx.$queryRaw<{ id: string; email: string }[]>`
      select "id", "email" from "PasswordResetAttempt" where "linkPending"
      order by "createdAt" limit ${limit} for update skip locked`;
    if (pending.length === 0) return 0;
    const users = await tx.user.findMany({
      where: { email: { in: [...new Set(pending.map((p) => p.email))] } },
      select: { id: true, email: true, name: true },
    });
    const byEmail = new Map(users.map((u) => [u.email, u]));
    let mailed = 0;
    for (const request of pending) {
      const user = byEmail.get(request.email);
      if (!user) continue;
      await queuePasswordResetMail(tx, user, now);
      mailed++;
    }
    await tx.passwordResetAttempt.updateMany({
      where: { id: { in: pending.map((p) => p.id) } },
      data: { linkPending: false },
    });
    return mailed;
  });
}

/** A reset as a visitor reaches it: throttled per source, then resetPassword. */
export async function resetPasswordFrom(input: z.infer<typeof resetPasswordSchema>, ip: string) {
  await claimLinkAttempt(ip);
  return resetPassword(input);
}

/** Sets the new password with a reset token; ends every session of the user. Returns the user's e-mail. */
export async function resetPassword(input: z.infer<typeof resetPasswordSchema>, now = new Date()): Promise<string> {
  // The token first: a junk or used link costs one indexed read, never a password hash.
  if (!(await isAccountTokenUsable(prisma(), input.token, "PASSWORD_RESET", now)))
    throw new DomainError(INVALID_LINK_MESSAGE, "not-found");
  const passwordHash = await hashPassword(input.password);
  const result = await prisma().$transaction(async (tx) => {
    const userId = await useAccountToken(tx, input.token, "PASSWORD_RESET", now);
    if (!userId) return null;
    const user = await tx.user.update({ where: { id: userId }, data: { passwordHash }, select: { email: true } });
    // Reading the link proves the address, as the sign-up link would.
    await tx.user.updateMany({ where: { id: userId, emailVerifiedAt: null }, data: { emailVerifiedAt: now } });
    const { count: sessions } = await tx.userSession.deleteMany({ where: { userId } });
    await tx.accountToken.updateMany({
      where: { userId, purpose: "PASSWORD_RESET", usedAt: null },
      data: { usedAt: now },
    });
    return { email: user.email, userId, sessions };
  });
  if (!result) throw new DomainError(INVALID_LINK_MESSAGE, "not-found");
  log.info("password reset", { userId: result.userId, sessionsEnded: result.sessions });
  return result.email;
}
