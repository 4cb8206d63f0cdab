/**
 * What each partner portal page reads, in one transaction scoped to the partner: row-level security shows only
 * the partner's own rows, and every query also filters by partnerId.
 */
import { withTenant, type PartnerScope } from "@/lib/db/scope";
import { currentTier } from "@/lib/incentives/months";
import { myAnswer } from "@/lib/scorecards/feedback";
import { partnerScorecard, partnerTrend, scorecardComments, scorecardMonths } from "@/lib/scorecards/queries";
import { partnerCompliance, partnerStandards } from "@/lib/standards/assessments";
import { formatMonth, parseMonth } from "@/lib/months";

/** The partner's published scorecard of the chosen month (default: the latest), its trend and comments. */
export function loadPortalScorecardPage(scope: PartnerScope, query: { month?: string }) {
  const { tenantId, partnerId } = scope;
  return withTenant(scope, async (db) => {
    const months = (await scorecardMonths(db, tenantId, { partnerId, publishedOnly: true })).map(formatMonth);
    const month = query.month !== undefined && months.includes(query.month) ? query.month : months[0];
    if (!month) return { months, month: null } as const;
    const card = await partnerScorecard(db, tenantId, partnerId, parseMonth(month), { publishedOnly: true });
    const trend = await partnerTrend(db, tenantId, partnerId, { publishedOnly: true });
    const comments = await scorecardComments(db, tenantId, partnerId, parseMonth(month));
    const incentiveTier = await currentTier(db, tenantId, partnerId);
    return { months, month, card, trend, comments, incentiveTier } as const;
  });
}

/** The standards that apply to the partner, and its compliance this month. */
export function loadPortalStandardsPage(scope: PartnerScope, now: Date) {
  const { tenantId, partnerId } = scope;
  return withTenant(scope, async (db) => ({
    standards: await partnerStandards(db, tenantId, partnerId),
    compliance: await partnerCompliance(db, tenantId, partnerId, now),
  }));
}

/** The user's own survey answer of the quarter, if any. */
export function loadPortalSurveyPage(scope: PartnerScope, quarter: string) {
  return withTenant(scope, (db) => myAnswer(db, scope.tenantId, scope.partnerId, scope.userId, quarter));
}
