import { stewardAccess } from "@/lib/auth/access";
import { withTenant } from "@/lib/db/scope";
import { deniedResponse, parseExportQuery } from "@/lib/scorecards/export-response";
import { storedExportFile } from "@/lib/scorecards/export-job";

export const dynamic = "force-dynamic";

/** The stored export of a published month (written by the scorecards.export job). Stewards only. */
export async function GET(request: Request, { params }: RouteContext<"/t/[tenant]/scorecards/export/published">) {
  const { tenant } = await params;
  const result = await stewardAccess(tenant, "exports:read");
  if ("denied" in result) return deniedResponse(result.denied!);
  const access = result.access!;
  const query = parseExportQuery(new URL(request.url));
  if (!query) return new Response("Choose a month (YYYY-MM) and a format (csv or pdf).", { status: 400 });
  const file = await withTenant({ tenantId: access.tenant.id }, (db) => storedExportFile(db, access.tenant.id, query.month, query.format));
  if (!file) return new Response("No stored export for this month yet.", { status: 404 });
  return new Response(new Uint8Array(file.content), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
