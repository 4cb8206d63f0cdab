"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { partnerAction } from "@/lib/actions/clients";
import { tenantSlug } from "@/lib/actions/schemas";
import { quarterOf, submitSurvey } from "@/lib/scorecards/feedback";

const rating = (label: string) =>
  z
    .number({ error: `Rate ${label} from 1 to 5` })
    .int({ error: `Rate ${label} from 1 to 5` })
    .min(1, { error: `Rate ${label} from 1 to 5` })
    .max(5, { error: `Rate ${label} from 1 to 5` });

export const submitSurveyAction = partnerAction
  .metadata({ actionName: "survey.answered", permission: "portal:respond" })
  .inputSchema(
    z.object({
      tenantSlug,
      communication: rating("communication"),
      fairness: rating("fairness"),
      tools: rating("tools"),
      support: rating("support"),
      comment: z.string().trim().max(2000, "Keep the comment under 2,000 characters"),
    }),
  )
  .action(async ({ parsedInput, ctx }) => {
    const quarter = quarterOf(new Date());
    const result = await submitSurvey(
      ctx.db,
      ctx.access.tenant.id,
      ctx.access.membership.partnerId!,
      ctx.access.user.id,
      quarter,
      {
        communication: parsedInput.communication,
        fairness: parsedInput.fairness,
        tools: parsedInput.tools,
        support: parsedInput.support,
        comment: parsedInput.comment || null,
      },
    );
    ctx.audit({
      action: "survey.answered",
      entityType: "PartnerSurveyResponse",
      entityId: result.id,
      data: { quarter, replaced: result.replaced },
    });
    revalidatePath(`/portal/${ctx.access.tenant.slug}/survey`);
    return { quarter, replaced: result.replaced };
  });
