"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { stewardAction } from "@/lib/actions/clients";
import { tenantSlug } from "@/lib/actions/schemas";
import { applyPreset } from "@/lib/onboarding/apply-preset";
import { PRESET_TYPES } from "@/lib/onboarding/presets";
import { invalidateDashboard } from "@/lib/dashboard/cache";

/** One click: a partner type's typical touchpoints and standards (those the workspace lacks), and assignments. */
export const applyPresetAction = stewardAction
  .metadata({ actionName: "onboarding.preset.applied", permission: "standards:write" })
  .inputSchema(
    z.object({
      tenantSlug,
      preset: z.enum(PRESET_TYPES, { error: `Choose a preset: ${PRESET_TYPES.join(", ")}` }),
    }),
  )
  .action(async ({ parsedInput, ctx }) => {
    const result = await applyPreset(ctx.db, ctx.access.tenant.id, parsedInput.preset);
    ctx.audit({
      action: "onboarding.preset.applied",
      entityType: "Tenant",
      entityId: ctx.access.tenant.id,
      data: { preset: parsedInput.preset, ...result },
    });
    const base = `/t/${ctx.access.tenant.slug}`;
    invalidateDashboard(ctx.access.tenant.id);
    for (const path of [`${base}/setup`, `${base}/touchpoints`, `${base}/standards`, base]) revalidatePath(path);
    return result;
  });
