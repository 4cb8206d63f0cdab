import { Link, Text } from "@react-email/components";
import { MailLayout } from "./mail-layout";

// Account mail: about a person's sign-in, not a workspace. One template, three messages (lib/accounts/messages.ts):
// the sign-up verification link, "someone tried to sign up with your address", and the password-reset link.

export type AccountEmailProps = {
  preview: string;
  heading: string;
  paragraphs: string[];
  action: { label: string; href: string };
  /** A second link, e.g. "reset your password" beside "sign in". */
  secondary?: { label: string; href: string };
  reason: string;
};

export function AccountEmail(p: AccountEmailProps) {
  return (
    <MailLayout preview={p.preview} heading={p.heading} action={p.action} reason={p.reason}>
      {p.paragraphs.map((text) => (
        <Text key={text}>{text}</Text>
      ))}
      {p.secondary && (
        <Text>
          {p.secondary.label}: <Link href={p.secondary.href}>{p.secondary.href}</Link>
        </Text>
      )}
    </MailLayout>
  );
}
