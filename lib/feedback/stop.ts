import { z } from "zod";
import { withTenant } from "@/lib/db/scope";
import { DomainError } from "@/lib/errors";
import { readSurveyToken, SURVEY_LINK_NOT_VALID, surveyOfToken } from "./token";
import { claimSurveyAttempt } from "./throttle";

// "Stop asking me" (issue 19, item 1): customers are not members, so they have no preferences page; any survey link
// they were sent, answered or expired, lets them stop every later survey of this workspace. Throttled per client
// address with the answers (a link is a capability: guessing one is as hard as forging its signature).

export const stopSurveysSchema = z.object({ token: z.string().min(1, "This link has no token.").max(300) });

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
  if (!claims) throw new DomainError(SURVEY_LINK_NOT_VALID, "not-found");
  await withTenant({ tenantId: claims.tenantId }, async (db) => {
    const row = await db.customerFeedback.findFirst({
      where: surveyOfToken(claims, token),
      select: { customerId: true },
    });
    if (!row) throw new DomainError(SURVEY_LINK_NOT_VALID, "not-found");
    if (!row.customerId) return;
    await db.customer.updateMany({
      where: { tenantId: claims.tenantId, id: row.customerId, surveysStoppedAt: null },
      data: { surveysStoppedAt: now },
    });
  });
}
