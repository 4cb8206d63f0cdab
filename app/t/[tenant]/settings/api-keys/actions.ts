"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { stewardAction } from "@/lib/actions/clients";
import { tenantSlug } from "@/lib/actions/schemas";
import { createApiKey, createApiKeySchema, revokeApiKey } from "@/lib/api/keys";

/** Creates a key and returns it once; only its hash is stored. */
export const createApiKeyAction = stewardAction
  .metadata({ actionName: "api_key.created", permission: "settings:write" })
  .inputSchema(createApiKeySchema.extend({ tenantSlug }))
  .action(async ({ parsedInput, ctx }) => {
    const { tenantSlug: slug, ...input } = parsedInput;
    const { apiKey, key } = await createApiKey(ctx.db, ctx.access.tenant.id, ctx.access.user.id, input);
    ctx.audit({
      action: "api_key.created",
      entityType: "ApiKey",
      entityId: apiKey.id,
      data: {
        name: apiKey.name,
        prefix: apiKey.prefix,
        partnerId: apiKey.partnerId,
        rateLimitPerMinute: apiKey.rateLimitPerMinute,
      },
    });
    revalidatePath(`/t/${slug}/settings/api-keys`);
    return { id: apiKey.id, name: apiKey.name, key };
  });

export const revokeApiKeyAction = stewardAction
  .metadata({ actionName: "api_key.revoked", permission: "settings:write" })
  .inputSchema(z.object({ tenantSlug, apiKeyId: z.string().min(1).max(64) }))
  .action(async ({ parsedInput, ctx }) => {
    const apiKey = await revokeApiKey(ctx.db, ctx.access.tenant.id, parsedInput.apiKeyId);
    ctx.audit({
      action: "api_key.revoked",
      entityType: "ApiKey",
      entityId: apiKey.id,
      data: { name: apiKey.name, prefix: apiKey.prefix },
    });
    revalidatePath(`/t/${parsedInput.tenantSlug}/settings/api-keys`);
    return { id: apiKey.id };
  });
