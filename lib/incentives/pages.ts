/** What the incentive pages read, each in one tenant (or partner) transaction. */
import { withTenant, type PartnerScope } from "@/lib/db/scope";
import { formatMonth, parseMonth } from "@/lib/months";
import { pickMonth } from "@/lib/scorecards/month-choice";
import { scorecardMonths } from "@/lib/scorecards/queries";
import { getTenantSettings } from "@/lib/tenants/settings";
import { incentiveMonth, partnerIncentiveHistory } from "./months";

/** The chosen month (default: the newest published one) with its proposed or approved consequences. */
export function loadIncentivesPage(tenantId: string, query: { month?: unknown }) {
  return withTenant({ tenantId }, async (db) => {
    const published = await scorecardMonths(db, tenantId, { publishedOnly: true });
    const month = pickMonth(query.month, published);
    const approved = await db.incentiveMonth.findMany({
      where: { tenantId },
      select: { month: true },
      orderBy: { month: "desc" },
    });
    return {
      view: await incentiveMonth(db, tenantId, parseMonth(month)),
      publishedMonths: published.map(formatMonth),
      approvedMonths: approved.map((a) => formatMonth(a.month)),
    };
  });
}

/** The workspace's incentive rules and currency. */
export function loadIncentiveSettingsPage(tenantId: string) {
  return withTenant({ tenantId }, async (db) => {
    const settings = await getTenantSettings(db, tenantId);
    return { rules: settings.incentives, currency: settings.workspace.currency };
  });
}

/** The partner's own tier history and payouts (approved months only). */
export function loadPortalIncentivesPage(scope: PartnerScope) {
  return withTenant(scope, async (db) => {
    const settings = await getTenantSettings(db, scope.tenantId);
    const history = await partnerIncentiveHistory(db, scope.tenantId, scope.partnerId);
    return {
      currency: settings.workspace.currency,
      rules: settings.incentives,
      history: history.map((h) => ({ ...h, month: formatMonth(h.month) })),
    };
  });
}
