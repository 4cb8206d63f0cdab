import { stewardAccess } from "@/lib/auth/access";
import { safeFileName } from "@/lib/exports/csv";
import { deniedResponse } from "@/lib/scorecards/export-response";
import { saveListCsv } from "@/lib/value/save-page";

export const dynamic = "force-dynamic";

/** The customers to save as CSV, in the order chosen on the page. Stewards and analysts. */
export async function GET(request: Request, { params }: RouteContext<"/t/[tenant]/value/save/export">) {
  const { tenant } = await params;
  const access = await stewardAccess(tenant, "exports:read");
  if (!access.ok) return deniedResponse(access.denied);
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const csv = await saveListCsv(access.access.tenant.id, query);
  const name = safeFileName(`Customers to save - ${access.access.tenant.name}.csv`);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
