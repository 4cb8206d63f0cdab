import { partnerAccess } from "@/lib/auth/access";
import { withTenant } from "@/lib/db/scope";
import { deniedResponse, exportResponse, parseExportQuery } from "@/lib/scorecards/export-response";

export const dynamic = "force-dynamic";

/** A partner's export of its own published scorecard of a month (never another partner's). */
export async function GET(request: Request, { params }: RouteContext<"/portal/[tenant]/scorecard/export">) {
  const { tenant } = await params;
  const result = await partnerAccess(tenant);
  if ("denied" in result) return deniedResponse(result.denied!);
  const access = result.access!;
  const query = parseExportQuery(new URL(request.url));
  if (!query) return new Response("Choose a month (YYYY-MM) and a format (csv or pdf).", { status: 400 });
  const scope = { tenantId: access.tenant.id, partnerId: access.partner.id, userId: access.user.id };
  return withTenant(scope, (db) =>
    exportResponse(db, {
      tenantId: access.tenant.id,
      tenantSlug: access.tenant.slug,
      tenantName: access.tenant.name,
      partnerId: access.partner.id,
      partnerName: access.partner.name,
      ...query,
    }),
  );
}
