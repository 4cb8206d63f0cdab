import { z } from "zod";
import { withTenant } from "@/lib/db/scope";
import { DomainError } from "@/lib/errors";
import { hashSurveyToken, readSurveyToken } from "./token";
import { claimSurveyAttempt } from "./throttle";

// "Stop asking me" (issue 19, item 1): customers are not members, so they have no preferences page; any survey link
// they were sent, answered or expired, lets them stop every later survey of this workspace. Throttled per client
// address with the answers (a link is a capability: guessing one is as hard as forging its signature).

export const stopSurveysSchema = z.object({ token: z.string().min(1, "This link has no token.").max(300) });

const NOT_FOUND = "This survey link is not valid. Check that you copied all of it.";

/** Records that the customer of this survey wants no more surveys; a second time changes nothing. */
export async function stopSurveys(token: string, clientAddress: string, now = new Date()): Promise<void> {
  await claimSurveyAttempt(clientAddress, now);
  await stopSurveysOfToken(token, now);
}

/**
 * The same without the per-address limit, for the one-click unsubscribe of a survey mail (RFC 8058): that POST comes
 * from the mail provider's servers, whose few addresses every customer of every workspace shares, and a provider
 * does not retry a refused one. A forged token is refused by its signature before any query.
 */
export async function stopSurveysOfToken(token: string, now = new Date()): Promise<void> {
  const claims = readSurveyToken(token);
  if (!claims) throw new DomainError(NOT_FOUND, "not-found");
  await withTenant({ tenantId: claims.tenantId }, async (db) => {
    const row = await db.customerFeedback.findFirst({
      where: { tenantId: claims.tenantId, id: claims.feedbackId, tokenHash: hashSurveyToken(token) },
      select: { customerId: true },
    });
    if (!row) throw new DomainError(NOT_FOUND, "not-found");
    if (!row.customerId) return;
    await db.customer.updateMany({
      where: { tenantId: claims.tenantId, id: row.customerId, surveysStoppedAt: null },
      data: { surveysStoppedAt: now },
    });
  });
}

/** The workspace a survey's stop link speaks for, or null when the link names no survey. */
export async function surveyStopPreview(token: string): Promise<{ tenantName: string } | null> {
  const claims = readSurveyToken(token);
  if (!claims) return null;
  return withTenant({ tenantId: claims.tenantId }, async (db) => {
    const survey = await db.customerFeedback.findFirst({
      where: { tenantId: claims.tenantId, id: claims.feedbackId, tokenHash: hashSurveyToken(token) },
      select: { tenant: { select: { name: true } } },
    });
    return survey ? { tenantName: survey.tenant.name } : null;
  });
}
