"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { stewardAction } from "@/lib/actions/clients";
import { tenantSlug } from "@/lib/actions/schemas";
import { alignmentQuestionSchema } from "@/lib/partners/schemas";
import { createAlignmentQuestion, updateAlignmentQuestion } from "@/lib/partners/alignment-store";

export const createQuestionAction = stewardAction
  .metadata({ actionName: "alignment_question.created", permission: "settings:write" })
  .inputSchema(alignmentQuestionSchema.extend({ tenantSlug }))
  .action(async ({ parsedInput, ctx }) => {
    const { tenantSlug: _, ...input } = parsedInput;
    const q = await createAlignmentQuestion(ctx.db, ctx.access.tenant.id, input);
    ctx.audit({ action: "alignment_question.created", entityType: "AlignmentQuestion", entityId: q.id, data: input });
    revalidatePath(`/t/${ctx.access.tenant.slug}/settings/alignment`);
    return { id: q.id };
  });

export const updateQuestionAction = stewardAction
  .metadata({ actionName: "alignment_question.updated", permission: "settings:write" })
  .inputSchema(alignmentQuestionSchema.extend({ tenantSlug, questionId: z.string().min(1).max(64) }))
  .action(async ({ parsedInput, ctx }) => {
    const { tenantSlug: _, questionId, ...input } = parsedInput;
    await updateAlignmentQuestion(ctx.db, ctx.access.tenant.id, questionId, input);
    ctx.audit({
      action: "alignment_question.updated",
      entityType: "AlignmentQuestion",
      entityId: questionId,
      data: input,
    });
    revalidatePath(`/t/${ctx.access.tenant.slug}/settings/alignment`);
    return { id: questionId };
  });
