import { Text } from "@react-email/components";
import { Fact, MailLayout } from "./mail-layout";

export type EscalationEmailProps = {
  tenantName: string;
  incidentLabel: string;
  title: string;
  level: number;
  levelLabel: string;
  why: string;
  partnerName: string;
  customer: string;
  equityAtRisk: string;
  slaClock: string;
  incidentUrl: string;
  reason: string;
  preferencesUrl?: string;
  unsubscribeUrl?: string;
};

export function EscalationEmail(p: EscalationEmailProps) {
  return (
    <MailLayout
      tenantName={p.tenantName}
      preview={`${p.incidentLabel} escalated to level ${p.level}: ${p.why}`}
      heading={`${p.incidentLabel} escalated to level ${p.level} (${p.levelLabel})`}
      action={{ label: `Open ${p.incidentLabel}`, href: p.incidentUrl }}
      reason={p.reason}
      preferencesUrl={p.preferencesUrl}
      unsubscribeUrl={p.unsubscribeUrl}
    >
      <Text>
        {p.title} was {p.why}.
      </Text>
      <Fact label="Partner" value={p.partnerName} />
      <Fact label="Customer" value={p.customer} />
      <Fact label="Customer equity at risk" value={p.equityAtRisk} />
      <Fact label="SLA clock" value={p.slaClock} />
    </MailLayout>
  );
}
