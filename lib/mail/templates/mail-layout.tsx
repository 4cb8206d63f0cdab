import type { ReactNode } from "react";
import {
  Body,
  Button,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Link,
  Preview,
  Section,
  Text,
} from "@react-email/components";

// The frame of every e-mail: the workspace's name, a heading, the content, one primary link, and a footer that says
// why the reader gets the message and how to change that.

export type MailLayoutProps = {
  /** The workspace the mail is about; account mail (verification, password reset) is about no workspace. */
  tenantName?: string;
  preview: string;
  heading: string;
  action: { label: string; href: string };
  /** Why the reader gets this, e.g. "You are a channel manager in Northwind Home." */
  reason: string;
  /** Where to change it: the preferences page and, for optional mail, the one-click unsubscribe link. */
  preferencesUrl?: string;
  unsubscribeUrl?: string;
  children: ReactNode;
};

const page = { backgroundColor: "#f8fafc", fontFamily: "Helvetica, Arial, sans-serif", color: "#0f172a" };
const box = {
  backgroundColor: "#ffffff",
  border: "1px solid #e2e8f0",
  borderRadius: "8px",
  padding: "24px",
  margin: "24px auto",
  maxWidth: "560px",
};
const button = {
  backgroundColor: "#1d4ed8",
  color: "#ffffff",
  borderRadius: "6px",
  padding: "10px 16px",
  fontWeight: 600,
};
const footer = { color: "#64748b", fontSize: "12px", lineHeight: "18px" };

export function MailLayout(props: MailLayoutProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{props.preview}</Preview>
      <Body style={page}>
        <Container style={box}>
          <Text style={{ color: "#475569", fontSize: "13px", margin: 0 }}>
            {props.tenantName ? `${props.tenantName} · Steward` : "Steward"}
          </Text>
          <Heading as="h1" style={{ fontSize: "20px" }}>
            {props.heading}
          </Heading>
          {props.children}
          <Section style={{ margin: "24px 0" }}>
            <Button href={props.action.href} style={button}>
              {props.action.label}
            </Button>
          </Section>
          <Text style={{ fontSize: "12px", color: "#475569" }}>
            Or open this link: <Link href={props.action.href}>{props.action.href}</Link>
          </Text>
          <Hr />
          <Text style={footer}>
            {props.reason}
            {props.preferencesUrl && (
              <>
                {" "}
                Choose which e-mail you get in your <Link href={props.preferencesUrl}>e-mail preferences</Link>.
              </>
            )}
            {props.unsubscribeUrl && (
              <>
                {" "}
                <Link href={props.unsubscribeUrl}>Unsubscribe from these e-mails</Link>.
              </>
            )}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

/** A label and value line ("Customer: Jane Doe"). */
export function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Text style={{ margin: "4px 0" }}>
      <strong>{label}:</strong> {value}
    </Text>
  );
}
