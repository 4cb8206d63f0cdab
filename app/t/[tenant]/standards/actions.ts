"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { stewardAction } from "@/lib/actions/clients";
import { tenantSlug } from "@/lib/actions/schemas";
import { assessmentSchema, standardSchema, verificationSchema } from "@/lib/standards/schemas";
import { createStandardRecord, editStandardRecord } from "@/lib/standards/store";
import { decideSelfAssessment, recordAssessment } from "@/lib/standards/assessments";

const id = z.string().min(1).max(64);

export const createStandardAction = stewardAction
  .metadata({ actionName: "standard.created", permission: "standards:write" })
  .inputSchema(standardSchema.and(z.object({ tenantSlug })))
  .action(async ({ parsedInput, ctx }) => {
    const { tenantSlug: _, ...input } = parsedInput;
    const s = await createStandardRecord(ctx.db, ctx.access.tenant.id, input);
    ctx.audit({
      action: "standard.created",
      entityType: "ExperienceStandard",
      entityId: s.id,
      data: { name: s.name, touchpointId: s.touchpointId },
    });
    revalidatePath(`/t/${ctx.access.tenant.slug}/standards`);
    return { id: s.id };
  });

export const editStandardAction = stewardAction
  .metadata({ actionName: "standard.edited", permission: "standards:write" })
  .inputSchema(standardSchema.and(z.object({ tenantSlug, standardId: id })))
  .action(async ({ parsedInput, ctx }) => {
    const { tenantSlug: _, standardId, ...input } = parsedInput;
    const result = await editStandardRecord(ctx.db, ctx.access.tenant.id, standardId, input);
    ctx.audit({
      action: result.kind === "new-version" ? "standard.versioned" : "standard.edited",
      entityType: "ExperienceStandard",
      entityId: result.id,
      data: { lineageId: result.lineageId, version: result.version, changed: result.changedFields },
    });
    revalidatePath(`/t/${ctx.access.tenant.slug}/standards`);
    return result;
  });

export const recordAssessmentAction = stewardAction
  .metadata({ actionName: "assessment.recorded", permission: "standards:write" })
  .inputSchema(assessmentSchema.extend({ tenantSlug }))
  .action(async ({ parsedInput, ctx }) => {
    const { tenantSlug: _, ...input } = parsedInput;
    const { assessment, partner, standard } = await recordAssessment(
      ctx.db,
      ctx.access.tenant.id,
      ctx.access.user.id,
      input,
    );
    ctx.audit({
      action: "assessment.recorded",
      entityType: "Assessment",
      entityId: assessment.id,
      data: { partner: partner.name, standard: standard.name, value: assessment.value, met: assessment.met },
    });
    revalidatePath(`/t/${ctx.access.tenant.slug}/standards`);
    return { id: assessment.id, met: assessment.met };
  });

export const decideAssessmentAction = stewardAction
  .metadata({ actionName: "assessment.verified", permission: "standards:write" })
  .inputSchema(verificationSchema.and(z.object({ tenantSlug })))
  .action(async ({ parsedInput, ctx }) => {
    const a = await decideSelfAssessment(ctx.db, ctx.access.tenant.id, ctx.access.user.id, parsedInput);
    ctx.audit({
      action: a.verification === "VERIFIED" ? "assessment.verified" : "assessment.rejected",
      entityType: "Assessment",
      entityId: a.id,
      data: { partner: a.partner.name, standard: a.standard.name, reason: parsedInput.reason },
    });
    revalidatePath(`/t/${ctx.access.tenant.slug}/standards`);
    return { verification: a.verification };
  });
