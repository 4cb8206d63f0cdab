"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { partnerAction } from "@/lib/actions/clients";
import { tenantSlug } from "@/lib/actions/schemas";
import { commentOnScorecard } from "@/lib/scorecards/feedback";

export const commentOnScorecardAction = partnerAction
  .metadata({ actionName: "scorecard.commented", permission: "portal:respond" })
  .inputSchema(
    z.object({
      tenantSlug,
      scorecardId: z.string().min(1).max(64),
      body: z.string().trim().max(2000, "Keep the comment under 2,000 characters"),
      acknowledged: z.boolean(),
    }),
  )
  .action(async ({ parsedInput, ctx }) => {
    const { tenant, partner, user } = {
      tenant: ctx.access.tenant,
      partner: ctx.access.membership.partnerId!,
      user: ctx.access.user,
    };
    const card = await commentOnScorecard(ctx.db, tenant.id, partner, user.id, {
      scorecardId: parsedInput.scorecardId,
      body: parsedInput.body,
      acknowledged: parsedInput.acknowledged,
    });
    ctx.audit({
      action: "scorecard.commented",
      entityType: "Scorecard",
      entityId: card.id,
      data: { acknowledged: parsedInput.acknowledged },
    });
    revalidatePath(`/portal/${tenant.slug}/scorecard`);
    return { ok: true };
  });
