"use server";

import { revalidatePath } from "next/cache";
import { stewardAction } from "@/lib/actions/clients";
import { tenantSlug } from "@/lib/actions/schemas";
import { PREFERENCE_KINDS } from "@/lib/mail/kinds";
import { emailPreferencesSchema, setPreference } from "@/lib/mail/preferences";
import { chatWebhookSchema, setChatWebhook } from "@/lib/mail/chat";

/** Every staff member sets their own e-mail preferences (never someone else's: the user comes from the session). */
export const saveEmailPreferencesAction = stewardAction
  .metadata({ actionName: "email.preferences_saved", permission: "workspace:read" })
  .inputSchema(emailPreferencesSchema)
  .action(async ({ parsedInput, ctx }) => {
    for (const kind of PREFERENCE_KINDS)
      await setPreference(ctx.db, ctx.access.tenant.id, ctx.access.user.id, kind, parsedInput.modes[kind]);
    ctx.audit({
      action: "email.preferences_saved",
      entityType: "EmailPreference",
      entityId: ctx.access.user.id,
      data: parsedInput.modes,
    });
    revalidatePath(`/t/${ctx.access.tenant.slug}/settings/email`);
    return { saved: true };
  });

/** Owners set (or clear, with an empty URL) the workspace's chat webhook for escalations. */
export const saveChatWebhookAction = stewardAction
  .metadata({ actionName: "email.chat_webhook_saved", permission: "settings:write" })
  .inputSchema(chatWebhookSchema.extend({ tenantSlug }))
  .action(async ({ parsedInput, ctx }) => {
    await setChatWebhook(ctx.db, ctx.access.tenant.id, parsedInput.url);
    ctx.audit({
      action: "email.chat_webhook_saved",
      entityType: "Tenant",
      entityId: ctx.access.tenant.id,
      data: { set: parsedInput.url !== "" },
    });
    revalidatePath(`/t/${ctx.access.tenant.slug}/settings/email`);
    return { url: parsedInput.url };
  });
