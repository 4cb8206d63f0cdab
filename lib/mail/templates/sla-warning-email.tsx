import { Text } from "@react-email/components";
import { Fact, MailLayout } from "./mail-layout";

export type SlaWarningEmailProps = {
  tenantName: string;
  incidentLabel: string;
  title: string;
  partnerName: string;
  /** "acknowledge" or "resolve" */
  deadlineVerb: string;
  dueAt: string;
  timeLeft: string;
  incidentUrl: string;
  reason: string;
  preferencesUrl?: string;
  unsubscribeUrl?: string;
};

export function SlaWarningEmail(p: SlaWarningEmailProps) {
  return (
    <MailLayout
      tenantName={p.tenantName}
      preview={`${p.incidentLabel}: ${p.timeLeft} left to ${p.deadlineVerb}`}
      heading={`${p.incidentLabel} has used 80% of its time to ${p.deadlineVerb}`}
      action={{ label: `Open ${p.incidentLabel}`, href: p.incidentUrl }}
      reason={p.reason}
      preferencesUrl={p.preferencesUrl}
      unsubscribeUrl={p.unsubscribeUrl}
    >
      <Text>
        {p.title}: {p.timeLeft} left to {p.deadlineVerb} it before the SLA is breached and it escalates.
      </Text>
      <Fact label="Partner" value={p.partnerName} />
      <Fact label={`${p.deadlineVerb === "acknowledge" ? "Acknowledge" : "Resolve"} by`} value={p.dueAt} />
    </MailLayout>
  );
}
