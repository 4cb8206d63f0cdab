"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { stewardAction } from "@/lib/actions/clients";
import { tenantSlug } from "@/lib/actions/schemas";
import { incentiveRulesSchema } from "@/lib/incentives/rules";
import { updateTenantSettings } from "@/lib/tenants/settings";

/** The workspace's incentive rules: tiers, months in a band before a tier moves, the bonus pool and its floor. */
export const updateIncentiveRulesAction = stewardAction
  .metadata({ actionName: "settings.incentives.updated", permission: "incentives:write" })
  .inputSchema(z.object({ tenantSlug, rules: incentiveRulesSchema }))
  .action(async ({ parsedInput, ctx }) => {
    const settings = await updateTenantSettings(ctx.db, ctx.access.tenant.id, "incentives", parsedInput.rules);
    ctx.audit({
      action: "settings.incentives.updated",
      entityType: "Tenant",
      entityId: ctx.access.tenant.id,
      data: parsedInput.rules,
    });
    revalidatePath(`/t/${ctx.access.tenant.slug}/settings/incentives`);
    revalidatePath(`/t/${ctx.access.tenant.slug}/incentives`);
    return settings.incentives;
  });
