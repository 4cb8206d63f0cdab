import { partnerAccess } from "@/lib/auth/access";
import { exportRoute } from "@/lib/exports/route";
import { scorecardExportQuery, partnerExportDownload } from "@/lib/scorecards/export-response";

export const dynamic = "force-dynamic";

/** A partner's export of its own published scorecard of a month (never another partner's). */
export async function GET(request: Request, { params }: RouteContext<"/portal/[tenant]/scorecard/export">) {
  const { tenant } = await params;
  return exportRoute(request, await partnerAccess(tenant), scorecardExportQuery, partnerExportDownload);
}
