"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { stewardAction } from "@/lib/actions/clients";
import { tenantSlug } from "@/lib/actions/schemas";
import { CHANNEL_DESIGNS, INTEGRATION_SCOPES, updateTenantSettings } from "@/lib/tenants/settings";

/** The workspace's channel design and scope of integration (stewards run the partner network, so they record it). */
export const updateChannelDesignAction = stewardAction
  .metadata({ actionName: "settings.channel.updated", permission: "partners:write" })
  .inputSchema(
    z.object({
      tenantSlug,
      design: z.enum(CHANNEL_DESIGNS, { error: "Choose transactional, limited or federated network" }),
      scope: z.enum(INTEGRATION_SCOPES, { error: "Choose vertically integrated, third-party delegated or composite" }),
    }),
  )
  .action(async ({ parsedInput, ctx }) => {
    const channel = { design: parsedInput.design, scope: parsedInput.scope };
    const settings = await updateTenantSettings(ctx.db, ctx.access.tenant.id, "channel", channel);
    ctx.audit({
      action: "settings.channel.updated",
      entityType: "Tenant",
      entityId: ctx.access.tenant.id,
      data: channel,
    });
    revalidatePath(`/t/${ctx.access.tenant.slug}/settings/channel`);
    revalidatePath(`/t/${ctx.access.tenant.slug}/touchpoints`);
    return settings.channel;
  });
