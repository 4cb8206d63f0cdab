import { stewardAccess } from "@/lib/auth/access";
import { exportRoute } from "@/lib/exports/route";
import { scorecardExportQuery, storedExportDownload } from "@/lib/scorecards/export-response";

export const dynamic = "force-dynamic";

/** The stored export of a published month (written by the scorecards.export job). Stewards only. */
export async function GET(request: Request, { params }: RouteContext<"/t/[tenant]/scorecards/export/published">) {
  const { tenant } = await params;
  return exportRoute(request, await stewardAccess(tenant, "exports:read"), scorecardExportQuery, storedExportDownload);
}
