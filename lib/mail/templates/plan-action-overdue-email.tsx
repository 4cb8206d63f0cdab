import { Text } from "@react-email/components";
import { Fact, MailLayout } from "./mail-layout";

export type PlanActionOverdueEmailProps = {
  tenantName: string;
  planTitle: string;
  action: string;
  partnerName: string;
  dueOn: string;
  owner: string;
  level: number;
  planUrl: string;
  reason: string;
  preferencesUrl?: string;
  unsubscribeUrl?: string;
};

export function PlanActionOverdueEmail(p: PlanActionOverdueEmailProps) {
  const heading =
    p.level === 1 ? "A corrective action is overdue" : "A corrective action is still overdue after the grace period";
  return (
    <MailLayout
      tenantName={p.tenantName}
      preview={`${p.partnerName}: “${p.action}” was due on ${p.dueOn}`}
      heading={heading}
      action={{ label: "Open the plan", href: p.planUrl }}
      reason={p.reason}
      preferencesUrl={p.preferencesUrl}
      unsubscribeUrl={p.unsubscribeUrl}
    >
      <Text>
        “{p.action}”, an action of the corrective-action plan “{p.planTitle}”, was due on {p.dueOn} and is not marked
        done yet.
      </Text>
      <Fact label="Partner" value={p.partnerName} />
      <Fact label="Owner" value={p.owner} />
      <Fact label="Due" value={p.dueOn} />
    </MailLayout>
  );
}
