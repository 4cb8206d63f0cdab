"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { stewardAction } from "@/lib/actions/clients";
import { tenantSlug } from "@/lib/actions/schemas";
import { addCauses, CAUSE_PRESETS, causeSchema, removeCause } from "@/lib/costs/causes";

export const addCauseAction = stewardAction
  .metadata({ actionName: "causes.added", permission: "settings:write" })
  .inputSchema(causeSchema.extend({ tenantSlug }))
  .action(async ({ parsedInput, ctx }) => {
    const { tenantSlug: _slug, ...cause } = parsedInput;
    const result = await addCauses(ctx.db, ctx.access.tenant.id, [cause]);
    ctx.audit({ action: "causes.added", entityType: "RootCause", data: { ...cause, ...result } });
    revalidatePath(`/t/${ctx.access.tenant.slug}/settings/causes`);
    return result;
  });

export const addCausePresetsAction = stewardAction
  .metadata({ actionName: "causes.presets_added", permission: "settings:write" })
  .inputSchema(z.object({ tenantSlug, presets: z.literal(true, { error: "Choose to add the presets" }) }))
  .action(async ({ ctx }) => {
    const result = await addCauses(ctx.db, ctx.access.tenant.id, CAUSE_PRESETS);
    ctx.audit({ action: "causes.presets_added", entityType: "RootCause", data: result });
    revalidatePath(`/t/${ctx.access.tenant.slug}/settings/causes`);
    return result;
  });

export const removeCauseAction = stewardAction
  .metadata({ actionName: "causes.removed", permission: "settings:write" })
  .inputSchema(z.object({ tenantSlug, causeId: z.string().min(1).max(64) }))
  .action(async ({ parsedInput, ctx }) => {
    const cause = await removeCause(ctx.db, ctx.access.tenant.id, parsedInput.causeId);
    ctx.audit({ action: "causes.removed", entityType: "RootCause", entityId: cause.id, data: { label: cause.label } });
    revalidatePath(`/t/${ctx.access.tenant.slug}/settings/causes`);
    return { removed: cause.label };
  });
