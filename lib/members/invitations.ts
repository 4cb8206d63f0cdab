import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import type { Db } from "@/lib/db/scope";
import { withInvitation, withTenant, setContext } from "@/lib/db/scope";
import { prisma } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { DomainError } from "@/lib/errors";
import { isPartnerRole } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit/write";
import { passwordSchema } from "@/lib/tenants/sign-up";
import type { Role } from "@/generated/prisma/enums";

export const INVITE_DAYS = 7;

export const inviteSchema = z
  .object({
    email: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.email({ error: "Enter a valid e-mail address" })),
    role: z.enum(["OWNER", "STEWARD", "ANALYST", "PARTNER_ADMIN", "PARTNER_AGENT"], { error: "Choose a role" }),
    partnerId: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || undefined),
  })
  .superRefine((value, ctx) => {
    if (isPartnerRole(value.role) && !value.partnerId)
      ctx.addIssue({ code: "custom", path: ["partnerId"], message: "Choose the partner this person works for" });
  });

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Creates an invitation and returns its one-time token (only its hash is stored). */
export async function createInvitation(
  db: Db,
  tenantId: string,
  invitedById: string,
  input: z.input<typeof inviteSchema>,
) {
  const partnerId = isPartnerRole(input.role) ? input.partnerId || null : null;
  if (isPartnerRole(input.role) && !partnerId) throw new DomainError("Choose the partner this person works for");
  if (partnerId) {
    const partner = await db.partner.findFirst({ where: { tenantId, id: partnerId }, select: { id: true } });
    if (!partner) throw new DomainError("That partner was not found.", "not-found");
  }
  const alreadyMember = await db.membership.findFirst({
    where: { tenantId, user: { email: input.email } },
    select: { id: true },
  });
  if (alreadyMember) throw new DomainError(`${input.email} is already a member of this workspace.`, "conflict");
  const token = randomBytes(32).toString("base64url");
  const invitation = await db.invitation.create({
    data: {
      tenantId,
      email: input.email,
      role: input.role,
      partnerId,
      tokenHash: hashToken(token),
      invitedById,
      expiresAt: new Date(Date.now() + INVITE_DAYS * 86_400_000),
    },
  });
  return { invitation, token };
}

export type InvitationView = {
  id: string;
  tenantId: string;
  tenantSlug: string;
  tenantName: string;
  email: string;
  role: Role;
  partnerName: string | null;
  problem: null | "expired" | "used" | "revoked";
};

/** What an invite link points at, read with nothing but the token. Null for an unknown token. */
export async function readInvitation(token: string): Promise<InvitationView | null> {
  const tokenHash = hashToken(token);
  const invitation = await withInvitation(tokenHash, "", (db) => db.invitation.findUnique({ where: { tokenHash } }));
  if (!invitation) return null;
  const { tenant, partner } = await withTenant({ tenantId: invitation.tenantId }, async (db) => ({
    tenant: await db.tenant.findUniqueOrThrow({
      where: { id: invitation.tenantId },
      select: { slug: true, name: true },
    }),
    partner: invitation.partnerId
      ? await db.partner.findFirst({
          where: { tenantId: invitation.tenantId, id: invitation.partnerId },
          select: { name: true },
        })
      : null,
  }));
  return {
    id: invitation.id,
    tenantId: invitation.tenantId,
    tenantSlug: tenant.slug,
    tenantName: tenant.name,
    email: invitation.email,
    role: invitation.role,
    partnerName: partner?.name ?? null,
    problem: invitation.revokedAt
      ? "revoked"
      : invitation.acceptedAt
        ? "used"
        : invitation.expiresAt < new Date()
          ? "expired"
          : null,
  };
}

export const acceptInvitationSchema = z.object({
  token: z.string().min(20).max(200),
  /** Only when the invitee has no account yet. */
  name: z.string().trim().min(1, { error: "Enter your name" }).max(100).optional(),
  password: passwordSchema.optional(),
});

const PROBLEMS = {
  expired: "This invitation has expired. Ask the workspace owner for a new one.",
  used: "This invitation was already used.",
  revoked: "This invitation was withdrawn.",
} as const;

/**
 * Accepts an invitation: for the signed-in user whose e-mail it names, or by creating the account
 * it names. Returns the membership's home path.
 */
export async function acceptInvitation(
  input: z.infer<typeof acceptInvitationSchema>,
  signedIn: { id: string; email: string } | null,
): Promise<{ home: string; email: string }> {
  const view = await readInvitation(input.token);
  if (!view) throw new DomainError("This invitation link is not valid.", "not-found");
  if (view.problem) throw new DomainError(PROBLEMS[view.problem], "conflict");
  if (signedIn && signedIn.email !== view.email)
    throw new DomainError(
      `This invitation is for ${view.email}; you are signed in as ${signedIn.email}. Sign out first.`,
      "forbidden",
    );

  let userId = signedIn?.id;
  if (!userId) {
    const existing = await prisma().user.findUnique({ where: { email: view.email }, select: { id: true } });
    if (existing)
      throw new DomainError(`An account for ${view.email} exists: sign in to accept this invitation.`, "conflict");
    if (!input.name || !input.password) throw new DomainError("Enter your name and a password to create your account.");
    const passwordHash = await hashPassword(input.password);
    userId = (await prisma().user.create({ data: { email: view.email, name: input.name, passwordHash } })).id;
  }

  await withTenant({ tenantId: view.tenantId, userId }, async (db) => {
    await setContext(db, { tenantId: view.tenantId, userId, inviteTokenHash: hashToken(input.token) });
    // Claim the invitation first: a concurrent second acceptance updates nothing and stops here.
    const claimed = await db.invitation.updateMany({
      where: { tenantId: view.tenantId, id: view.id, acceptedAt: null, revokedAt: null },
      data: { acceptedAt: new Date() },
    });
    if (claimed.count !== 1) throw new DomainError(PROBLEMS.used, "conflict");
    const invitation = await db.invitation.findUniqueOrThrow({
      where: { tenantId_id: { tenantId: view.tenantId, id: view.id } },
    });
    const member = await db.membership.findFirst({ where: { tenantId: view.tenantId, userId } });
    if (member) throw new DomainError("You are already a member of this workspace.", "conflict");
    const membership = await db.membership.create({
      data: { tenantId: view.tenantId, userId: userId!, role: invitation.role, partnerId: invitation.partnerId },
    });
    await writeAudit(db, view.tenantId, { userId, label: view.email }, [
      { action: "member.joined", entityType: "Membership", entityId: membership.id, data: { role: invitation.role } },
    ]);
  });
  return { home: isPartnerRole(view.role) ? `/portal/${view.tenantSlug}` : `/t/${view.tenantSlug}`, email: view.email };
}
