"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { stewardAction } from "@/lib/actions/clients";
import { tenantSlug } from "@/lib/actions/schemas";
import { refreshOpenIncidentDeadlines } from "@/lib/incidents/refresh-deadlines";
import { businessHoursSchema, saveBusinessHours, saveSlaPolicy, slaPolicySchema } from "@/lib/incidents/sla-policies";

export const saveSlaPolicyAction = stewardAction
  .metadata({ actionName: "sla.updated", permission: "settings:write" })
  .inputSchema(slaPolicySchema.and(z.object({ tenantSlug })))
  .action(async ({ parsedInput, ctx }) => {
    const { tenantSlug: slug, ...input } = parsedInput;
    const policy = await saveSlaPolicy(ctx.db, ctx.access.tenant.id, input);
    const retargeted = await refreshOpenIncidentDeadlines(ctx.db, ctx.access.tenant.id, { severity: input.severity });
    ctx.audit({
      action: "sla.updated",
      entityType: "SlaPolicy",
      entityId: policy.id,
      data: {
        severity: input.severity,
        ackMinutes: input.ackMinutes,
        resolveMinutes: input.resolveMinutes,
        businessHoursOnly: input.businessHoursOnly,
        retargeted,
      },
    });
    revalidatePath(`/t/${slug}/settings/sla`);
    revalidatePath(`/t/${slug}/incidents`);
    return { severity: input.severity, retargeted };
  });

export const saveBusinessHoursAction = stewardAction
  .metadata({ actionName: "business_hours.updated", permission: "settings:write" })
  .inputSchema(businessHoursSchema.and(z.object({ tenantSlug })))
  .action(async ({ parsedInput, ctx }) => {
    const { tenantSlug: slug, ...input } = parsedInput;
    await saveBusinessHours(ctx.db, ctx.access.tenant.id, input);
    const retargeted = await refreshOpenIncidentDeadlines(ctx.db, ctx.access.tenant.id);
    ctx.audit({
      action: "business_hours.updated",
      entityType: "Tenant",
      entityId: ctx.access.tenant.id,
      data: { ...input, retargeted },
    });
    revalidatePath(`/t/${slug}/settings/sla`);
    revalidatePath(`/t/${slug}/incidents`);
    return { ok: true, retargeted };
  });
