import "server-only";
import type { Db } from "@/lib/db/scope";
import { renderScorecardPdf } from "@/components/scorecards/pdf/report";
import { getTenantSettings } from "@/lib/tenants/settings";
import { exportFileName, scorecardCsv, scorecardExport } from "./export";

export type ExportFormat = "csv" | "pdf";

/** Parses ?month=YYYY-MM&format=csv|pdf; null when invalid. */
export function parseExportQuery(url: URL): { month: Date; format: ExportFormat } | null {
  const month = url.searchParams.get("month") ?? "";
  const format = url.searchParams.get("format") ?? "csv";
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month) || (format !== "csv" && format !== "pdf")) return null;
  return { month: new Date(`${month}-01T00:00:00Z`), format };
}

/** Builds the export file as a download response (404 when there is nothing to export for the month). */
export async function exportResponse(
  db: Db,
  args: { tenantId: string; tenantSlug: string; tenantName: string; month: Date; format: ExportFormat; partnerId?: string; partnerName?: string },
): Promise<Response> {
  const data = await scorecardExport(db, args.tenantId, args.month, { partnerId: args.partnerId });
  if (data.rows.length === 0) return new Response("No scorecards for this month.", { status: 404 });
  const name = exportFileName(args.tenantSlug, args.month, args.format, args.partnerName);
  const headers = {
    "Content-Disposition": `attachment; filename="${name}"`,
    "Cache-Control": "private, no-store",
  };
  if (args.format === "csv") return new Response(scorecardCsv(data), { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" } });
  const { reportPageSize } = (await getTenantSettings(db, args.tenantId)).workspace;
  const pdf = await renderScorecardPdf(data, args.tenantName, { summary: !args.partnerId, pageSize: reportPageSize });
  return new Response(new Uint8Array(pdf), { headers: { ...headers, "Content-Type": "application/pdf" } });
}

export function deniedResponse(denied: "signed-out" | "not-found" | "forbidden"): Response {
  if (denied === "signed-out") return new Response("Sign in first.", { status: 401 });
  if (denied === "forbidden") return new Response("Your role does not allow this.", { status: 403 });
  return new Response("Not found.", { status: 404 });
}
