import { stewardAccess } from "@/lib/auth/access";
import { exportRoute } from "@/lib/exports/route";
import { incentiveCsvDownload, incentiveExportQuery } from "@/lib/incentives/export";

export const dynamic = "force-dynamic";

/** The payout CSV of an approved month (?month=YYYY-MM). Staff with export rights only. */
export async function GET(request: Request, { params }: RouteContext<"/t/[tenant]/incentives/export">) {
  const { tenant } = await params;
  return exportRoute(request, await stewardAccess(tenant, "exports:read"), incentiveExportQuery, incentiveCsvDownload);
}
