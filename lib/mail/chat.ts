import { z } from "zod";
import type { Db } from "@/lib/db/scope";
import { checkWebhookTarget } from "@/lib/webhooks/target";
import { guardedPost, type WebhookPost } from "@/lib/webhooks/transport";

// Escalations posted to a chat channel: an optional incoming-webhook URL per workspace. The body {"text": …} is the
// shape Slack and Microsoft Teams incoming webhooks both accept. The URL passes the same address guard as webhooks
// (https, public addresses only), when it is saved and again before every post. A chat post is queued as an
// EmailMessage of kind "chat" whose recipient is the URL, so it shares the outbox's retries and delivery log.

export const chatWebhookSchema = z.object({
  url: z
    .string()
    .trim()
    .max(2000, "Use a URL of at most 2,000 characters.")
    .superRefine(async (value, ctx) => {
      if (value === "") return; // empty: no chat
      const check = await checkWebhookTarget(value);
      if (!check.ok && check.reason !== "unresolved") ctx.addIssue({ code: "custom", message: check.message });
    }),
});

export async function setChatWebhook(db: Db, tenantId: string, url: string) {
  await db.tenant.update({ where: { id: tenantId }, data: { chatWebhookUrl: url || null } });
}

/** Queues one chat post for an event (unique per event, like mail). */
export async function queueChatPost(
  db: Db,
  tenantId: string,
  input: { eventKey: string; text: string; link: string; now: Date },
) {
  const tenant = await db.tenant.findFirst({ where: { id: tenantId }, select: { chatWebhookUrl: true } });
  if (!tenant?.chatWebhookUrl) return 0;
  const { count } = await db.emailMessage.createMany({
    data: [
      {
        tenantId,
        kind: "chat",
        eventKey: input.eventKey,
        recipient: tenant.chatWebhookUrl,
        subject: input.text.slice(0, 200),
        html: "",
        text: `${input.text}\n${input.link}`,
        link: input.link,
        nextAttemptAt: input.now,
        createdAt: input.now,
      },
    ],
    skipDuplicates: true,
  });
  return count;
}

/** Posts a queued chat message; throws on a refused address, a network error or a non-2xx answer. */
export async function postChat(url: string, text: string, post: WebhookPost = guardedPost()) {
  const response = await post(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ text }),
    redirect: "manual",
    signal: AbortSignal.timeout(10_000),
  });
  await response.body?.cancel().catch(() => undefined);
  if (response.status < 200 || response.status >= 300)
    throw new Error(`The chat webhook answered HTTP ${response.status}.`);
}
