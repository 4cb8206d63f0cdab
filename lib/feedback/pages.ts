import { withTenant, type TenantScope } from "@/lib/db/scope";
import { feedbackView, isScoreBand, type FeedbackQuery } from "./comments";

type Raw = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (typeof v === "string" && v.length <= 64 ? v : undefined);
const pageOf = (v: string | string[] | undefined) =>
  Math.min(10_000, Math.max(1, Number.parseInt(typeof v === "string" ? v : "1", 10) || 1));

/** The comments view's filters from the URL; anything malformed is ignored. */
function feedbackQuery(raw: Raw): FeedbackQuery {
  const score = one(raw.score);
  return {
    partnerId: one(raw.partner),
    touchpointId: one(raw.touchpoint),
    score: isScoreBand(score) ? score : undefined,
    page: pageOf(raw.page),
    linksPage: pageOf(raw.links),
  };
}

/** The comments view for a steward (every partner) or a partner user (scope.partnerId: its own feedback only). */
export function loadFeedbackPage(scope: TenantScope, raw: Raw) {
  const query = feedbackQuery(raw);
  return withTenant(scope, async (db) => ({ query, ...(await feedbackView(db, scope.tenantId, query)) }));
}
