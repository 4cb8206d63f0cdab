import { Text } from "@react-email/components";
import { MailLayout } from "./mail-layout";

export type InvitationEmailProps = {
  tenantName: string;
  inviterName: string;
  roleLabel: string;
  acceptUrl: string;
  expiresOn: string;
};

export function InvitationEmail(p: InvitationEmailProps) {
  return (
    <MailLayout
      tenantName={p.tenantName}
      preview={`${p.inviterName} invited you to ${p.tenantName} on Steward`}
      heading={`Join ${p.tenantName} on Steward`}
      action={{ label: "Accept the invitation", href: p.acceptUrl }}
      reason={`${p.inviterName} invited this address to the workspace ${p.tenantName}. If you did not expect it, ignore this e-mail: nothing happens unless you accept.`}
    >
      <Text>
        {p.inviterName} invited you to join {p.tenantName} as {p.roleLabel}.
      </Text>
      <Text>The invitation expires on {p.expiresOn}.</Text>
    </MailLayout>
  );
}
