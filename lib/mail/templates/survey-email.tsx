import { Text } from "@react-email/components";
import { MailLayout } from "./mail-layout";

export type SurveyEmailProps = {
  tenantName: string;
  touchpointName: string;
  partnerName: string;
  surveyUrl: string;
  expiresOn: string;
};

export function SurveyEmail(p: SurveyEmailProps) {
  return (
    <MailLayout
      tenantName={p.tenantName}
      preview={`How was ${p.touchpointName.toLowerCase()}? Two questions from ${p.tenantName}`}
      heading={`How was ${p.touchpointName.toLowerCase()}?`}
      action={{ label: "Answer two questions", href: p.surveyUrl }}
      reason={`You get this because ${p.partnerName} served you for ${p.tenantName} recently. We ask about the same step at most once a month; if you would rather not answer, ignore this e-mail, and to stop every survey from ${p.tenantName}, open the link and choose "Stop asking me".`}
    >
      <Text>
        {p.partnerName} handled {p.touchpointName.toLowerCase()} for you on behalf of {p.tenantName}. Tell us how it
        went: it takes under a minute and goes straight to the team that can improve it.
      </Text>
      <Text>The link works once and until {p.expiresOn}.</Text>
    </MailLayout>
  );
}
