import { stewardAccess } from "@/lib/auth/access";
import { exportRoute } from "@/lib/exports/route";
import { scorecardExportQuery, stewardExportDownload } from "@/lib/scorecards/export-response";

export const dynamic = "force-dynamic";

/** Portfolio export of a month (CSV: one row per partner; PDF: summary + one page per partner). Stewards only. */
export async function GET(request: Request, { params }: RouteContext<"/t/[tenant]/scorecards/export">) {
  const { tenant } = await params;
  return exportRoute(request, await stewardAccess(tenant, "exports:read"), scorecardExportQuery, stewardExportDownload);
}
