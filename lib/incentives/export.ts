import "server-only";
import type { Access } from "@/lib/auth/access";
import { withTenant } from "@/lib/db/scope";
import { safeFileName, toCsv, type CsvColumn } from "@/lib/exports/csv";
import { csvDownload, type ExportQueryReader } from "@/lib/exports/route";
import { isMonthText, parseMonth } from "@/lib/months";
import { incentiveMonth, type IncentiveRow } from "./months";

type CsvRow = Omit<IncentiveRow, "payoutCents" | "share"> & { month: string; payout: number; sharePercent: number };

const COLUMNS: CsvColumn<Extract<keyof CsvRow, string>>[] = [
  { key: "month", header: "month" },
  { key: "partnerId", header: "partner_id" },
  { key: "partnerName", header: "partner" },
  { key: "score", header: "score" },
  { key: "equityServed", header: "equity_served" },
  { key: "band", header: "band" },
  { key: "previousTier", header: "previous_tier" },
  { key: "tier", header: "tier" },
  { key: "tierReason", header: "tier_reason" },
  { key: "eligible", header: "eligible" },
  { key: "weight", header: "score_x_equity" },
  { key: "sharePercent", header: "share_percent" },
  { key: "payout", header: "payout" },
  { key: "reason", header: "payout_reason" },
];

/** ?month=YYYY-MM, the month whose payouts are exported. */
export const incentiveExportQuery: ExportQueryReader<Date> = (url) => {
  const month = url.searchParams.get("month");
  return isMonthText(month) ? { query: parseMonth(month) } : { refused: "Choose a month (YYYY-MM)." };
};

/**
 * The payout CSV of an approved month (one row per scored partner, amounts in the workspace currency); 404 while
 * the month is not approved: only a frozen result is paid out.
 */
export async function incentiveCsvDownload(access: Access, month: Date): Promise<Response> {
  const { id: tenantId, slug } = access.tenant;
  const view = await withTenant({ tenantId }, (db) => incentiveMonth(db, tenantId, month));
  if (view.state !== "approved") return new Response("This month's incentives are not approved.", { status: 404 });
  const rows: CsvRow[] = view.rows.map((r) => ({
    ...r,
    month: view.month,
    payout: r.payoutCents / 100,
    sharePercent: Math.round(r.share * 1_000_000) / 10_000,
    weight: Math.round(r.weight * 100) / 100,
  }));
  const name = safeFileName(`incentives-${slug}-${view.month}-${view.currency}.csv`);
  return csvDownload(toCsv(rows, COLUMNS, { bom: true }), name);
}
