"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { stewardAction } from "@/lib/actions/clients";
import { tenantSlug } from "@/lib/actions/schemas";
import { computeMonth, publishMonth } from "@/lib/scorecards/compute";
import { saveScorecardConfig } from "@/lib/scorecards/config";
import { recommendationThresholdsSchema, scorecardWeightsSchema } from "@/lib/scorecards/weights";
import { formatMonth, parseMonth, pastMonthField } from "@/lib/months";

const month = pastMonthField();

export const computeMonthAction = stewardAction
  .metadata({ actionName: "scorecards.computed", permission: "scorecards:publish" })
  .inputSchema(z.object({ tenantSlug, month }))
  .action(async ({ parsedInput, ctx }) => {
    const tenantId = ctx.access.tenant.id;
    const result = await computeMonth(ctx.db, tenantId, parseMonth(parsedInput.month));
    ctx.audit({
      action: "scorecards.computed",
      entityType: "Scorecard",
      entityId: parsedInput.month,
      data: { month: parsedInput.month, partners: result.partners, scored: result.scored },
    });
    revalidatePath(`/t/${ctx.access.tenant.slug}/scorecards`);
    revalidatePath(`/t/${ctx.access.tenant.slug}`);
    return {
      month: formatMonth(result.month),
      partners: result.partners,
      scored: result.scored,
      averageScore: result.averageScore,
    };
  });

export const publishMonthAction = stewardAction
  .metadata({ actionName: "scorecards.published", permission: "scorecards:publish" })
  .inputSchema(z.object({ tenantSlug, month }))
  .action(async ({ parsedInput, ctx }) => {
    const result = await publishMonth(ctx.db, ctx.access.tenant.id, parseMonth(parsedInput.month), ctx.access.user.id);
    ctx.audit({
      action: "scorecards.published",
      entityType: "Scorecard",
      entityId: parsedInput.month,
      data: { month: parsedInput.month, ...result },
    });
    // publishMonth queued the export job in this transaction: a worker renders and stores the month's CSV and PDF.
    revalidatePath(`/t/${ctx.access.tenant.slug}/scorecards`);
    revalidatePath(`/t/${ctx.access.tenant.slug}`);
    return { month: parsedInput.month, published: result.published };
  });

export const saveScorecardConfigAction = stewardAction
  .metadata({ actionName: "scorecards.settings.updated", permission: "settings:write" })
  .inputSchema(z.object({ tenantSlug, weights: scorecardWeightsSchema, thresholds: recommendationThresholdsSchema }))
  .action(async ({ parsedInput, ctx }) => {
    const config = { weights: parsedInput.weights, thresholds: parsedInput.thresholds };
    await saveScorecardConfig(ctx.db, ctx.access.tenant.id, config);
    ctx.audit({
      action: "scorecards.settings.updated",
      entityType: "Tenant",
      entityId: ctx.access.tenant.id,
      data: config,
    });
    revalidatePath(`/t/${ctx.access.tenant.slug}/settings/scorecards`);
    return config;
  });
