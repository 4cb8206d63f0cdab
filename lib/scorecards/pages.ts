/** What each steward scorecard page reads, in one tenant transaction. */
import { withTenant } from "@/lib/db/scope";
import { parseMonth } from "@/lib/months";
import { openPlansByPartner, partnerPlanPanel } from "@/lib/plans/queries";
import { currentTier } from "@/lib/incentives/months";
import { readScorecardConfig } from "./config";
import { monthExports } from "./export-job";
import { recentSurveyComments, surveyQuarters, surveySummary } from "./feedback";
import { pickMonth } from "./month-choice";
import {
  monthScorecards,
  partnerScorecard,
  partnerTrend,
  recentScorecardComments,
  scorecardComments,
  scorecardMonths,
} from "./queries";

/** The month's cards (the requested month, else the newest with cards), recent comments, the weights and stored exports. */
export function loadScorecardsPage(tenantId: string, query: { month?: unknown }) {
  return withTenant({ tenantId }, async (db) => {
    const months = await scorecardMonths(db, tenantId);
    const month = pickMonth(query.month, months);
    const cards = await monthScorecards(db, tenantId, parseMonth(month));
    const comments = await recentScorecardComments(db, tenantId, parseMonth(month), 10);
    const config = await readScorecardConfig(db, tenantId);
    const exports = await monthExports(db, tenantId, parseMonth(month));
    const plans = await openPlansByPartner(db, tenantId);
    return { month, cards, comments, config, exports, plans };
  });
}

/** One partner's card of a month, its trend and comments; null for a partner not in the tenant. */
export function loadPartnerScorecardPage(tenantId: string, partnerId: string, query: { month?: unknown }) {
  return withTenant({ tenantId }, async (db) => {
    const partner = await db.partner.findFirst({
      where: { tenantId, id: partnerId },
      select: { id: true, name: true, type: true },
    });
    if (!partner) return null;
    const months = await scorecardMonths(db, tenantId, { partnerId });
    const month = pickMonth(query.month, months);
    const card = await partnerScorecard(db, tenantId, partnerId, parseMonth(month));
    const trend = await partnerTrend(db, tenantId, partnerId);
    const comments = await scorecardComments(db, tenantId, partnerId, parseMonth(month));
    const plans = await partnerPlanPanel(db, tenantId, partnerId);
    const incentiveTier = await currentTier(db, tenantId, partnerId);
    return { partner, month, card, trend, comments, plans, incentiveTier };
  });
}

/** The partner survey's results of a quarter (the requested one, else the latest answered). */
export function loadSurveyResultsPage(tenantId: string, query: { quarter?: string }) {
  return withTenant({ tenantId }, async (db) => {
    const quarters = await surveyQuarters(db, tenantId);
    const quarter = query.quarter !== undefined && quarters.includes(query.quarter) ? query.quarter : quarters[0];
    if (!quarter) return { quarters, quarter: null, rows: [], comments: [] };
    return {
      quarters,
      quarter,
      rows: await surveySummary(db, tenantId, quarter),
      comments: await recentSurveyComments(db, tenantId, quarter),
    };
  });
}

/** The scorecard weights and recommendation thresholds, for their settings page. */
export function loadScorecardSettingsPage(tenantId: string) {
  return withTenant({ tenantId }, (db) => readScorecardConfig(db, tenantId));
}
