import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { env } from "@/lib/env";
import { PREFERENCE_KINDS, type PreferenceKind } from "./kinds";
import { appBaseUrl } from "./links";

// One-click unsubscribe (RFC 8058): each message that a member may turn off carries a link whose token names the
// workspace, the member and the kind of mail, signed with AUTH_SECRET, so it needs no sign-in and cannot be forged
// for another member. Using it sets that kind to OFF.

const claimsSchema = z.object({
  t: z.string().min(1).max(64),
  u: z.string().min(1).max(64),
  k: z.enum(PREFERENCE_KINDS),
});
export type UnsubscribeClaims = { tenantId: string; userId: string; kind: PreferenceKind };

/** AUTH_SECRET (scripts/runtime.ts sets it for the app and the seed), or null where none is set. */
function secret(): string | null {
  return env().AUTH_SECRET ?? null;
}

export const canSignUnsubscribeLinks = () => secret() !== null;

function sign(payload: string) {
  const key = secret();
  if (!key) throw new Error("AUTH_SECRET is needed to sign unsubscribe links");
  return createHmac("sha256", `unsubscribe:${key}`).update(payload).digest("base64url");
}

export function unsubscribeToken(claims: UnsubscribeClaims): string {
  const payload = Buffer.from(JSON.stringify({ t: claims.tenantId, u: claims.userId, k: claims.kind })).toString(
    "base64url",
  );
  return `${payload}.${sign(payload)}`;
}

/** The claims of a valid token, or null for a malformed or forged one. */
export function readUnsubscribeToken(token: string): UnsubscribeClaims | null {
  if (!canSignUnsubscribeLinks()) return null;
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined || token.length > 1000) return null;
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const parsed = claimsSchema.safeParse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
    return parsed.success ? { tenantId: parsed.data.t, userId: parsed.data.u, kind: parsed.data.k } : null;
  } catch {
    return null;
  }
}

export const unsubscribeUrl = (claims: UnsubscribeClaims) =>
  `${appBaseUrl()}/api/email/unsubscribe?token=${encodeURIComponent(unsubscribeToken(claims))}`;

/** The RFC 8058 headers: mail clients show an unsubscribe button that POSTs to the link. */
export const unsubscribeHeaders = (url: string) => ({
  "List-Unsubscribe": `<${url}>`,
  "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
});
