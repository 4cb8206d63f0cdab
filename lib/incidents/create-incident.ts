import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Db } from "@/lib/db/scope";
import type { IncidentSource } from "@/generated/prisma/enums";
import { DomainError } from "@/lib/errors";
import { SEVERITIES } from "@/lib/incidents/labels";
import { slaContextFor } from "@/lib/incidents/sla-policies";
import { deadlineColumns, incidentClock } from "@/lib/incidents/clock";
import { enqueueOutbox, recordEvent, type Actor } from "@/lib/incidents/events";

// Incident capture, shared by the steward form, the partner portal and the API.

const money = (what: string) =>
  z.coerce
    .number({ error: `Enter the ${what} as an amount` })
    .min(0, `The ${what} cannot be negative`)
    .max(10_000_000, `The ${what} is too large`)
    .multipleOf(0.01, `The ${what} has at most 2 decimals`)
    .default(0);

export const incidentInputSchema = z.object({
  partnerId: z.string().min(1, "Choose the partner").max(64),
  touchpointId: z.string().min(1, "Choose the touchpoint").max(64),
  customerId: z.string().max(64).optional().nullable(),
  /** The affected customer by its reference (Customer.externalRef), as stewards and integrations know it. */
  customerRef: z.string().trim().max(120, "Keep the customer reference under 120 characters").optional().nullable(),
  severity: z.enum(SEVERITIES, { error: "Choose a severity" }),
  category: z.string().trim().min(1, "Choose a category").max(80, "Keep the category under 80 characters"),
  title: z
    .string()
    .trim()
    .min(3, "Give the incident a short title (3 characters or more)")
    .max(160, "Keep the title under 160 characters"),
  description: z
    .string()
    .trim()
    .min(10, "Describe what happened (10 characters or more)")
    .max(5000, "Keep the description under 5,000 characters"),
  customersAffected: z.coerce
    .number({ error: "Enter how many customers were affected" })
    .int("Customers affected must be a whole number")
    .min(1, "At least one customer is affected")
    .max(1_000_000, "That is too many customers")
    .default(1),
  costRefunds: money("refunds cost"),
  costReshipment: money("reshipment cost"),
  costCredits: money("credits cost"),
  costHandling: money("handling cost"),
  externalRef: z.string().trim().max(120).optional().nullable(),
});
export type IncidentInput = z.input<typeof incidentInputSchema>;

/**
 * Opens an incident: checks partner, touchpoint and customer belong to the tenant and that the partner handles
 * the touchpoint, assigns the
 * next per-tenant number under a transaction-scoped advisory lock (safe under concurrency),
 * sets the SLA deadlines from the tenant's policy, and writes the CREATED event and an outbox row.
 */
export async function createIncident(
  db: Db,
  tenantId: string,
  rawInput: IncidentInput,
  actor: Actor,
  source: IncidentSource,
  now = new Date(),
) {
  const input = incidentInputSchema.parse(rawInput);
  const partner = await db.partner.findFirst({
    where: { tenantId, id: input.partnerId },
    select: { id: true, name: true, status: true },
  });
  const touchpoint = await db.touchpoint.findFirst({
    where: { tenantId, id: input.touchpointId },
    select: {
      id: true,
      name: true,
      partners: { where: { tenantId, partnerId: input.partnerId }, select: { partnerId: true } },
    },
  });
  const customerRef = input.customerRef || null;
  if (input.customerId && customerRef)
    throw new DomainError("Name the customer by its id or by its reference, not both.");
  const customerWhere = input.customerId
    ? { tenantId, id: input.customerId }
    : customerRef
      ? { tenantId, externalRef: customerRef }
      : null;
  const customer = customerWhere ? await db.customer.findFirst({ where: customerWhere, select: { id: true } }) : null;
  if (!partner) throw new DomainError("That partner was not found.", "not-found");
  if (!touchpoint) throw new DomainError("That touchpoint was not found.", "not-found");
  if (input.customerId && !customer) throw new DomainError("That customer was not found.", "not-found");
  if (customerRef && !customer) throw new DomainError(`No customer has the reference “${customerRef}”.`, "not-found");
  if (partner.status === "OFFBOARDED")
    throw new DomainError(`${partner.name} is offboarded: incidents can no longer be routed to it.`);
  if (touchpoint.partners.length === 0)
    throw new DomainError(
      `${partner.name} does not handle ${touchpoint.name}: choose one of its touchpoints.`,
      "invalid",
      "touchpointId",
    );

  const sla = await slaContextFor(db, tenantId, input.severity);
  const clock = incidentClock(
    { openedAt: now, acknowledgedAt: null, resolvedAt: null, pausedMinutes: 0, pausedAt: null, extraMinutes: 0 },
    sla,
    now,
  );

  // Locks numbering for this tenant until the transaction ends (see the 20261123040000 migration);
  // it reads the whole tenant's maximum even for a partner user, who sees only their own incidents.
  const [{ number }] = await db.$queryRaw<{ number: number }[]>`select next_incident_number() as number`;

  const id = randomUUID();
  await db.incident.createMany({
    data: [
      {
        tenantId,
        id,
        number,
        partnerId: partner.id,
        touchpointId: touchpoint.id,
        customerId: customer?.id ?? null,
        severity: input.severity,
        category: input.category,
        title: input.title,
        description: input.description,
        customersAffected: input.customersAffected,
        costRefunds: input.costRefunds,
        costReshipment: input.costReshipment,
        costCredits: input.costCredits,
        costHandling: input.costHandling,
        status: "OPEN",
        source,
        openedAt: now,
        externalRef: input.externalRef || null,
        createdById: actor.userId,
        createdAt: now,
        ...deadlineColumns(clock),
      },
    ],
  });
  await recordEvent(db, tenantId, id, actor, { type: "CREATED", toStatus: "OPEN", body: input.description }, now);
  await enqueueOutbox(db, tenantId, "incident.created", {
    incidentId: id,
    number,
    partnerId: partner.id,
    severity: input.severity,
    source,
  });
  return { id, number };
}
