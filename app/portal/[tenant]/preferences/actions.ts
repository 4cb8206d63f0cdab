"use server";

import { revalidatePath } from "next/cache";
import { partnerAction } from "@/lib/actions/clients";
import { PREFERENCE_KINDS } from "@/lib/mail/kinds";
import { emailPreferencesSchema, setPreference } from "@/lib/mail/preferences";

/** A partner user sets their own e-mail preferences (the user comes from the session, never from the input). */
export const savePortalEmailPreferencesAction = partnerAction
  .metadata({ actionName: "email.preferences_saved", permission: "portal:read" })
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
    revalidatePath(`/portal/${ctx.access.tenant.slug}/preferences`);
    return { saved: true };
  });
