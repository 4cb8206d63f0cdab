"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { stewardAction } from "@/lib/actions/clients";
import { tenantSlug } from "@/lib/actions/schemas";
import { markNotificationsRead } from "@/lib/incidents/notifications";

export const markNotificationsReadAction = stewardAction
  .metadata({ actionName: "notifications.read", permission: "workspace:read" })
  .inputSchema(z.object({ tenantSlug }))
  .action(async ({ parsedInput, ctx }) => {
    const count = await markNotificationsRead(ctx.db, ctx.access.tenant.id, ctx.access.membership.id);
    revalidatePath(`/t/${parsedInput.tenantSlug}`, "layout");
    return { count };
  });
