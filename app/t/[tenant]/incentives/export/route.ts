import { stewardAccess } from "@/lib/auth/access";
import { incentiveCsvResponse } from "@/lib/incentives/export";
import { deniedResponse } from "@/lib/scorecards/export-response";

export const dynamic = "force-dynamic";

/** The payout CSV of an approved month (?month=YYYY-MM). Staff with export rights only. */
export async function GET(request: Request, { params }: RouteContext<"/t/[tenant]/incentives/export">) {
  const { tenant } = await params;
  const result = await stewardAccess(tenant, "exports:read");
  if (!result.ok) return deniedResponse(result.denied);
  return incentiveCsvResponse(result.access, new URL(request.url).searchParams.get("month"));
}
