import { randomUUID } from "node:crypto";
import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { setContext, withTenant } from "@/lib/db/scope";
import { hashPassword } from "@/lib/auth/password";
import { COMMON_PASSWORD_MESSAGE, isCommonPassword } from "@/lib/auth/common-passwords";
import { DomainError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/write";
import { Prisma } from "@/generated/prisma/client";
import { tenantSlugSchema } from "./slug";
import { claimSignUpAttempt } from "./sign-up-throttle";

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

/**
 * The one place that decides what sign-up answers for an e-mail that already has an account.
 * Today it says so; e-mail verification (a later change) replaces this with the same answer a new
 * account gets ("check your inbox"), so sign-up stops telling strangers which e-mails exist.
 */
export function answerForExistingAccount(): never {
  throw new DomainError("An account with this e-mail already exists. Sign in instead.", "conflict");
}

/** Sign-up as a visitor reaches it: throttled per source, then signUp. */
export async function signUpFrom(input: SignUpInput, ip: string) {
  await claimSignUpAttempt(ip);
  return signUp(input);
}

/** Creates a user, a tenant and the user's OWNER membership; all or nothing. */
export async function signUp(input: SignUpInput) {
  const existing = await prisma().user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) answerForExistingAccount();
  const passwordHash = await hashPassword(input.password);
  const tenantId = randomUUID();
  try {
    return await withTenant({ tenantId }, async (db) => {
      const user = await db.user.create({ data: { email: input.email, name: input.name, passwordHash } });
      await setContext(db, { tenantId, userId: user.id });
      const tenant = await db.tenant.create({ data: { id: tenantId, slug: input.slug, name: input.companyName } });
      await db.membership.create({ data: { tenantId, userId: user.id, role: "OWNER" } });
      await writeAudit(db, tenantId, { userId: user.id, label: user.email }, [
        { action: "tenant.created", entityType: "Tenant", entityId: tenantId, data: { slug: input.slug } },
      ]);
      return tenant;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const target = JSON.stringify(error.meta ?? {});
      if (target.includes("email")) answerForExistingAccount();
      throw new DomainError("That workspace address is taken. Choose another.", "conflict");
    }
    throw error;
  }
}
