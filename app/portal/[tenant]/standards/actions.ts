"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { partnerAction } from "@/lib/actions/clients";
import { tenantSlug } from "@/lib/actions/schemas";
import { selfAssessmentSchema } from "@/lib/standards/schemas";
import { acknowledgeStandard, selfAssess } from "@/lib/standards/assessments";
import { DomainError } from "@/lib/errors";

function partnerOf(access: { membership: { partnerId: string | null } }) {
  if (!access.membership.partnerId) throw new DomainError("Workspace not found.", "not-found");
  return access.membership.partnerId;
}

export const acknowledgeStandardAction = partnerAction
  .metadata({ actionName: "standard.acknowledged", permission: "portal:respond" })
  .inputSchema(
    z.object({
      tenantSlug,
      standardId: z.string().min(1).max(64),
      confirm: z.literal(true, { error: "Confirm that your team has read and trained on this standard" }),
    }),
  )
  .action(async ({ parsedInput, ctx }) => {
    const partnerId = partnerOf(ctx.access);
    const standard = await acknowledgeStandard(
      ctx.db,
      ctx.access.tenant.id,
      partnerId,
      ctx.access.user.id,
      parsedInput.standardId,
    );
    ctx.audit({
      action: "standard.acknowledged",
      entityType: "ExperienceStandard",
      entityId: standard.id,
      data: { partnerId },
    });
    revalidatePath(`/portal/${ctx.access.tenant.slug}/standards`);
    return { ok: true };
  });

export const selfAssessAction = partnerAction
  .metadata({ actionName: "assessment.self_reported", permission: "portal:respond" })
  .inputSchema(selfAssessmentSchema.extend({ tenantSlug }))
  .action(async ({ parsedInput, ctx }) => {
    const partnerId = partnerOf(ctx.access);
    const { tenantSlug: _, ...input } = parsedInput;
    const a = await selfAssess(ctx.db, ctx.access.tenant.id, partnerId, ctx.access.user.id, input);
    ctx.audit({
      action: "assessment.self_reported",
      entityType: "Assessment",
      entityId: a.id,
      data: { partnerId, value: a.value, met: a.met },
    });
    revalidatePath(`/portal/${ctx.access.tenant.slug}/standards`);
    return { id: a.id, met: a.met };
  });
