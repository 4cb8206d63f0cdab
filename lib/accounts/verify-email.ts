import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { claimLinkAttempt } from "./link-throttle";
import { INVALID_LINK_MESSAGE, useAccountToken } from "./tokens";

export const verifyEmailSchema = z.object({
  token: z.string().trim().min(1, { error: "This link has no token: open the link from the e-mail again" }).max(200),
});

/** A confirmation as a visitor reaches it: throttled per source, then verifyEmail. */
export async function verifyEmailFrom(token: string, ip: string) {
  await claimLinkAttempt(ip);
  return verifyEmail(token);
}

/** Confirms the address of a self-signed-up user with the link's token (single use); the user may sign in then. */
export async function verifyEmail(token: string, now = new Date()): Promise<void> {
  const verified = await prisma().$transaction(async (tx) => {
    const userId = await useAccountToken(tx, token, "VERIFY_EMAIL", now);
    if (!userId) return false;
    await tx.user.updateMany({ where: { id: userId, emailVerifiedAt: null }, data: { emailVerifiedAt: now } });
    return true;
  });
  if (!verified) throw new DomainError(INVALID_LINK_MESSAGE, "not-found");
}
