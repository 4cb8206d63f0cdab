// Plain constants shared by server code and client components (no database imports here).

/** The events a webhook endpoint can subscribe to. */
export const WEBHOOK_EVENTS = [
  "incident.created",
  "incident.escalated",
  "incident.resolved",
  "scorecard.published",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const WEBHOOK_EVENT_LABELS: Record<WebhookEvent, string> = {
  "incident.created": "An incident is opened",
  "incident.escalated": "An incident climbs its escalation ladder",
  "incident.resolved": "An incident is resolved",
  "scorecard.published": "A partner scorecard is published",
};

/** The webhook event an outbox message becomes, or null when it is not one webhooks carry. */
export function webhookEventFor(topic: string, payload: unknown): WebhookEvent | null {
  if (topic === "incident.created" || topic === "incident.escalated" || topic === "scorecard.published") return topic;
  if (topic === "incident.status_changed" && (payload as { to?: string } | null)?.to === "RESOLVED")
    return "incident.resolved";
  return null;
}
