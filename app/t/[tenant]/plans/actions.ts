"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { stewardAction } from "@/lib/actions/clients";
import { tenantSlug } from "@/lib/actions/schemas";
import { actorFor } from "@/lib/incidents/actor";
import { openPlanFromPattern, openPlanFromScorecard } from "@/lib/plans/open-plan";
import {
  actionStepSchema,
  addActionFields,
  openFromPatternSchema,
  openFromScorecardSchema,
  planEventSchema,
  withStandardCheck,
} from "@/lib/plans/schemas";
import { addPlanAction, applyPlanEvent, removePlanAction, stepPlanAction } from "@/lib/plans/update-plan";

// The steward's side of a corrective-action plan: open it, fill and propose it, verify or reopen actions, close it.

const revalidatePlans = (slug: string) => {
  revalidatePath(`/t/${slug}/plans`, "layout");
  revalidatePath(`/t/${slug}/scorecards`, "layout");
  revalidatePath(`/t/${slug}/partners`, "layout");
};

export const openPlanFromScorecardAction = stewardAction
  .metadata({ actionName: "plan.opened", permission: "plans:write" })
  .inputSchema(openFromScorecardSchema.extend({ tenantSlug }))
  .action(async ({ parsedInput, ctx }) => {
    const plan = await openPlanFromScorecard(
      ctx.db,
      ctx.access.tenant.id,
      parsedInput.scorecardId,
      actorFor(ctx.access),
    );
    ctx.audit({
      action: "plan.opened",
      entityType: "CorrectivePlan",
      entityId: plan.id,
      data: { from: "scorecard", scorecardId: parsedInput.scorecardId },
    });
    revalidatePlans(parsedInput.tenantSlug);
    return { id: plan.id };
  });

export const openPlanFromPatternAction = stewardAction
  .metadata({ actionName: "plan.opened", permission: "plans:write" })
  .inputSchema(openFromPatternSchema.extend({ tenantSlug }))
  .action(async ({ parsedInput, ctx }) => {
    const { tenantSlug: slug, ...input } = parsedInput;
    const plan = await openPlanFromPattern(ctx.db, ctx.access.tenant.id, input, actorFor(ctx.access));
    ctx.audit({
      action: "plan.opened",
      entityType: "CorrectivePlan",
      entityId: plan.id,
      data: { from: "incident pattern", touchpointId: input.touchpointId, rootCause: input.rootCause },
    });
    revalidatePlans(slug);
    return { id: plan.id };
  });

export const addPlanActionAction = stewardAction
  .metadata({ actionName: "plan.action_added", permission: "plans:write" })
  .inputSchema(withStandardCheck(addActionFields.extend({ tenantSlug })))
  .action(async ({ parsedInput, ctx }) => {
    const { tenantSlug: slug, ...input } = parsedInput;
    const action = await addPlanAction(ctx.db, ctx.access.tenant.id, input, actorFor(ctx.access));
    ctx.audit({
      action: "plan.action_added",
      entityType: "CorrectivePlan",
      entityId: action.planId,
      data: { actionId: action.id, metric: input.metric, dueOn: input.dueOn },
    });
    revalidatePlans(slug);
    return action;
  });

export const removePlanActionAction = stewardAction
  .metadata({ actionName: "plan.action_removed", permission: "plans:write" })
  .inputSchema(z.object({ tenantSlug, actionId: z.string().min(1, "Choose an action.").max(64) }))
  .action(async ({ parsedInput, ctx }) => {
    const removed = await removePlanAction(ctx.db, ctx.access.tenant.id, parsedInput.actionId, actorFor(ctx.access));
    ctx.audit({
      action: "plan.action_removed",
      entityType: "CorrectivePlan",
      entityId: removed.planId,
      data: { actionId: removed.id },
    });
    revalidatePlans(parsedInput.tenantSlug);
    return removed;
  });

export const stewardPlanEventAction = stewardAction
  .metadata({ actionName: "plan.transitioned", permission: "plans:write" })
  .inputSchema(planEventSchema.extend({ tenantSlug }))
  .action(async ({ parsedInput, ctx }) => {
    const { tenantSlug: slug, ...input } = parsedInput;
    const result = await applyPlanEvent(ctx.db, ctx.access.tenant.id, input, actorFor(ctx.access));
    ctx.audit({
      action: "plan.transitioned",
      entityType: "CorrectivePlan",
      entityId: result.id,
      data: { from: result.from, to: result.to },
    });
    revalidatePlans(slug);
    return result;
  });

export const stewardActionStepAction = stewardAction
  .metadata({ actionName: "plan.action_stepped", permission: "plans:write" })
  .inputSchema(actionStepSchema.extend({ tenantSlug }))
  .action(async ({ parsedInput, ctx }) => {
    const { tenantSlug: slug, ...input } = parsedInput;
    const result = await stepPlanAction(ctx.db, ctx.access.tenant.id, input, actorFor(ctx.access));
    ctx.audit({
      action: `plan.action_${input.step === "verify" ? "verified" : "reopened"}`,
      entityType: "CorrectivePlan",
      entityId: result.planId,
      data: { actionId: result.id, from: result.from, to: result.to },
    });
    revalidatePlans(slug);
    return result;
  });
