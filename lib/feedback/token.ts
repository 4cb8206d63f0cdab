import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { appBaseUrl } from "@/lib/mail/links";

// A survey link's token names its workspace and survey and is signed with AUTH_SECRET, so a forged or mistyped link
// is refused before any query, and the link can be shown again (to copy into a partner's own channel) without being
// stored: the database keeps only its sha256 (CustomerFeedback.tokenHash), and a survey is found by id and hash.

const ID = /^[\w-]{1,64}$/;

function secret(): string {
  const key = env().AUTH_SECRET;
  if (!key) throw new Error("AUTH_SECRET is needed to sign survey links");
  return key;
}

const sign = (payload: string) => createHmac("sha256", `survey:${secret()}`).update(payload).digest("base64url");

export function surveyToken(tenantId: string, feedbackId: string): string {
  const payload = Buffer.from(`${tenantId}:${feedbackId}`).toString("base64url");
  return `${payload}.${sign(payload)}`;
}

export const hashSurveyToken = (token: string) => createHash("sha256").update(token).digest("hex");

export type SurveyClaims = { tenantId: string; feedbackId: string };

/** The workspace and survey a well-formed, correctly signed token names, or null. */
export function readSurveyToken(token: string): SurveyClaims | null {
  if (token.length > 300) return null;
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const [tenantId, feedbackId, rest] = Buffer.from(payload, "base64url").toString("utf8").split(":");
  if (rest !== undefined || !tenantId || !feedbackId || !ID.test(tenantId) || !ID.test(feedbackId)) return null;
  return { tenantId, feedbackId };
}

/** The survey a token names, found by id and by the token's hash (a validly signed token for another survey finds none). */
export const surveyOfToken = (claims: SurveyClaims, token: string) => ({
  tenantId: claims.tenantId,
  id: claims.feedbackId,
  tokenHash: hashSurveyToken(token),
});

export const SURVEY_LINK_NOT_VALID = "This survey link is not valid. Check that you copied all of it.";

export const surveyUrl = (tenantId: string, feedbackId: string) =>
  `${appBaseUrl()}/s/${surveyToken(tenantId, feedbackId)}`;

/** The one-click "stop asking me" link a survey mail names in its List-Unsubscribe header (RFC 8058). */
export const surveyStopUrl = (tenantId: string, feedbackId: string) =>
  `${appBaseUrl()}/api/surveys/stop?token=${encodeURIComponent(surveyToken(tenantId, feedbackId))}`;
