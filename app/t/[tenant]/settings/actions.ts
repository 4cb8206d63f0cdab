"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { stewardAction } from "@/lib/actions/clients";
import { tenantSlug } from "@/lib/actions/schemas";
import { createInvitation, inviteSchema } from "@/lib/members/invitations";
import { removeMember, revokeInvitation } from "@/lib/members/members";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { queueInvitationMail } from "@/lib/mail/messages/invitation";
import { headers } from "next/headers";

async function appOrigin() {
  const configured = env().APP_URL;
  if (configured) return configured.replace(/\/$/, "");
  const h = await headers();
  return `${h.get("x-forwarded-proto") ?? "http"}://${h.get("host") ?? "localhost:3000"}`;
}

export const inviteMemberAction = stewardAction
  .metadata({ actionName: "member.invited", permission: "members:manage" })
  .inputSchema(inviteSchema.and(z.object({ tenantSlug })))
  .action(async ({ parsedInput, ctx }) => {
    const { invitation, token } = await createInvitation(ctx.db, ctx.access.tenant.id, ctx.access.user.id, parsedInput);
    const link = `${await appOrigin()}/invite/${token}`;
    // Mailed to the invitee (queued in this transaction); the link is also shown to the owner once. It opens an
    // account, so it is not written to the log at info level, which log shippers keep (issue 13, finding 10).
    log.info("invitation created", { tenant: ctx.access.tenant.slug, email: invitation.email, role: invitation.role });
    await queueInvitationMail(ctx.db, ctx.access.tenant.id, {
      invitation,
      tenantName: ctx.access.tenant.name,
      inviterName: ctx.access.user.name || ctx.access.user.email,
      acceptUrl: link,
    });
    ctx.audit({
      action: "member.invited",
      entityType: "Invitation",
      entityId: invitation.id,
      data: { email: invitation.email, role: invitation.role },
    });
    revalidatePath(`/t/${ctx.access.tenant.slug}/settings`);
    return { link, email: invitation.email };
  });

export const removeMemberAction = stewardAction
  .metadata({ actionName: "member.removed", permission: "members:manage" })
  .inputSchema(z.object({ tenantSlug, membershipId: z.string().min(1).max(64) }))
  .action(async ({ parsedInput, ctx }) => {
    const member = await removeMember(ctx.db, ctx.access.tenant.id, parsedInput.membershipId, ctx.access.user.id);
    ctx.audit({
      action: "member.removed",
      entityType: "Membership",
      entityId: member.id,
      data: { email: member.user.email, role: member.role },
    });
    revalidatePath(`/t/${ctx.access.tenant.slug}/settings`);
    return { removed: member.user.email };
  });

export const revokeInvitationAction = stewardAction
  .metadata({ actionName: "invitation.revoked", permission: "members:manage" })
  .inputSchema(z.object({ tenantSlug, invitationId: z.string().min(1).max(64) }))
  .action(async ({ parsedInput, ctx }) => {
    await revokeInvitation(ctx.db, ctx.access.tenant.id, parsedInput.invitationId);
    ctx.audit({ action: "invitation.revoked", entityType: "Invitation", entityId: parsedInput.invitationId });
    revalidatePath(`/t/${ctx.access.tenant.slug}/settings`);
    return { ok: true };
  });
