"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { partnerAction } from "@/lib/actions/clients";
import { tenantSlug } from "@/lib/actions/schemas";
import { actorFor } from "@/lib/incidents/actor";
import { evidenceSchema, planEventSchema } from "@/lib/plans/schemas";
import { applyPlanEvent, postEvidence, stepPlanAction } from "@/lib/plans/update-plan";

// The partner's side of a corrective-action plan. The transaction is scoped to the user's partner: row-level security
// hides every other partner's plan (and the brand's drafts), so a foreign id is "not found".

export const respondToPlanAction = partnerAction
  .metadata({ actionName: "plan.responded", permission: "portal:admin" })
  // The state machine refuses the brand's own steps for a partner ("Only the brand's stewards can do this.").
  .inputSchema(planEventSchema.extend({ tenantSlug }))
  .action(async ({ parsedInput, ctx }) => {
    const { tenantSlug: slug, ...input } = parsedInput;
    const result = await applyPlanEvent(ctx.db, ctx.access.tenant.id, input, actorFor(ctx.access));
    ctx.audit({
      action: input.event === "accept" ? "plan.accepted" : "plan.disputed",
      entityType: "CorrectivePlan",
      entityId: result.id,
      data: { from: result.from, to: result.to },
    });
    revalidatePath(`/portal/${slug}`, "layout");
    return result;
  });

export const postEvidenceAction = partnerAction
  .metadata({ actionName: "plan.evidence_posted", permission: "portal:respond" })
  .inputSchema(evidenceSchema.extend({ tenantSlug }))
  .action(async ({ parsedInput, ctx }) => {
    const { tenantSlug: slug, ...input } = parsedInput;
    const result = await postEvidence(ctx.db, ctx.access.tenant.id, input, actorFor(ctx.access));
    ctx.audit({
      action: "plan.evidence_posted",
      entityType: "CorrectivePlan",
      entityId: result.planId,
      data: { actionId: result.id, markDone: input.markDone ?? false },
    });
    revalidatePath(`/portal/${slug}`, "layout");
    return result;
  });

export const markActionDoneAction = partnerAction
  .metadata({ actionName: "plan.action_done", permission: "portal:respond" })
  .inputSchema(z.object({ tenantSlug, actionId: z.string().min(1, "Choose an action.").max(64) }))
  .action(async ({ parsedInput, ctx }) => {
    const result = await stepPlanAction(
      ctx.db,
      ctx.access.tenant.id,
      { actionId: parsedInput.actionId, step: "markDone" },
      actorFor(ctx.access),
    );
    ctx.audit({
      action: "plan.action_done",
      entityType: "CorrectivePlan",
      entityId: result.planId,
      data: { actionId: result.id },
    });
    revalidatePath(`/portal/${parsedInput.tenantSlug}`, "layout");
    return result;
  });
