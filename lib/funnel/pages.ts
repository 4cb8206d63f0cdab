import { withTenant } from "@/lib/db/scope";
import { formatMonth, isMonthText, parseMonth } from "@/lib/months";
import { recentMonths } from "@/lib/scorecards/month-choice";
import { funnelMonth } from "./funnel";

/** The month the Funnel page shows: a valid ?month= of the last 24 months, else last month (the latest complete one). */
export function pickFunnelMonth(requested: unknown, now = new Date()): string {
  const months = recentMonths(now, 24);
  if (isMonthText(requested) && requested <= months[0] && requested >= months[months.length - 1]) return requested;
  return months[1];
}

/** The Funnel page: the chosen month's figures per stage, and the months to pick from (newest first). */
export async function loadFunnelPage(tenantId: string, query: { month?: unknown }) {
  const month = pickFunnelMonth(query.month);
  const funnel = await withTenant({ tenantId }, (db) => funnelMonth(db, tenantId, parseMonth(month)));
  return {
    month,
    months: recentMonths(new Date(), 24),
    funnel,
    snapshotMonth: funnel.snapshot ? formatMonth(funnel.snapshot) : null,
  };
}
