import { createHash, randomBytes } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";

// Single-use link tokens of an account: 32 random bytes in the mailed link, only their sha256 in AccountToken.
// Using one is a single conditional UPDATE (unused, not expired, this purpose), so two requests with the same token
// cannot both win, and an expired, used, wrong-purpose or unknown token is refused with the same answer.

type Tx = Prisma.TransactionClient;
type Db = Pick<Tx, "accountToken">;
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
export type TokenPurpose = "VERIFY_EMAIL" | "PASSWORD_RESET";

export const TOKEN_LIFETIME_MINUTES: Record<TokenPurpose, number> = {
  VERIFY_EMAIL: 24 * 60,
  PASSWORD_RESET: 30,
};

export const INVALID_LINK_MESSAGE = "This link is not valid any more: it was used already, has expired or is mistyped.";

/** A new token for the user; returns the token (for the link) and its row's id and expiry. */
export async function issueAccountToken(db: Tx, userId: string, purpose: TokenPurpose, now = new Date()) {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + TOKEN_LIFETIME_MINUTES[purpose] * 60_000);
  const row = await db.accountToken.create({
    data: { userId, purpose, tokenHash: hashToken(token), expiresAt, createdAt: now },
    select: { id: true },
  });
  return { token, id: row.id, expiresAt };
}

/** Whether the token could be used now (unused, not expired, this purpose), without using it: a cheap first check. */
export async function isAccountTokenUsable(db: Db, token: string, purpose: TokenPurpose, now = new Date()) {
  if (token.length < 20 || token.length > 200) return false;
  const row = await db.accountToken.findFirst({
    where: { tokenHash: hashToken(token), purpose, usedAt: null, expiresAt: { gt: now } },
    select: { id: true },
  });
  return row !== null;
}

/** Marks the token used and returns its user's id, or null when it cannot be used (in the caller's transaction). */
export async function useAccountToken(
  db: Tx,
  token: string,
  purpose: TokenPurpose,
  now = new Date(),
): Promise<string | null> {
  if (token.length < 20 || token.length > 200) return null;
  const tokenHash = hashToken(token);
  const { count } = await db.accountToken.updateMany({
    where: { tokenHash, purpose, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (count !== 1) return null;
  const row = await db.accountToken.findUniqueOrThrow({ where: { tokenHash }, select: { userId: true } });
  return row.userId;
}
