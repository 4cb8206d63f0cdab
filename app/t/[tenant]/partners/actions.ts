"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { stewardAction } from "@/lib/actions/clients";
import { tenantSlug } from "@/lib/actions/schemas";
import { alignmentAnswersSchema, partnerSchema, transitionSchema } from "@/lib/partners/schemas";
import { createPartnerRecord, transitionPartner, updatePartnerRecord } from "@/lib/partners/partners";
import { saveAlignmentAnswers } from "@/lib/partners/alignment-store";

const partnerId = z.string().min(1).max(64);

export const createPartnerAction = stewardAction
  .metadata({ actionName: "partner.created", permission: "partners:write" })
  .inputSchema(partnerSchema.and(z.object({ tenantSlug })))
  .action(async ({ parsedInput, ctx }) => {
    const partner = await createPartnerRecord(ctx.db, ctx.access.tenant.id, parsedInput);
    ctx.audit({
      action: "partner.created",
      entityType: "Partner",
      entityId: partner.id,
      data: { name: partner.name, type: partner.type, tier: partner.tier },
    });
    revalidatePath(`/t/${ctx.access.tenant.slug}/partners`);
    return { id: partner.id };
  });

export const updatePartnerAction = stewardAction
  .metadata({ actionName: "partner.updated", permission: "partners:write" })
  .inputSchema(partnerSchema.and(z.object({ tenantSlug, partnerId })))
  .action(async ({ parsedInput, ctx }) => {
    const { partner, changed } = await updatePartnerRecord(
      ctx.db,
      ctx.access.tenant.id,
      parsedInput.partnerId,
      parsedInput,
    );
    ctx.audit({ action: "partner.updated", entityType: "Partner", entityId: partner.id, data: { changed } });
    revalidatePath(`/t/${ctx.access.tenant.slug}/partners`);
    return { id: partner.id };
  });

export const transitionPartnerAction = stewardAction
  .metadata({ actionName: "partner.status_changed", permission: "partners:write" })
  .inputSchema(transitionSchema.extend({ tenantSlug }))
  .action(async ({ parsedInput, ctx }) => {
    const change = await transitionPartner(
      ctx.db,
      ctx.access.tenant.id,
      parsedInput.partnerId,
      parsedInput.to,
      parsedInput.reason,
    );
    ctx.audit({
      action: "partner.status_changed",
      entityType: "Partner",
      entityId: parsedInput.partnerId,
      data: { from: change.from, to: change.to, reason: change.reason },
    });
    revalidatePath(`/t/${ctx.access.tenant.slug}/partners`);
    return change;
  });

export const saveAlignmentAction = stewardAction
  .metadata({ actionName: "partner.alignment_assessed", permission: "partners:write" })
  .inputSchema(alignmentAnswersSchema.extend({ tenantSlug }))
  .action(async ({ parsedInput, ctx }) => {
    const result = await saveAlignmentAnswers(ctx.db, ctx.access.tenant.id, parsedInput.partnerId, parsedInput.answers);
    ctx.audit({
      action: "partner.alignment_assessed",
      entityType: "Partner",
      entityId: parsedInput.partnerId,
      data: { score: result.score, before: result.before, answers: parsedInput.answers.length },
    });
    revalidatePath(`/t/${ctx.access.tenant.slug}/partners`);
    return result;
  });
