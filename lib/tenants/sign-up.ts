import { randomUUID } from "node:crypto";
import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { type Db, setContext, withTenant } from "@/lib/db/scope";
import { hashPassword } from "@/lib/auth/password";
import { COMMON_PASSWORD_MESSAGE, isCommonPassword } from "@/lib/auth/common-passwords";
import { DomainError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/write";
import { Prisma } from "@/generated/prisma/client";
import { tenantSlugSchema } from "./slug";
import { claimSignUpAttempt } from "./sign-up-throttle";
import { queueSignUpExistingMail, queueVerificationMail } from "@/lib/accounts/messages";

export const passwordSchema = z
  .string()
  .min(10, { error: "Use at least 10 characters for the password" })
  .max(200, { error: "Use at most 200 characters for the password" })
  .refine((password) => !isCommonPassword(password), { error: COMMON_PASSWORD_MESSAGE });

export const signUpSchema = z.object({
  name: z.string().trim().min(1, { error: "Enter your name" }).max(100),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "Enter a valid e-mail address" })),
  password: passwordSchema,
  companyName: z.string().trim().min(2, { error: "Enter your company's name" }).max(100),
  slug: tenantSlugSchema,
});

export type SignUpInput = z.infer<typeof signUpSchema>;

/** What sign-up answers for every accepted address, new or already known: no one learns which e-mails exist. */
export type SignUpAnswer = { email: string };

/** Rolls back the workspace written only to test its address, for an e-mail that already has an account. */
class ExistingAccount extends Error {}

/**
 * The one place that decides what an address that already has an account gets: the same answer as a new one
 * ("check your inbox"), and a mail to the address, in a transaction of its own: a new verification link when the
 * account was never verified, otherwise a note that someone tried to sign up with it, with sign-in and reset links.
 */
async function answerForExistingAccount(email: string, now: Date): Promise<SignUpAnswer> {
  await prisma().$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { email },
      select: {
        id: true,
        email: true,
        name: true,
        emailVerifiedAt: true,
        memberships: { select: { tenant: { select: { name: true } } }, take: 1, orderBy: { createdAt: "asc" } },
      },
    });
    if (!user) return;
    if (user.emailVerifiedAt) await queueSignUpExistingMail(tx, user, randomUUID(), now);
    else await queueVerificationMail(tx, user, user.memberships[0]?.tenant.name ?? "your workspace", now);
  });
  return { email };
}

/**
 * Clears what an earlier, never verified sign-up with this address defined, in the new sign-up's transaction: its
 * workspaces (only ever its own: an unverified user cannot sign in to invite anyone; one with other members keeps
 * them and loses only this user) and its verification links still unused. The context is the new workspace's again afterwards.
 */
export async function discardPendingAccount(db: Db, userId: string, tenantId: string, now: Date) {
  await setContext(db, { userId });
  const pending = await db.membership.findMany({ where: { userId }, select: { tenantId: true } });
  for (const { tenantId: old } of pending) {
    await setContext(db, { tenantId: old });
    // A workspace with anyone else in it is not the pending sign-up's to discard: only the membership goes.
    if ((await db.membership.count({ where: { tenantId: old } })) > 1)
      await db.membership.deleteMany({ where: { tenantId: old, userId } });
    else await db.tenant.deleteMany({ where: { id: old } });
  }
  await db.accountToken.updateMany({
    where: { userId, purpose: "VERIFY_EMAIL", usedAt: null },
    data: { usedAt: now },
  });
  await setContext(db, { tenantId });
}

/** Sign-up as a visitor reaches it: throttled per source, then signUp. */
export async function signUpFrom(input: SignUpInput, ip: string) {
  await claimSignUpAttempt(ip);
  return signUp(input);
}

/**
 * Creates a user (unverified), a tenant and the user's OWNER membership, and queues the verification mail; all or
 * nothing. The workspace address is checked first, the same way for every e-mail (a taken address answers so
 * whatever the e-mail), then an e-mail that already has an account gets the same answer as a new one.
 */
export async function signUp(input: SignUpInput, now = new Date()): Promise<SignUpAnswer> {
  // Hashed for every e-mail, so a known one answers no faster than a new one.
  const passwordHash = await hashPassword(input.password);
  const existing = await prisma().user.findUnique({
    where: { email: input.email },
    select: { id: true, emailVerifiedAt: true },
  });
  const tenantId = randomUUID();
  try {
    await withTenant({ tenantId }, async (db) => {
      // A pending (never verified) account is not anyone's yet: this sign-up replaces it, so whoever proves the
      // address gets the account they just defined, never one a stranger pre-registered with their address.
      if (existing && !existing.emailVerifiedAt) await discardPendingAccount(db, existing.id, tenantId, now);
      const tenant = await db.tenant.create({ data: { id: tenantId, slug: input.slug, name: input.companyName } });
      if (existing?.emailVerifiedAt) throw new ExistingAccount();
      const person = { email: input.email, name: input.name, passwordHash, emailVerifiedAt: null };
      const user = existing
        ? await db.user.update({ where: { id: existing.id }, data: person })
        : await db.user.create({ data: person });
      await setContext(db, { tenantId, userId: user.id });
      await db.membership.create({ data: { tenantId, userId: user.id, role: "OWNER" } });
      await writeAudit(db, tenantId, { userId: user.id, label: user.email }, [
        { action: "tenant.created", entityType: "Tenant", entityId: tenantId, data: { slug: input.slug } },
      ]);
      await queueVerificationMail(db, user, tenant.name, now);
    });
    return { email: input.email };
  } catch (error) {
    if (error instanceof ExistingAccount) return answerForExistingAccount(input.email, now);
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const target = JSON.stringify(error.meta ?? {});
      if (target.includes("email")) return answerForExistingAccount(input.email, now);
      throw new DomainError("That workspace address is taken. Choose another.", "conflict");
    }
    throw error;
  }
}
