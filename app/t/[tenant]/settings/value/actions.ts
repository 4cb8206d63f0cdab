"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { stewardAction } from "@/lib/actions/clients";
import { tenantSlug } from "@/lib/actions/schemas";
import {
  feedbackSettingsSchema,
  getTenantSettings,
  updateTenantSettings,
  valueSettingsSchema,
  workspaceSettingsSchema,
} from "@/lib/tenants/settings";

export const updateValueSettingsAction = stewardAction
  .metadata({ actionName: "settings.value.updated", permission: "settings:write" })
  .inputSchema(
    z.object({
      tenantSlug,
      model: valueSettingsSchema.shape.model.unwrap(),
      horizonMonths: valueSettingsSchema.shape.horizonMonths.unwrap(),
      annualDiscountRate: valueSettingsSchema.shape.annualDiscountRate.unwrap(),
      churnB2B: z
        .number({ error: "B2B churn probability must be a number" })
        .min(0, "B2B churn probability must be between 0 and 1")
        .max(1, "B2B churn probability must be between 0 and 1"),
      churnB2C: z
        .number({ error: "B2C churn probability must be a number" })
        .min(0, "B2C churn probability must be between 0 and 1")
        .max(1, "B2C churn probability must be between 0 and 1"),
    }),
  )
  .action(async ({ parsedInput, ctx }) => {
    const value = {
      ...(await getTenantSettings(ctx.db, ctx.access.tenant.id)).value,
      model: parsedInput.model,
      horizonMonths: parsedInput.horizonMonths,
      annualDiscountRate: parsedInput.annualDiscountRate,
      churnProbability: { B2B: parsedInput.churnB2B, B2C: parsedInput.churnB2C },
    };
    const settings = await updateTenantSettings(ctx.db, ctx.access.tenant.id, "value", value);
    ctx.audit({ action: "settings.value.updated", entityType: "Tenant", entityId: ctx.access.tenant.id, data: value });
    revalidatePath(`/t/${ctx.access.tenant.slug}/settings/value`);
    revalidatePath(`/t/${ctx.access.tenant.slug}/value`);
    return settings.value;
  });

/** The workspace's currency (every amount on every page) and the scorecard PDF's paper size. */
export const updateWorkspaceSettingsAction = stewardAction
  .metadata({ actionName: "settings.workspace.updated", permission: "settings:write" })
  .inputSchema(
    z.object({
      tenantSlug,
      currency: workspaceSettingsSchema.shape.currency.unwrap(),
      reportPageSize: workspaceSettingsSchema.shape.reportPageSize.unwrap(),
    }),
  )
  .action(async ({ parsedInput, ctx }) => {
    const workspace = { currency: parsedInput.currency, reportPageSize: parsedInput.reportPageSize };
    const settings = await updateTenantSettings(ctx.db, ctx.access.tenant.id, "workspace", workspace);
    ctx.audit({
      action: "settings.workspace.updated",
      entityType: "Tenant",
      entityId: ctx.access.tenant.id,
      data: workspace,
    });
    revalidatePath(`/t/${ctx.access.tenant.slug}`, "layout");
    return settings.workspace;
  });

/** How often a customer is asked about one touchpoint, and how long a survey link lives (customer feedback). */
export const updateFeedbackSettingsAction = stewardAction
  .metadata({ actionName: "settings.feedback.updated", permission: "settings:write" })
  .inputSchema(
    z.object({
      tenantSlug,
      surveyEveryDays: feedbackSettingsSchema.shape.surveyEveryDays.unwrap(),
      linkValidDays: feedbackSettingsSchema.shape.linkValidDays.unwrap(),
    }),
  )
  .action(async ({ parsedInput, ctx }) => {
    const feedback = { surveyEveryDays: parsedInput.surveyEveryDays, linkValidDays: parsedInput.linkValidDays };
    const settings = await updateTenantSettings(ctx.db, ctx.access.tenant.id, "feedback", feedback);
    ctx.audit({
      action: "settings.feedback.updated",
      entityType: "Tenant",
      entityId: ctx.access.tenant.id,
      data: feedback,
    });
    revalidatePath(`/t/${ctx.access.tenant.slug}/settings/value`);
    return settings.feedback;
  });
