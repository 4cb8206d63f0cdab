// Plain constants shared by server code and client components (no database imports here).

export const SEVERITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW"] as const;
export type SeverityValue = (typeof SEVERITIES)[number];
export const SEVERITY_LABELS: Record<SeverityValue, string> = {
  CRITICAL: "Critical",
  HIGH: "High",
  MEDIUM: "Medium",
  LOW: "Low",
};

export const INCIDENT_CATEGORIES = [
  "Late delivery",
  "Damaged goods",
  "No-show",
  "Installation fault",
  "Rude or unhelpful service",
  "Wrong item",
  "Checkout error",
  "Service failure",
  "Other",
] as const;

export const EVENT_LABELS: Record<string, string> = {
  CREATED: "Opened",
  STATUS_CHANGED: "Status changed",
  REOPENED: "Reopened",
  COMMENT: "Comment",
  NOTE: "Internal note",
  ESCALATED: "Escalated",
  DE_ESCALATED: "De-escalated",
  ASSIGNED: "Assigned",
  EXTENSION_REQUESTED: "More time requested",
  EXTENSION_DECIDED: "Extension decided",
};
