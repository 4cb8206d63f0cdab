"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { stewardAction } from "@/lib/actions/clients";
import { tenantSlug } from "@/lib/actions/schemas";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  retryWebhookDelivery,
  rotateWebhookSecret,
  setWebhookEndpointActive,
  webhookEndpointSchema,
} from "@/lib/webhooks/endpoints";

const id = z.string().min(1).max(64);
const path = (slug: string) => `/t/${slug}/settings/webhooks`;

/** Creates an endpoint and returns its signing secret once. */
export const createWebhookEndpointAction = stewardAction
  .metadata({ actionName: "webhook.created", permission: "settings:write" })
  .inputSchema(webhookEndpointSchema.extend({ tenantSlug }))
  .action(async ({ parsedInput, ctx }) => {
    const { tenantSlug: slug, ...input } = parsedInput;
    const { endpoint, secret } = await createWebhookEndpoint(ctx.db, ctx.access.tenant.id, input);
    ctx.audit({
      action: "webhook.created",
      entityType: "WebhookEndpoint",
      entityId: endpoint.id,
      data: { url: endpoint.url, events: endpoint.events },
    });
    revalidatePath(path(slug));
    return { id: endpoint.id, url: endpoint.url, secret };
  });

export const setWebhookEndpointActiveAction = stewardAction
  .metadata({ actionName: "webhook.toggled", permission: "settings:write" })
  .inputSchema(z.object({ tenantSlug, endpointId: id, active: z.boolean() }))
  .action(async ({ parsedInput, ctx }) => {
    const endpoint = await setWebhookEndpointActive(
      ctx.db,
      ctx.access.tenant.id,
      parsedInput.endpointId,
      parsedInput.active,
    );
    ctx.audit({
      action: parsedInput.active ? "webhook.enabled" : "webhook.disabled",
      entityType: "WebhookEndpoint",
      entityId: endpoint.id,
      data: { url: endpoint.url },
    });
    revalidatePath(path(parsedInput.tenantSlug));
    return { active: parsedInput.active };
  });

/** Gives an endpoint a new signing secret and returns it once; the old secret stops working at once. */
export const rotateWebhookSecretAction = stewardAction
  .metadata({ actionName: "webhook.secret_rotated", permission: "settings:write" })
  .inputSchema(z.object({ tenantSlug, endpointId: id }))
  .action(async ({ parsedInput, ctx }) => {
    const { endpoint, secret } = await rotateWebhookSecret(ctx.db, ctx.access.tenant.id, parsedInput.endpointId);
    ctx.audit({
      action: "webhook.secret_rotated",
      entityType: "WebhookEndpoint",
      entityId: endpoint.id,
      data: { url: endpoint.url },
    });
    revalidatePath(path(parsedInput.tenantSlug));
    return { id: endpoint.id, secret };
  });

export const deleteWebhookEndpointAction = stewardAction
  .metadata({ actionName: "webhook.deleted", permission: "settings:write" })
  .inputSchema(z.object({ tenantSlug, endpointId: id }))
  .action(async ({ parsedInput, ctx }) => {
    const endpoint = await deleteWebhookEndpoint(ctx.db, ctx.access.tenant.id, parsedInput.endpointId);
    ctx.audit({
      action: "webhook.deleted",
      entityType: "WebhookEndpoint",
      entityId: endpoint.id,
      data: { url: endpoint.url },
    });
    revalidatePath(path(parsedInput.tenantSlug));
    return { id: endpoint.id };
  });

export const retryWebhookDeliveryAction = stewardAction
  .metadata({ actionName: "webhook.delivery_retried", permission: "settings:write" })
  .inputSchema(z.object({ tenantSlug, deliveryId: id }))
  .action(async ({ parsedInput, ctx }) => {
    const delivery = await retryWebhookDelivery(ctx.db, ctx.access.tenant.id, parsedInput.deliveryId);
    ctx.audit({
      action: "webhook.delivery_retried",
      entityType: "WebhookDelivery",
      entityId: delivery.id,
      data: { event: delivery.event },
    });
    revalidatePath(path(parsedInput.tenantSlug));
    return { id: delivery.id };
  });
