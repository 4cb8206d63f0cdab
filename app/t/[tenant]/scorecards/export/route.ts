import { stewardAccess } from "@/lib/auth/access";
import { withTenant } from "@/lib/db/scope";
import { deniedResponse, exportResponse, parseExportQuery } from "@/lib/scorecards/export-response";

export const dynamic = "force-dynamic";

/** Portfolio export of a month (CSV: one row per partner; PDF: summary + one page per partner). Stewards only. */
export async function GET(request: Request, { params }: RouteContext<"/t/[tenant]/scorecards/export">) {
  const { tenant } = await params;
  const result = await stewardAccess(tenant, "exports:read");
  if ("denied" in result) return deniedResponse(result.denied!);
  const access = result.access!;
  const query = parseExportQuery(new URL(request.url));
  if (!query) return new Response("Choose a month (YYYY-MM) and a format (csv or pdf).", { status: 400 });
  return withTenant({ tenantId: access.tenant.id }, (db) =>
    exportResponse(db, { tenantId: access.tenant.id, tenantSlug: access.tenant.slug, tenantName: access.tenant.name, ...query }),
    { timeoutMs: 120_000 },
  );
}
