import { Text } from "@react-email/components";
import { Fact, MailLayout } from "./mail-layout";

export type PlanActionDueEmailProps = {
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

const HEADINGS = [
  "A corrective action is due soon",
  "A corrective action is overdue",
  "A corrective action is still overdue after the grace period",
];

/** Level 0: the reminder before the due date; 1: overdue; 2: still overdue after the grace period. */
export function PlanActionDueEmail(p: PlanActionDueEmailProps) {
  const dueSoon = p.level === 0;
  return (
    <MailLayout
      tenantName={p.tenantName}
      preview={`${p.partnerName}: “${p.action}” ${dueSoon ? "is" : "was"} due on ${p.dueOn}`}
      heading={HEADINGS[p.level] ?? HEADINGS[2]}
      action={{ label: "Open the plan", href: p.planUrl }}
      reason={p.reason}
      preferencesUrl={p.preferencesUrl}
      unsubscribeUrl={p.unsubscribeUrl}
    >
      {dueSoon ? (
        <Text>
          “{p.action}”, an action of the corrective-action plan “{p.planTitle}”, is due on {p.dueOn}. Mark it done in
          the plan, with its evidence, by the end of that day: after it, the owner and {p.partnerName}&apos;s admins are
          told it is overdue.
        </Text>
      ) : (
        <Text>
          “{p.action}”, an action of the corrective-action plan “{p.planTitle}”, was due on {p.dueOn} and is not marked
          done yet.
        </Text>
      )}
      <Fact label="Partner" value={p.partnerName} />
      <Fact label="Owner" value={p.owner} />
      <Fact label="Due" value={p.dueOn} />
    </MailLayout>
  );
}
