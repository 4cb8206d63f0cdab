// The kinds of e-mail Steward sends, and what a member may choose for each.

const MAIL_KINDS = [
  "invitation",
  "escalation",
  "sla_warning",
  "scorecard_published",
  "plan_action_overdue",
  "digest",
  "chat",
  "survey",
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/** Kinds a member chooses a delivery mode for; invitations and the digest itself are not optional. */
export const PREFERENCE_KINDS = ["escalation", "sla_warning", "scorecard_published", "plan_action_overdue"] as const;
export type PreferenceKind = (typeof PREFERENCE_KINDS)[number];

export const PREFERENCE_MODES = ["IMMEDIATE", "DIGEST", "OFF"] as const;
export type PreferenceMode = (typeof PREFERENCE_MODES)[number];

export const KIND_LABELS: Record<MailKind, string> = {
  invitation: "Invitations",
  escalation: "Escalations",
  sla_warning: "SLA warnings",
  scorecard_published: "Published scorecards",
  plan_action_overdue: "Corrective actions due or overdue",
  digest: "Daily digest",
  chat: "Chat post",
  survey: "Customer surveys",
};

export const MODE_LABELS: Record<PreferenceMode, string> = {
  IMMEDIATE: "Immediately",
  DIGEST: "In the daily digest",
  OFF: "Off",
};

export const isPreferenceKind = (kind: string): kind is PreferenceKind =>
  (PREFERENCE_KINDS as readonly string[]).includes(kind);
