import { z } from "zod";
import type { Db } from "@/lib/db/scope";
import { DomainError } from "@/lib/errors";
import { WEBHOOK_EVENTS, type WebhookEvent } from "./events";
import { generateWebhookSecret } from "./signature";
import { checkWebhookTarget } from "./target";

// Webhook endpoints of a tenant (Settings → Webhooks) and their delivery log.

export const webhookEndpointSchema = z.object({
  url: z
    .string()
    .trim()
    .min(1, "Enter the URL that receives the events.")
    .max(2000, "Use a URL of at most 2,000 characters.")
    // https only, and never a private or local address (SSRF guard, lib/webhooks/target.ts). A host
    // that does not resolve yet is accepted: every delivery checks the address again before sending.
    .superRefine(async (value, ctx) => {
      const check = await checkWebhookTarget(value);
      if (!check.ok && check.reason !== "unresolved") ctx.addIssue({ code: "custom", message: check.message });
    }),
  // Checked as a whole so the message lands on "events" (not on one array element).
  events: z
    .array(z.string().max(64))
    .min(1, "Choose at least one event.")
    .refine(
      (events) => events.every((e) => (WEBHOOK_EVENTS as readonly string[]).includes(e)),
      `Choose from ${WEBHOOK_EVENTS.join(", ")}.`,
    )
    .transform((events) => events as WebhookEvent[]),
});
export type WebhookEndpointInput = z.input<typeof webhookEndpointSchema>;

export async function createWebhookEndpoint(db: Db, tenantId: string, input: z.output<typeof webhookEndpointSchema>) {
  const secret = generateWebhookSecret();
  const endpoint = await db.webhookEndpoint.create({
    data: { tenantId, url: input.url, secret, events: [...new Set(input.events)], active: true },
  });
  return { endpoint, secret };
}

async function loadEndpoint(db: Db, tenantId: string, id: string) {
  const endpoint = await db.webhookEndpoint.findFirst({ where: { tenantId, id } });
  if (!endpoint) throw new DomainError("That webhook endpoint was not found.", "not-found");
  return endpoint;
}

export async function setWebhookEndpointActive(db: Db, tenantId: string, id: string, active: boolean) {
  const endpoint = await loadEndpoint(db, tenantId, id);
  await db.webhookEndpoint.updateMany({ where: { tenantId, id: endpoint.id }, data: { active } });
  return { ...endpoint, active };
}

/**
 * Replaces an endpoint's signing secret; the new one is returned once (only its holder can verify
 * signatures). Every delivery sent from now on, retries of earlier events included, is signed with it.
 */
export async function rotateWebhookSecret(db: Db, tenantId: string, id: string) {
  const endpoint = await loadEndpoint(db, tenantId, id);
  const secret = generateWebhookSecret();
  await db.webhookEndpoint.updateMany({ where: { tenantId, id: endpoint.id }, data: { secret } });
  return { endpoint: { ...endpoint, secret }, secret };
}

export async function deleteWebhookEndpoint(db: Db, tenantId: string, id: string) {
  const endpoint = await loadEndpoint(db, tenantId, id);
  await db.webhookEndpoint.deleteMany({ where: { tenantId, id: endpoint.id } });
  return endpoint;
}

/** A failed (or still pending) delivery is tried again at the next dispatch. */
export async function retryWebhookDelivery(db: Db, tenantId: string, id: string, now = new Date()) {
  const delivery = await db.webhookDelivery.findFirst({ where: { tenantId, id } });
  if (!delivery) throw new DomainError("That delivery was not found.", "not-found");
  if (delivery.status === "DELIVERED") throw new DomainError("That delivery already succeeded.", "conflict");
  await db.webhookDelivery.updateMany({
    where: { tenantId, id: delivery.id },
    data: { status: "PENDING", nextAttemptAt: now },
  });
  return delivery;
}

export async function listWebhookEndpoints(db: Db, tenantId: string) {
  const endpoints = await db.webhookEndpoint.findMany({
    where: { tenantId },
    orderBy: { createdAt: "asc" },
    omit: { secret: true },
  });
  const counts = await db.webhookDelivery.groupBy({
    by: ["endpointId", "status"],
    where: { tenantId },
    _count: { _all: true },
  });
  return endpoints.map((e) => {
    const of = (status: string) => counts.find((c) => c.endpointId === e.id && c.status === status)?._count._all ?? 0;
    return { ...e, delivered: of("DELIVERED"), pending: of("PENDING"), failed: of("FAILED") };
  });
}

export const DELIVERIES_PER_PAGE = 25;

/** The delivery log, newest first, one page. */
export async function listWebhookDeliveries(db: Db, tenantId: string, page: number) {
  const [total, rows] = await Promise.all([
    db.webhookDelivery.count({ where: { tenantId } }),
    db.webhookDelivery.findMany({
      where: { tenantId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * DELIVERIES_PER_PAGE,
      take: DELIVERIES_PER_PAGE,
      omit: { body: true },
      include: { endpoint: { select: { url: true } } },
    }),
  ]);
  return { total, pageCount: Math.max(1, Math.ceil(total / DELIVERIES_PER_PAGE)), rows };
}
