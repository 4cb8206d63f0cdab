import type { z } from "zod";
import type { Db } from "@/lib/db/scope";
import type { CustomerFeedback } from "@/generated/prisma/client";
import { scoreInteraction } from "@/lib/feedback/answer";
import type { ApiPrincipal } from "../keys";
import { uuidv7 } from "../ids";
import { pageArgs, toPage } from "../pagination";
import { invalid, type FieldError } from "../problem";
import type { Feedback, FeedbackInput, FeedbackListQuery } from "../schemas";
import { assertOwnPartner, existingIds, singleField } from "./references";

type Answered = CustomerFeedback & { answeredAt: Date };

export function feedbackJson(r: Answered): z.infer<typeof Feedback> {
  return {
    id: r.id,
    partnerId: r.partnerId,
    touchpointId: r.touchpointId,
    customerId: r.customerId,
    interactionId: r.interactionId,
    source: r.source as "interaction" | "incident" | "api",
    answeredAt: r.answeredAt.toISOString(),
    csat: r.csat,
    nps: r.nps,
    comment: r.comment,
    externalRef: r.externalRef,
  };
}

/**
 * Records an answer the partner collected in its own channel. Idempotent on the partner's externalRef: a known one
 * returns the stored answer unchanged (another partner's equal reference is another answer, never a conflict). The answer's CSAT and NPS go to the named interaction (or a new one), like a survey link's.
 */
export async function recordFeedback(db: Db, principal: ApiPrincipal, body: z.output<typeof FeedbackInput>) {
  const tenantId = principal.tenantId;
  assertOwnPartner(principal, [body.partnerId], singleField, "partnerId");
  const existing = await db.customerFeedback.findFirst({
    where: { tenantId, partnerId: body.partnerId, externalRef: body.externalRef },
  });
  if (existing?.answeredAt) return { row: existing as Answered, created: false };
  const known = await existingIds(db, tenantId, {
    partners: [body.partnerId],
    touchpoints: [body.touchpointId],
    customers: body.customerId ? [body.customerId] : [],
  });
  const errors: FieldError[] = [];
  if (!known.partners.has(body.partnerId)) errors.push({ field: "partnerId", message: "No partner with this id." });
  if (!known.touchpoints.has(body.touchpointId))
    errors.push({ field: "touchpointId", message: "No touchpoint with this id." });
  if (body.customerId && !known.customers.has(body.customerId))
    errors.push({ field: "customerId", message: "No customer with this id." });
  if (body.interactionId) {
    const interaction = await db.interaction.findFirst({
      where: { tenantId, id: body.interactionId },
      select: { partnerId: true, touchpointId: true },
    });
    if (!interaction) errors.push({ field: "interactionId", message: "No interaction with this id." });
    else if (interaction.partnerId !== body.partnerId || interaction.touchpointId !== body.touchpointId)
      errors.push({ field: "interactionId", message: "This interaction is at another partner or touchpoint." });
  }
  if (errors.length > 0) throw invalid(errors);
  const id = uuidv7();
  const answeredAt = new Date(body.answeredAt);
  const interactionId = await scoreInteraction(db, tenantId, {
    id,
    partnerId: body.partnerId,
    touchpointId: body.touchpointId,
    customerId: body.customerId ?? null,
    interactionId: body.interactionId ?? null,
    csat: body.csat,
    nps: body.nps,
    answeredAt,
  });
  const row = await db.customerFeedback.create({
    data: {
      tenantId,
      id,
      partnerId: body.partnerId,
      touchpointId: body.touchpointId,
      customerId: body.customerId ?? null,
      interactionId,
      source: "api",
      answeredAt,
      csat: body.csat ?? null,
      nps: body.nps ?? null,
      comment: body.comment || null,
      externalRef: body.externalRef,
    },
  });
  return { row: row as Answered, created: true };
}

/** Answered feedback, newest id last (cursor order); a partner key sees its own partner's only (RLS). */
export async function listFeedback(db: Db, principal: ApiPrincipal, query: z.output<typeof FeedbackListQuery>) {
  const args = pageArgs(query);
  const rows = await db.customerFeedback.findMany({
    ...args,
    where: {
      ...args.where,
      tenantId: principal.tenantId,
      answeredAt: { not: null },
      ...(query.partnerId ? { partnerId: query.partnerId } : {}),
      ...(query.touchpointId ? { touchpointId: query.touchpointId } : {}),
      ...(query.minCsat !== undefined || query.maxCsat !== undefined
        ? { csat: { gte: query.minCsat, lte: query.maxCsat } }
        : {}),
    },
  });
  return toPage(rows as Answered[], query, feedbackJson);
}
