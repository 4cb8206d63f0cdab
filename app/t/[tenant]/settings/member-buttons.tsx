"use client";

import { useAction } from "next-safe-action/hooks";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { formError } from "@/components/forms/errors";
import { removeMemberAction, revokeInvitationAction } from "./actions";

export function RemoveMemberButton({
  tenantSlug,
  membershipId,
  name,
}: {
  tenantSlug: string;
  membershipId: string;
  name: string;
}) {
  const { execute, result, isPending } = useAction(removeMemberAction);
  return (
    <span className="inline-flex items-center gap-2">
      {formError(result) && <span className="text-xs text-red-600">{formError(result)}</span>}
      <ConfirmDialog
        trigger="Remove"
        title={`Remove ${name}?`}
        description={`${name} loses access to this workspace immediately. Their past actions stay in the audit log.`}
        confirmLabel="Remove member"
        pending={isPending}
        onConfirm={() => execute({ tenantSlug, membershipId })}
      />
    </span>
  );
}

export function RevokeInvitationButton({
  tenantSlug,
  invitationId,
  email,
}: {
  tenantSlug: string;
  invitationId: string;
  email: string;
}) {
  const { execute, isPending } = useAction(revokeInvitationAction);
  return (
    <ConfirmDialog
      trigger="Withdraw"
      title={`Withdraw the invitation for ${email}?`}
      description="The invite link stops working. You can invite them again later."
      confirmLabel="Withdraw invitation"
      pending={isPending}
      onConfirm={() => execute({ tenantSlug, invitationId })}
    />
  );
}
