"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { stewardAction } from "@/lib/actions/clients";
import { tenantSlug } from "@/lib/actions/schemas";
import { channelRolesSchema, setTouchpointChannelRoles } from "@/lib/touchpoints/channel-design";
import {
  assignPartnerToTouchpoint,
  createTouchpointRecord,
  moveTouchpoint,
  touchpointSchema,
  unassignPartnerFromTouchpoint,
  updateTouchpointRecord,
} from "@/lib/touchpoints/touchpoints";

const id = z.string().min(1).max(64);

export const createTouchpointAction = stewardAction
  .metadata({ actionName: "touchpoint.created", permission: "partners:write" })
  .inputSchema(touchpointSchema.extend({ tenantSlug }))
  .action(async ({ parsedInput, ctx }) => {
    const { tenantSlug: _, ...input } = parsedInput;
    const tp = await createTouchpointRecord(ctx.db, ctx.access.tenant.id, input);
    ctx.audit({
      action: "touchpoint.created",
      entityType: "Touchpoint",
      entityId: tp.id,
      data: { name: tp.name, stage: tp.stage },
    });
    revalidatePath(`/t/${ctx.access.tenant.slug}/touchpoints`);
    return { id: tp.id };
  });

export const updateTouchpointAction = stewardAction
  .metadata({ actionName: "touchpoint.updated", permission: "partners:write" })
  .inputSchema(touchpointSchema.extend({ tenantSlug, touchpointId: id }))
  .action(async ({ parsedInput, ctx }) => {
    const { tenantSlug: _, touchpointId, ...input } = parsedInput;
    const tp = await updateTouchpointRecord(ctx.db, ctx.access.tenant.id, touchpointId, input);
    ctx.audit({ action: "touchpoint.updated", entityType: "Touchpoint", entityId: tp.id, data: input });
    revalidatePath(`/t/${ctx.access.tenant.slug}/touchpoints`);
    return { id: tp.id };
  });

export const moveTouchpointAction = stewardAction
  .metadata({ actionName: "touchpoint.reordered", permission: "partners:write" })
  .inputSchema(z.object({ tenantSlug, touchpointId: id, direction: z.enum(["up", "down"]) }))
  .action(async ({ parsedInput, ctx }) => {
    const moved = await moveTouchpoint(ctx.db, ctx.access.tenant.id, parsedInput.touchpointId, parsedInput.direction);
    ctx.audit({
      action: "touchpoint.reordered",
      entityType: "Touchpoint",
      entityId: moved.id,
      data: { direction: parsedInput.direction },
    });
    revalidatePath(`/t/${ctx.access.tenant.slug}/touchpoints`);
    return { id: moved.id };
  });

export const assignPartnerAction = stewardAction
  .metadata({ actionName: "touchpoint.partner_assigned", permission: "partners:write" })
  .inputSchema(
    z.object({
      tenantSlug,
      touchpointId: id,
      partnerId: z.string({ error: "Choose a partner" }).min(1, { error: "Choose a partner" }).max(64),
    }),
  )
  .action(async ({ parsedInput, ctx }) => {
    const { touchpoint, partner } = await assignPartnerToTouchpoint(
      ctx.db,
      ctx.access.tenant.id,
      parsedInput.touchpointId,
      parsedInput.partnerId,
    );
    ctx.audit({
      action: "touchpoint.partner_assigned",
      entityType: "Touchpoint",
      entityId: touchpoint.id,
      data: { partnerId: partner.id, partner: partner.name },
    });
    revalidatePath(`/t/${ctx.access.tenant.slug}/touchpoints`);
    return { partner: partner.name };
  });

export const unassignPartnerAction = stewardAction
  .metadata({ actionName: "touchpoint.partner_unassigned", permission: "partners:write" })
  .inputSchema(z.object({ tenantSlug, touchpointId: id, partnerId: id }))
  .action(async ({ parsedInput, ctx }) => {
    const { touchpoint } = await unassignPartnerFromTouchpoint(
      ctx.db,
      ctx.access.tenant.id,
      parsedInput.touchpointId,
      parsedInput.partnerId,
    );
    ctx.audit({
      action: "touchpoint.partner_unassigned",
      entityType: "Touchpoint",
      entityId: touchpoint.id,
      data: { partnerId: parsedInput.partnerId },
    });
    revalidatePath(`/t/${ctx.access.tenant.slug}/touchpoints`);
    return { ok: true };
  });

/** The touchpoint's value proposition and RACI (exactly one accountable party), replaced as one set. */
export const setTouchpointRolesAction = stewardAction
  .metadata({ actionName: "touchpoint.roles_set", permission: "partners:write" })
  .inputSchema(channelRolesSchema.safeExtend({ tenantSlug, touchpointId: id }))
  .action(async ({ parsedInput, ctx }) => {
    const { tenantSlug: _, touchpointId, ...input } = parsedInput;
    const { touchpoint } = await setTouchpointChannelRoles(ctx.db, ctx.access.tenant.id, touchpointId, input);
    ctx.audit({ action: "touchpoint.roles_set", entityType: "Touchpoint", entityId: touchpoint.id, data: input });
    revalidatePath(`/t/${ctx.access.tenant.slug}/touchpoints`);
    return { id: touchpoint.id };
  });
