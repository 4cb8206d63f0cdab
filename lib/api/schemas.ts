import { z } from "zod";
import { paginationQuery } from "./pagination";

// The request and response schemas of /api/v1. Handlers validate with them and the OpenAPI document
// (lib/api/openapi.ts) is generated from them, so the two cannot disagree.

const id = z.string().min(1).max(64);
const isoDateTime = z.iso.datetime({ offset: true, error: "Use an ISO 8601 date-time, e.g. 2026-03-01T10:00:00Z." });
const externalRef = z.string().trim().min(1, "externalRef may not be empty.").max(128, "Use at most 128 characters.");

export const PartnerType = z.enum(["DELIVERY", "INSTALLER", "RESELLER", "RETAILER", "SERVICE", "HOST", "CURBSIDE", "OTHER"]);
export const PartnerStatus = z.enum(["PROSPECT", "VETTING", "ACTIVE", "PROBATION", "OFFBOARDED"]);
export const PartnerTier = z.enum(["REGISTERED", "SILVER", "GOLD", "PLATINUM"]);
export const Channel = z.enum(["ONLINE", "STORE", "PHONE", "FIELD"]);
export const Outcome = z.enum(["SUCCESS", "PARTIAL", "FAILURE"]);
export const Segment = z.enum(["B2B", "B2C"]);

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details; `errors` lists field-level messages." });

const page = <T extends z.ZodType>(item: T, name: string) =>
  z.object({ data: z.array(item), next_cursor: z.string().nullable() }).meta({ id: name });

// ---------------------------------------------------------------- partners

export const Partner = z
  .object({
    id,
    name: z.string(),
    type: PartnerType,
    tier: PartnerTier,
    status: PartnerStatus,
    region: z.string(),
    contractStart: z.string().nullable(),
    contractEnd: z.string().nullable(),
    website: z.string().nullable(),
    alignmentScore: z.number().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "Partner" });
export const PartnerPage = page(Partner, "PartnerPage");
export const PartnerListQuery = paginationQuery.extend({ status: PartnerStatus.optional(), type: PartnerType.optional() });
export const IdParams = z.object({ id });

// ---------------------------------------------------------------- touchpoints

export const Touchpoint = z
  .object({
    id,
    name: z.string(),
    description: z.string().nullable(),
    stage: z.string(),
    channel: Channel,
    isMomentOfTruth: z.boolean(),
    weight: z.number(),
    position: z.number().int(),
    partnerIds: z.array(z.string()),
  })
  .meta({ id: "Touchpoint" });
export const TouchpointPage = page(Touchpoint, "TouchpointPage");
export const TouchpointListQuery = paginationQuery;

// ---------------------------------------------------------------- interactions

export const InteractionInput = z
  .object({
    partnerId: id,
    touchpointId: id,
    customerId: id.optional(),
    occurredAt: isoDateTime,
    outcome: Outcome,
    csat: z.number().int("csat is a whole number from 1 to 5.").min(1, "csat is from 1 to 5.").max(5, "csat is from 1 to 5.").optional(),
    nps: z.number().int("nps is a whole number from 0 to 10.").min(0, "nps is from 0 to 10.").max(10, "nps is from 0 to 10.").optional(),
    externalRef: externalRef.optional(),
  })
  .strict()
  .meta({ id: "InteractionInput" });
export const Interaction = z
  .object({
    id,
    partnerId: z.string(),
    touchpointId: z.string(),
    customerId: z.string().nullable(),
    occurredAt: z.string(),
    outcome: Outcome,
    csat: z.number().int().nullable(),
    nps: z.number().int().nullable(),
    externalRef: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "Interaction" });

export const MAX_BATCH_ROWS = 1000;
const batch = <T extends z.ZodType>(row: T, name: string) =>
  z
    .object({ rows: z.array(row).min(1, "Send at least one row.").max(MAX_BATCH_ROWS, `Send at most ${MAX_BATCH_ROWS} rows per batch.`) })
    .strict()
    .meta({ id: name });
const batchResult = <T extends z.ZodType>(item: T, name: string) =>
  z
    .object({
      created: z.number().int().describe("Rows created by this request."),
      existing: z.number().int().describe("Rows whose externalRef was already known; returned unchanged."),
      data: z.array(item),
    })
    .meta({ id: name });

export const InteractionBatch = batch(InteractionInput, "InteractionBatch");
export const InteractionBatchResult = batchResult(Interaction, "InteractionBatchResult");

// ---------------------------------------------------------------- transactions

const money = z.number().finite().min(-1e9).max(1e9).describe("Amount with at most two decimals.");
export const TransactionInput = z
  .object({
    customerId: id,
    occurredAt: isoDateTime,
    revenue: money,
    margin: money,
    servingPartnerId: id.optional(),
    touchpointId: id.optional(),
    channel: Channel.optional(),
    externalRef: externalRef.optional(),
  })
  .strict()
  .meta({ id: "TransactionInput" });
export const Transaction = z
  .object({
    id,
    customerId: z.string(),
    occurredAt: z.string(),
    revenue: z.number(),
    margin: z.number(),
    servingPartnerId: z.string().nullable(),
    touchpointId: z.string().nullable(),
    channel: Channel.nullable(),
    externalRef: z.string().nullable(),
  })
  .meta({ id: "Transaction" });
export const TransactionBatch = batch(TransactionInput, "TransactionBatch");
export const TransactionBatchResult = batchResult(Transaction, "TransactionBatchResult");

// ---------------------------------------------------------------- customers

export const CustomerInput = z
  .object({
    name: z.string().trim().max(200).optional(),
    email: z.email("Enter a valid e-mail address.").max(254).optional(),
    segment: Segment,
    acquiredAt: isoDateTime,
    acquiringPartnerId: id.optional(),
    acquisitionCost: z.number().finite().min(0, "acquisitionCost may not be negative.").max(1e9).optional(),
  })
  .strict()
  .meta({ id: "CustomerInput" });
export const Customer = z
  .object({
    id,
    externalRef: z.string().nullable(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    segment: Segment,
    acquiredAt: z.string(),
    acquiringPartnerId: z.string().nullable(),
    acquisitionCost: z.number().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "Customer" });
export const CustomerParams = z.object({ externalRef });
