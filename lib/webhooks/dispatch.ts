import { prisma } from "@/lib/db/client";
import { withTenant, type Db } from "@/lib/db/scope";
import { log } from "@/lib/log";
import { incidentJson } from "@/lib/api/resources/incidents";
import { scorecardJson } from "@/lib/api/resources/scorecards";
import { webhookEventFor, type WebhookEvent } from "./events";
import { nextAttemptAt } from "./retry";
import { webhookHeaders } from "./signature";
import { guardedPost, WebhookTargetBlocked, type WebhookPost } from "./transport";

// Webhook delivery from the outbox, in two steps that each run in short tenant transactions:
// 1. fan-out: each due outbox message that is a webhook event becomes one WebhookDelivery per active
//    endpoint subscribed to it (unique per endpoint and event: exactly once), and the message is
//    marked processed. Only webhook events are consumed (due_webhook_outbox_messages selects them,
//    fanOutMessage checks again): other topics are left unprocessed for their own consumer. A webhook
//    event no endpoint subscribes to is consumed without deliveries (an endpoint added later does
//    not receive old events);
// 2. delivery: each due delivery is leased (so concurrent dispatchers do not send it twice at once),
//    POSTed outside any transaction with a signed body, and its outcome recorded: delivered, retried
//    later with backoff, or failed after MAX_ATTEMPTS.
// The HTTP call never holds a database connection (the embedded database has only one).

const REQUEST_TIMEOUT_MS = 10_000;
const LEASE_MS = 2 * REQUEST_TIMEOUT_MS;

type Due = { tenantId: string; id: string };
type FetchLike = WebhookPost;

const at = (now: Date) => now.toISOString();

/** Unprocessed outbox messages that are webhook events (see webhookEventFor), in every tenant. */
export async function dueOutboxMessages(now: Date, limit: number): Promise<Due[]> {
  return prisma()
    .$queryRaw`select "tenantId", "id" from due_webhook_outbox_messages(${at(now)}::timestamptz at time zone 'UTC', ${limit}::integer)`;
}

async function dueWebhookDeliveries(now: Date, limit: number): Promise<Due[]> {
  return prisma()
    .$queryRaw`select "tenantId", "id" from due_webhook_deliveries(${at(now)}::timestamptz at time zone 'UTC', ${limit}::integer)`;
}

/** The event body: the same JSON on every attempt and for every endpoint. */
async function eventBody(
  db: Db,
  tenantId: string,
  message: { id: string; createdAt: Date; payload: unknown },
  event: WebhookEvent,
) {
  const payload = (message.payload ?? {}) as Record<string, unknown>;
  const data: Record<string, unknown> = { ...payload };
  if (event.startsWith("incident.") && typeof payload.incidentId === "string") {
    const incident = await db.incident.findFirst({ where: { tenantId, id: payload.incidentId } });
    if (incident) data.incident = incidentJson(incident);
  }
  if (event === "scorecard.published" && typeof payload.scorecardId === "string") {
    const scorecard = await db.scorecard.findFirst({ where: { tenantId, id: payload.scorecardId } });
    if (scorecard) data.scorecard = scorecardJson(scorecard);
  }
  return JSON.stringify({ id: message.id, type: event, createdAt: message.createdAt.toISOString(), data });
}

/**
 * Step 1 for one outbox message. Returns the number of deliveries created. A message that is not a
 * webhook event is left untouched (not marked processed): it belongs to another consumer.
 */
async function fanOutMessage(db: Db, tenantId: string, messageId: string, now = new Date()): Promise<number> {
  const message = await db.outboxMessage.findFirst({ where: { tenantId, id: messageId, processedAt: null } });
  if (!message) return 0;
  const event = webhookEventFor(message.topic, message.payload);
  if (!event) return 0;
  let created = 0;
  const endpoints = await db.webhookEndpoint.findMany({
    where: { tenantId, active: true, events: { has: event } },
    select: { id: true },
  });
  if (endpoints.length > 0) {
    const body = await eventBody(db, tenantId, message, event);
    const result = await db.webhookDelivery.createMany({
      data: endpoints.map((e) => ({
        tenantId,
        endpointId: e.id,
        eventId: message.id,
        event,
        body,
        nextAttemptAt: now,
        createdAt: now,
      })),
      skipDuplicates: true,
    });
    created = result.count;
  }
  await db.outboxMessage.updateMany({
    where: { tenantId, id: message.id, processedAt: null },
    data: { processedAt: now },
  });
  return created;
}

type DeliveryOutcome = "delivered" | "retry" | "failed" | "skipped";

/** Step 2 for one delivery. */
/** Sends over `post`: by default guardedPost, which refuses private and local addresses (lib/webhooks/target.ts). */
async function deliverOne(
  tenantId: string,
  deliveryId: string,
  now = new Date(),
  fetchImpl: FetchLike = guardedPost(),
): Promise<DeliveryOutcome> {
  const claim = await withTenant({ tenantId }, async (db) => {
    const delivery = await db.webhookDelivery.findFirst({
      where: { tenantId, id: deliveryId },
      include: { endpoint: true },
    });
    if (delivery?.status !== "PENDING" || delivery.nextAttemptAt > now) return null;
    if (!delivery.endpoint.active) {
      await db.webhookDelivery.updateMany({
        where: { tenantId, id: delivery.id },
        data: { status: "FAILED", lastError: "The endpoint is disabled.", lastAttemptAt: now },
      });
      return null;
    }
    const leased = await db.webhookDelivery.updateMany({
      where: { tenantId, id: delivery.id, status: "PENDING", nextAttemptAt: delivery.nextAttemptAt },
      data: { nextAttemptAt: new Date(now.getTime() + LEASE_MS) },
    });
    return leased.count === 1 ? delivery : null;
  });
  if (!claim) return "skipped";

  let status: number | null = null;
  let error: string | null = null;
  try {
    const response = await fetchImpl(claim.endpoint.url, {
      method: "POST",
      headers: webhookHeaders(claim.endpoint.secret, claim.eventId, claim.body, now),
      body: claim.body,
      redirect: "manual",
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    status = response.status;
    await response.body?.cancel().catch(() => undefined);
    if (status < 200 || status >= 300) error = `The endpoint answered HTTP ${status}.`;
  } catch (e) {
    error =
      e instanceof WebhookTargetBlocked
        ? `Not sent: ${e.message}`.slice(0, 500)
        : e instanceof Error && e.name === "TimeoutError"
          ? `No answer within ${REQUEST_TIMEOUT_MS / 1000} seconds.`
          : `Could not connect: ${(e as Error).message}`.slice(0, 500);
  }

  const attempts = claim.attempts + 1;
  const retryAt = error ? nextAttemptAt(attempts, now) : null;
  const outcome: DeliveryOutcome = !error ? "delivered" : retryAt ? "retry" : "failed";
  await withTenant({ tenantId }, (db) =>
    db.webhookDelivery.updateMany({
      where: { tenantId, id: claim.id },
      data: {
        attempts,
        lastAttemptAt: now,
        responseStatus: status,
        lastError: error,
        status: outcome === "delivered" ? "DELIVERED" : outcome === "failed" ? "FAILED" : "PENDING",
        deliveredAt: outcome === "delivered" ? now : null,
        nextAttemptAt: retryAt ?? now,
      },
    }),
  );
  return outcome;
}

export type DispatchResult = { messages: number; created: number; delivered: number; retried: number; failed: number };

/** One dispatch: fan out due outbox messages, then attempt due deliveries. */
export async function runWebhookDispatch(
  now = new Date(),
  { limit = 200, fetchImpl = guardedPost() as FetchLike } = {},
): Promise<DispatchResult> {
  const result: DispatchResult = { messages: 0, created: 0, delivered: 0, retried: 0, failed: 0 };
  for (const { tenantId, id } of await dueOutboxMessages(now, limit)) {
    try {
      result.created += await withTenant({ tenantId }, (db) => fanOutMessage(db, tenantId, id, now), {
        timeoutMs: 10_000,
      });
      result.messages++;
    } catch (error) {
      log.error("webhook fan-out failed", { tenantId, messageId: id, error });
    }
  }
  const due = await dueWebhookDeliveries(now, limit);
  // A few at a time: one slow receiver does not hold up the others for long.
  for (let i = 0; i < due.length; i += 8) {
    const outcomes = await Promise.all(
      due.slice(i, i + 8).map(({ tenantId, id }) =>
        deliverOne(tenantId, id, now, fetchImpl).catch((error) => {
          log.error("webhook delivery failed", { tenantId, deliveryId: id, error });
          return "skipped" as const;
        }),
      ),
    );
    for (const o of outcomes) {
      if (o === "delivered") result.delivered++;
      if (o === "retry") result.retried++;
      if (o === "failed") result.failed++;
    }
  }
  return result;
}
