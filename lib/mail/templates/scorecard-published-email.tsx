import { Text } from "@react-email/components";
import { Fact, MailLayout } from "./mail-layout";

export type ScorecardPublishedEmailProps = {
  tenantName: string;
  partnerName: string;
  month: string;
  score: string;
  portalUrl: string;
  reason: string;
  preferencesUrl?: string;
  unsubscribeUrl?: string;
};

export function ScorecardPublishedEmail(p: ScorecardPublishedEmailProps) {
  return (
    <MailLayout
      tenantName={p.tenantName}
      preview={`${p.partnerName}'s scorecard for ${p.month} is published`}
      heading={`Your ${p.month} scorecard is published`}
      action={{ label: "See the scorecard", href: p.portalUrl }}
      reason={p.reason}
      preferencesUrl={p.preferencesUrl}
      unsubscribeUrl={p.unsubscribeUrl}
    >
      <Text>
        {p.tenantName} published {p.partnerName}&apos;s scorecard for {p.month}.
      </Text>
      <Fact label="Score" value={p.score} />
    </MailLayout>
  );
}
