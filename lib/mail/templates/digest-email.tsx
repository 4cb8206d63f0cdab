import { Link, Text } from "@react-email/components";
import { MailLayout } from "./mail-layout";

export type DigestEmailProps = {
  tenantName: string;
  day: string;
  items: { subject: string; link: string | null }[];
  homeUrl: string;
  preferencesUrl: string;
};

export function DigestEmail(p: DigestEmailProps) {
  return (
    <MailLayout
      tenantName={p.tenantName}
      preview={`${p.items.length} update${p.items.length === 1 ? "" : "s"} from ${p.tenantName}`}
      heading={`Your daily digest for ${p.day}`}
      action={{ label: `Open ${p.tenantName}`, href: p.homeUrl }}
      reason={`You chose to get some e-mail from ${p.tenantName} once a day in this digest.`}
      preferencesUrl={p.preferencesUrl}
    >
      {p.items.map((item, i) => (
        <Text key={i} style={{ margin: "6px 0" }}>
          • {item.link ? <Link href={item.link}>{item.subject}</Link> : item.subject}
        </Text>
      ))}
    </MailLayout>
  );
}
