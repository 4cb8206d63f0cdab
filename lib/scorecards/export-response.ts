import "server-only";
import type { Access, PartnerAccess } from "@/lib/auth/access";
import { partnerScope } from "@/lib/auth/access";
import { withTenant, type Db } from "@/lib/db/scope";
import { csvDownload, downloadResponse, type ExportQueryReader } from "@/lib/exports/route";
import { renderScorecardPdf } from "@/lib/scorecards/pdf/report";
import { isMonthText, parseMonth } from "@/lib/months";
import { getTenantSettings } from "@/lib/tenants/settings";
import { exportFileName, scorecardCsv, scorecardExport } from "./export";
import { storedExportFile } from "./export-job";

export type ExportFormat = "csv" | "pdf";
type ExportQuery = { month: Date; format: ExportFormat };

/** Parses ?month=YYYY-MM&format=csv|pdf; null when invalid. */
export function parseExportQuery(url: URL): { month: Date; format: ExportFormat } | null {
  const month = url.searchParams.get("month") ?? "";
  const format = url.searchParams.get("format") ?? "csv";
  if (!isMonthText(month) || (format !== "csv" && format !== "pdf")) return null;
  return { month: parseMonth(month), format };
}

/** The query of the three scorecard export routes. */
export const scorecardExportQuery: ExportQueryReader<ExportQuery> = (url) => {
  const query = parseExportQuery(url);
  return query ? { query } : { refused: "Choose a month (YYYY-MM) and a format (csv or pdf)." };
};

/** Builds the export file as a download response (404 when there is nothing to export for the month). */
export async function exportResponse(
  db: Db,
  args: {
    tenantId: string;
    tenantSlug: string;
    tenantName: string;
    month: Date;
    format: ExportFormat;
    partnerId?: string;
    partnerName?: string;
  },
): Promise<Response> {
  const data = await scorecardExport(db, args.tenantId, args.month, { partnerId: args.partnerId });
  if (data.rows.length === 0) return new Response("No scorecards for this month.", { status: 404 });
  const name = exportFileName(args.tenantSlug, args.month, args.format, args.partnerName);
  if (args.format === "csv") return csvDownload(scorecardCsv(data), name);
  const { reportPageSize } = (await getTenantSettings(db, args.tenantId)).workspace;
  const pdf = await renderScorecardPdf(data, args.tenantName, { summary: !args.partnerId, pageSize: reportPageSize });
  return downloadResponse(new Uint8Array(pdf), name, "application/pdf");
}

/** A steward's portfolio export of a month: every partner's current card (drafts included). */
export function stewardExportDownload(access: Access, query: ExportQuery): Promise<Response> {
  const { id: tenantId, slug: tenantSlug, name: tenantName } = access.tenant;
  return withTenant({ tenantId }, (db) => exportResponse(db, { tenantId, tenantSlug, tenantName, ...query }), {
    timeoutMs: 120_000,
  });
}

/** A partner's export of its own published card of a month (never another partner's). */
export function partnerExportDownload(access: PartnerAccess, query: ExportQuery): Promise<Response> {
  const { id: tenantId, slug: tenantSlug, name: tenantName } = access.tenant;
  const { id: partnerId, name: partnerName } = access.partner;
  return withTenant(partnerScope(access), (db) =>
    exportResponse(db, { tenantId, tenantSlug, tenantName, partnerId, partnerName, ...query }),
  );
}

/** The stored export of a published month (written by the scorecards.export job); 404 until it is written. */
export async function storedExportDownload(access: Access, query: ExportQuery): Promise<Response> {
  const tenantId = access.tenant.id;
  const file = await withTenant({ tenantId }, (db) => storedExportFile(db, tenantId, query.month, query.format));
  if (!file) return new Response("No stored export for this month yet.", { status: 404 });
  return downloadResponse(new Uint8Array(file.content), file.fileName, file.contentType);
}
