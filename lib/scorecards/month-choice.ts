import { formatMonth, isMonthText } from "@/lib/months";

/** The last 12 months (newest first), as YYYY-MM, ending with the current month. */
export function recentMonths(now = new Date(), count = 12): string[] {
  return Array.from({ length: count }, (_, i) =>
    formatMonth(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1))),
  );
}

/** The month to show: a valid ?month=, else the newest month with scorecards, else last month. */
export function pickMonth(requested: unknown, withCards: Date[], now = new Date()): string {
  const months = recentMonths(now, 24);
  if (isMonthText(requested) && requested <= months[0]) return requested;
  if (withCards.length > 0) return formatMonth(withCards[0]);
  return months[1];
}
