import { stewardAccess } from "@/lib/auth/access";
import { exportRoute, queryFields } from "@/lib/exports/route";
import { saveListDownload } from "@/lib/value/save-page";

export const dynamic = "force-dynamic";

/** The customers to save as CSV, in the order chosen on the page. Stewards and analysts. */
export async function GET(request: Request, { params }: RouteContext<"/t/[tenant]/value/save/export">) {
  const { tenant } = await params;
  return exportRoute(request, await stewardAccess(tenant, "exports:read"), queryFields, saveListDownload);
}
