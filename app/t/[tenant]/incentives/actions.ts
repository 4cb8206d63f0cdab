"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { stewardAction } from "@/lib/actions/clients";
import { tenantSlug } from "@/lib/actions/schemas";
import { approveIncentives } from "@/lib/incentives/months";
import { pastMonthField, parseMonth } from "@/lib/months";

/** Approves a published month's tier changes and payouts: they are stored and frozen with the month. */
export const approveIncentivesAction = stewardAction
  .metadata({ actionName: "incentives.approved", permission: "incentives:write" })
  .inputSchema(z.object({ tenantSlug, month: pastMonthField("Choose the month to approve (YYYY-MM)") }))
  .action(async ({ parsedInput, ctx }) => {
    const tenantId = ctx.access.tenant.id;
    const result = await approveIncentives(ctx.db, tenantId, parseMonth(parsedInput.month), ctx.access.user.id);
    ctx.audit({ action: "incentives.approved", entityType: "IncentiveMonth", entityId: result.month, data: result });
    revalidatePath(`/t/${ctx.access.tenant.slug}/incentives`);
    return result;
  });
