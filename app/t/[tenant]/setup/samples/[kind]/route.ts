import { stewardAccess } from "@/lib/auth/access";
import { deniedResponse } from "@/lib/exports/route";
import { IMPORT_KINDS, type ImportKind } from "@/lib/import/kinds";
import { sampleCsv, sampleFileName } from "@/lib/onboarding/samples";

export const dynamic = "force-dynamic";

/** A sample CSV file of one import kind (no workspace data in it), for staff who may import. */
export async function GET(_request: Request, { params }: RouteContext<"/t/[tenant]/setup/samples/[kind]">) {
  const { tenant, kind } = await params;
  const result = await stewardAccess(tenant, "partners:write");
  if ("denied" in result) return deniedResponse(result.denied!);
  if (!(IMPORT_KINDS as readonly string[]).includes(kind)) {
    return new Response(`No sample of that kind. Choose one of: ${IMPORT_KINDS.join(", ")}.`, { status: 404 });
  }
  return new Response(sampleCsv(kind as ImportKind), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${sampleFileName(kind as ImportKind)}"`,
      "cache-control": "private, no-store",
    },
  });
}
