import { randomUUID } from "node:crypto";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { customerIdOfRef, knownCustomerIds } from "@/lib/customers/known";
import type { Db } from "@/lib/db/scope";
import type { IncidentSource } from "@/generated/prisma/enums";
import type { Incident } from "@/generated/prisma/client";
import { DomainError } from "@/lib/errors";
import { SEVERITIES } from "@/lib/incidents/labels";
import { slaContextFor } from "@/lib/incidents/sla-policies";
import { deadlineColumns, incidentClock } from "@/lib/incidents/clock";
import type { Actor } from "@/lib/incidents/events";
import { invalidateDashboard } from "@/lib/dashboard/cache";
import { uuidv7 } from "@/lib/api/ids";

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
 * next per-tenant number from the tenant's counter row (safe under concurrency),
 * sets the SLA deadlines from the tenant's policy, and writes the CREATED event and an outbox row.
 * Returns the stored row too (`incident`), so a caller needs no second read while the number is locked.
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
  // By the id-only readers: a partner may report an incident about a customer it has not served yet.
  const customerId = input.customerId
    ? (await knownCustomerIds(db, tenantId, [input.customerId])).has(input.customerId)
      ? input.customerId
      : null
    : customerRef
      ? await customerIdOfRef(db, tenantId, customerRef)
      : null;
  if (!partner) throw new DomainError("That partner was not found.", "not-found");
  if (!touchpoint) throw new DomainError("That touchpoint was not found.", "not-found");
  if (input.customerId && !customerId) throw new DomainError("That customer was not found.", "not-found");
  if (customerRef && !customerId) throw new DomainError(`No customer has the reference “${customerRef}”.`, "not-found");
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

  // The incident, its CREATED event and its outbox row in ONE statement that takes the number first
  // (next_incident_number() increments the tenant row's counter, whose row lock serialises numbering in the tenant
  // until the transaction ends; see the 20261205000300 migration, for a partner user too). Every
  // read and check is done before it, so the lock is held for this statement and what the caller
  // still writes before committing, not for a chain of round trips (decision 010).
  // ISO strings: the columns hold UTC wall time (timestamp without time zone).
  const at = (d: Date | null) => Prisma.sql`${d?.toISOString() ?? null}::timestamptz at time zone 'UTC'`;
  const id = randomUUID();
  const deadlines = deadlineColumns(clock);
  invalidateDashboard(tenantId); // the dashboard's incident figures (lib/dashboard/cache.ts)
  const eventValues = Prisma.sql`
    select ${tenantId}, ${uuidv7(now.getTime())}, inc.id, 'CREATED', 'OPEN'::"IncidentStatus", ${input.description}, false,
      ${actor.userId}, ${actor.label}, ${at(now)}`;
  const [{ eventWritten, ...incident }] = await db.$queryRaw<(Incident & { eventWritten: boolean })[]>`
    with n as (select next_incident_number() as number),
    inc as (
      insert into "Incident" ("tenantId", id, number, "partnerId", "touchpointId", "customerId", severity, category, title,
        description, "customersAffected", "costRefunds", "costReshipment", "costCredits", "costHandling", status, source,
        "openedAt", "externalRef", "createdById", "createdAt", "updatedAt", "ackDueAt", "resolveDueAt", "nextDueAt")
      select ${tenantId}, ${id}, n.number, ${partner.id}, ${touchpoint.id}, ${customerId},
        ${input.severity}::"Severity", ${input.category}, ${input.title}, ${input.description}, ${input.customersAffected}::int,
        ${input.costRefunds}::numeric, ${input.costReshipment}::numeric, ${input.costCredits}::numeric, ${input.costHandling}::numeric,
        'OPEN'::"IncidentStatus", ${source}::"IncidentSource", ${at(now)}, ${input.externalRef || null}, ${actor.userId},
        ${at(now)}, ${at(now)}, ${at(deadlines.ackDueAt)}, ${at(deadlines.resolveDueAt)},
        ${at(deadlines.nextDueAt)}
      from n
      returning *
    ),
    -- A partner context's row-level security admits an event only for an incident it can already
    -- see, which this statement's own insert is not yet: there the event is a second statement.
    ev as (
      insert into "IncidentEvent" ("tenantId", id, "incidentId", type, "toStatus", body, internal, "actorUserId", "actorLabel", "createdAt")
      ${eventValues} from inc where app_partner_id() is null
    ),
    ob as (
      insert into "OutboxMessage" ("tenantId", id, topic, payload)
      select ${tenantId}, ${uuidv7()}, 'incident.created',
        jsonb_build_object('incidentId', inc.id, 'number', inc.number, 'partnerId', ${partner.id}::text,
          'severity', ${input.severity}::text, 'source', ${source}::text)
      from inc
    )
    select *, app_partner_id() is null as "eventWritten" from inc`;
  if (!eventWritten)
    await db.$executeRaw`
      insert into "IncidentEvent" ("tenantId", id, "incidentId", type, "toStatus", body, internal, "actorUserId", "actorLabel", "createdAt")
      ${eventValues} from "Incident" inc where inc."tenantId" = ${tenantId} and inc.id = ${id}`;
  return { id, number: incident.number, incident };
}
