import { createElement } from "react";
import type { Db } from "@/lib/db/scope";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { InvitationEmail } from "@/lib/mail/templates/invitation-email";
import type { Role } from "@/generated/prisma/enums";
import { queueMail } from "../queue";
import { renderMail } from "../render";

export type InvitationMailInput = {
  invitation: { id: string; email: string; role: Role; expiresAt: Date };
  tenantName: string;
  inviterName: string;
  acceptUrl: string;
};

/** The invitation e-mail with its accept link, queued in the transaction that creates the invitation. */
export function queueInvitationMail(db: Db, tenantId: string, input: InvitationMailInput) {
  const { invitation } = input;
  return queueMail(db, tenantId, {
    kind: "invitation",
    eventKey: `invitation:${invitation.id}`,
    recipients: [{ email: invitation.email }],
    mandatory: true,
    link: input.acceptUrl,
    compose: () =>
      renderMail(
        `${input.inviterName} invited you to ${input.tenantName} on Steward`,
        createElement(InvitationEmail, {
          tenantName: input.tenantName,
          inviterName: input.inviterName,
          roleLabel: ROLE_LABELS[invitation.role].toLowerCase(),
          acceptUrl: input.acceptUrl,
          expiresOn: invitation.expiresAt.toUTCString().replace(/:\d\d GMT$/, " UTC"),
        }),
      ),
  });
}
