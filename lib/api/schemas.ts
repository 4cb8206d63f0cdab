import { z } from "zod";
import { monthField } from "@/lib/months";
import { paginationQuery } from "./pagination";

// The request and response schemas of /api/v1. Handlers validate with them and the OpenAPI document
// (lib/api/openapi.ts) is generated from them, so the two cannot disagree.

const id = z.string().min(1).max(64);
const isoDateTime = z.iso.datetime({ offset: true, error: "Use an ISO 8601 date-time, e.g. 2026-03-01T10:00:00Z." });
const externalRef = z.string().trim().min(1, "externalRef may not be empty.").max(128, "Use at most 128 characters.");

export const PartnerType = z.enum([
  "DELIVERY",
  "INSTALLER",
  "RESELLER",
  "RETAILER",
  "SERVICE",
  "HOST",
  "CURBSIDE",
  "OTHER",
]);
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
export const PartnerListQuery = paginationQuery.extend({
  status: PartnerStatus.optional(),
  type: PartnerType.optional(),
});
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
    csat: z
      .number()
      .int("csat is a whole number from 1 to 5.")
      .min(1, "csat is from 1 to 5.")
      .max(5, "csat is from 1 to 5.")
      .optional(),
    nps: z
      .number()
      .int("nps is a whole number from 0 to 10.")
      .min(0, "nps is from 0 to 10.")
      .max(10, "nps is from 0 to 10.")
      .optional(),
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
    .object({
      rows: z
        .array(row)
        .min(1, "Send at least one row.")
        .max(MAX_BATCH_ROWS, `Send at most ${MAX_BATCH_ROWS} rows per batch.`),
    })
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

// ---------------------------------------------------------------- incidents

export const Severity = z.enum(["CRITICAL", "HIGH", "MEDIUM", "LOW"]);
export const IncidentStatus = z.enum(["OPEN", "ACKNOWLEDGED", "IN_PROGRESS", "WAITING", "RESOLVED", "CLOSED"]);
const cost = (what: string) =>
  z
    .number({ error: `${what} is an amount.` })
    .min(0, `${what} may not be negative.`)
    .max(10_000_000, `${what} is too large.`)
    .multipleOf(0.01, `${what} has at most 2 decimals.`)
    .optional();

export const IncidentInput = z
  .object({
    partnerId: id,
    touchpointId: id,
    customerId: id.optional(),
    customerRef: z
      .string()
      .trim()
      .min(1, "customerRef may not be empty.")
      .max(120, "Use at most 120 characters.")
      .optional()
      .meta({ description: "The affected customer by its external reference (instead of customerId)." }),
    severity: Severity,
    category: z.string().trim().min(1, "category may not be empty.").max(80, "Keep the category under 80 characters."),
    title: z
      .string()
      .trim()
      .min(3, "Give the incident a short title (3 characters or more).")
      .max(160, "Keep the title under 160 characters."),
    description: z
      .string()
      .trim()
      .min(10, "Describe what happened (10 characters or more).")
      .max(5000, "Keep the description under 5,000 characters."),
    customersAffected: z
      .number()
      .int("customersAffected is a whole number.")
      .min(1, "At least one customer is affected.")
      .max(1_000_000)
      .optional(),
    costRefunds: cost("costRefunds"),
    costReshipment: cost("costReshipment"),
    costCredits: cost("costCredits"),
    costHandling: cost("costHandling"),
    externalRef: z
      .string()
      .trim()
      .min(1, "externalRef may not be empty.")
      .max(120, "Use at most 120 characters.")
      .optional(),
  })
  .strict()
  .meta({ id: "IncidentInput" });

export const IncidentEvent = z
  .object({
    id,
    type: z
      .string()
      .describe("CREATED, STATUS_CHANGED, REOPENED, COMMENT, ESCALATED, EXTENSION_REQUESTED, EXTENSION_DECIDED"),
    fromStatus: IncidentStatus.nullable(),
    toStatus: IncidentStatus.nullable(),
    body: z.string().nullable(),
    actor: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: "IncidentEvent", description: "One entry of the shared timeline (internal notes are never returned)." });

export const Incident = z
  .object({
    id,
    number: z.number().int(),
    reference: z.string().describe("INC-<number>"),
    partnerId: z.string(),
    touchpointId: z.string(),
    customerId: z.string().nullable(),
    severity: Severity,
    category: z.string(),
    title: z.string(),
    description: z.string(),
    customersAffected: z.number().int(),
    costRefunds: z.number(),
    costReshipment: z.number(),
    costCredits: z.number(),
    costHandling: z.number(),
    status: IncidentStatus,
    source: z.enum(["STEWARD", "PARTNER", "API"]),
    escalationLevel: z.number().int(),
    openedAt: z.string(),
    acknowledgedAt: z.string().nullable(),
    resolvedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    ackDueAt: z.string().nullable(),
    resolveDueAt: z.string().nullable(),
    rootCause: z.string().nullable(),
    resolution: z.string().nullable(),
    externalRef: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: "Incident" });
export const IncidentWithTimeline = Incident.extend({ timeline: z.array(IncidentEvent) }).meta({
  id: "IncidentWithTimeline",
});
export const IncidentPage = page(Incident, "IncidentPage");
export const IncidentListQuery = paginationQuery.extend({
  status: IncidentStatus.optional(),
  severity: Severity.optional(),
  partnerId: id.optional(),
});

export const IncidentStatusInput = z
  .object({
    status: IncidentStatus,
    rootCause: z
      .string()
      .trim()
      .max(2000, "Keep the root cause under 2,000 characters.")
      .optional()
      .describe("Required when resolving."),
    resolution: z
      .string()
      .trim()
      .max(4000, "Keep the resolution under 4,000 characters.")
      .optional()
      .describe("Required when resolving."),
    comment: z.string().trim().max(4000, "Keep the comment under 4,000 characters.").optional(),
  })
  .strict()
  .meta({ id: "IncidentStatusInput" });

export const IncidentCommentInput = z
  .object({
    body: z.string().trim().min(1, "Write a comment first.").max(4000, "Keep comments under 4,000 characters."),
  })
  .strict()
  .meta({ id: "IncidentCommentInput" });

// ---------------------------------------------------------------- scorecards

export const Scorecard = z
  .object({
    id,
    partnerId: z.string(),
    month: z.string().describe("First day of the month scored (YYYY-MM-DD)."),
    version: z.number().int(),
    score: z.number().nullable(),
    complianceScore: z.number().nullable(),
    experienceScore: z.number().nullable(),
    incidentScore: z.number().nullable(),
    valueScore: z.number().nullable(),
    engagementScore: z.number().nullable(),
    rank: z.number().int().nullable(),
    peerCount: z.number().int().nullable(),
    change: z.number().nullable(),
    recommendation: z.enum(["REWARD", "MAINTAIN", "DEVELOP", "PROBATION", "EXIT"]).nullable(),
    publishedAt: z.string().nullable(),
  })
  .meta({ id: "Scorecard", description: "A published monthly partner scorecard." });
export const ScorecardPage = page(Scorecard, "ScorecardPage");
export const ScorecardListQuery = paginationQuery.extend({
  partnerId: id.optional(),
  month: monthField("month is YYYY-MM, e.g. 2026-03.").optional(),
});

// ---------------------------------------------------------------- corrective-action plans

const PlanStatus = z.enum(["PROPOSED", "ACCEPTED", "DISPUTED", "IN_PROGRESS", "VERIFIED", "CLOSED_UNMET"]);
const Movement = z
  .object({
    baseline: z.number().nullable(),
    latest: z.number().nullable().describe("The newest published value since the plan opened."),
    target: z.number().nullable(),
    change: z.number().nullable().describe("latest − baseline."),
    progress: z.number().nullable().describe("Share of the way from baseline to target (negative: moved away)."),
    reached: z.boolean(),
  })
  .meta({ id: "MetricMovement" });
export const PlanAction = z
  .object({
    id,
    description: z.string(),
    owner: z.string().describe("The owner on the partner's side (a partner user or contact)."),
    dueOn: z.string().describe("YYYY-MM-DD; overdue from the next day."),
    metric: z
      .enum([
        "score",
        "complianceScore",
        "experienceScore",
        "incidentScore",
        "valueScore",
        "engagementScore",
        "standard",
      ])
      .describe("The scorecard sub-score, or an experience standard (standardId), the action should move."),
    standardId: z.string().nullable(),
    status: z.enum(["OPEN", "DONE", "VERIFIED"]),
    overdue: z.boolean(),
    doneAt: z.string().nullable(),
    verifiedAt: z.string().nullable(),
    movement: Movement,
  })
  .meta({ id: "PlanAction" });
const PlanProgress = z
  .object({
    total: z.number().int(),
    done: z.number().int().describe("Done or verified."),
    verified: z.number().int(),
    overdue: z.number().int(),
  })
  .meta({ id: "PlanProgress" });
export const Plan = z
  .object({
    id,
    partnerId: z.string(),
    title: z.string(),
    source: z.enum(["SCORECARD", "INCIDENT_PATTERN"]),
    reason: z.string(),
    scorecardId: z.string().nullable(),
    status: PlanStatus,
    disputeReason: z.string().nullable(),
    progress: PlanProgress,
    createdAt: z.string(),
    proposedAt: z.string().nullable(),
    acceptedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
  })
  .meta({ id: "Plan", description: "A corrective-action plan (drafts are never served)." });
export const PlanWithActions = Plan.extend({ actions: z.array(PlanAction) }).meta({ id: "PlanWithActions" });
export const PlanPage = page(Plan, "PlanPage");
export const PlanListQuery = paginationQuery.extend({
  partnerId: id.optional(),
  status: PlanStatus.optional(),
});
export const PlanDecisionInput = z
  .object({
    decision: z.enum(["accept", "dispute"], { error: "decision must be accept or dispute." }),
    reason: z
      .string()
      .trim()
      .max(2000, "Keep the reason under 2,000 characters.")
      .optional()
      .describe("Why the partner disputes the plan (required to dispute); the brand sees it on the plan."),
  })
  .strict()
  .meta({ id: "PlanDecisionInput" });
export const PlanDecisionResult = z
  .object({ id, status: PlanStatus, disputeReason: z.string().nullable() })
  .meta({ id: "PlanDecisionResult" });
export const PlanActionParams = z.object({ id, actionId: id });
export const PlanEvidenceInput = z
  .object({
    body: z
      .string({ error: "body is required: describe the evidence." })
      .trim()
      .min(3, "Describe the evidence in a few words.")
      .max(4000, "Keep the evidence under 4,000 characters."),
    link: z.string().trim().max(2048).optional().describe("An http(s) link to the evidence."),
    markDone: z.boolean().optional().describe("Also mark the action done."),
  })
  .strict()
  .meta({ id: "PlanEvidenceInput" });
export const PlanEvidenceResult = z
  .object({ id, planId: z.string(), status: z.enum(["OPEN", "DONE", "VERIFIED"]) })
  .meta({ id: "PlanEvidenceResult" });

// ---------------------------------------------------------------- defection

const DefectionInterval = z
  .object({ estimate: z.number(), low: z.number(), high: z.number() })
  .nullable()
  .describe("Point estimate and 95 % bootstrap interval; null when the group has too little data.");
const DefectionGroup = z.object({
  segment: z.enum(["B2B", "B2C"]),
  treated: z.number().int().describe("Customers with the event matched to comparison customers."),
  unmatched: z.number().int().describe("Customers with the event left out: no comparison customer in their group."),
  controls: z.number().int().describe("Comparison customer-months in the matched groups."),
  strata: z.number().int(),
  tooLittleData: z.boolean(),
  treatedRepurchase: z
    .number()
    .nullable()
    .describe("Share of customers with the event who bought again in the window."),
  controlRepurchase: z
    .number()
    .nullable()
    .describe("The same share for comparison customers, weighted like the treated."),
  attributableDefection: DefectionInterval,
  repurchaseLift: DefectionInterval,
  spendChangeDifference: DefectionInterval,
  treatedBoughtMore: z.number().nullable(),
  controlBoughtMore: z.number().nullable(),
});
const DefectionSide = z.object({ B2B: DefectionGroup, B2C: DefectionGroup });
const SegmentRates = z.object({ B2B: z.number(), B2C: z.number() });
export const Defection = z
  .object({
    windowDays: z.number().int(),
    from: z.string().describe("First index date (YYYY-MM-DD)."),
    to: z.string().describe("End of the index dates, exclusive (YYYY-MM-DD)."),
    resamples: z.number().int(),
    minimumTreated: z.number().int(),
    comparisonObservations: z.number().int(),
    bad: DefectionSide.describe("After an incident naming the customer."),
    good: DefectionSide.describe("After an interaction rated CSAT ≥ 4 or NPS ≥ 9."),
    survey: z.object({ defection: SegmentRates, boughtMore: SegmentRates }),
    basis: z.object({
      basis: z.enum(["SURVEY", "MEASURED"]),
      label: z.string(),
      measuredAt: z.string().nullable(),
    }),
    computedAt: z.string().describe("When the defection job computed this measurement (ISO 8601)."),
  })
  .meta({
    id: "Defection",
    description:
      "Defection after incidents and buying after good service, measured from the workspace's customers against matched comparison customers.",
  });

// ---------------------------------------------------------------- engagement funnel

export const FunnelQuery = z.object({
  month: monthField("month is YYYY-MM, e.g. 2026-03.")
    .optional()
    .describe("The calendar month (UTC); default: last month."),
});
const FunnelStageRow = z
  .object({
    stage: z.enum(["attract", "connect", "engage", "convert"]),
    next: z.enum(["connect", "engage", "convert", "purchase"]).describe("What conversion from this stage leads to."),
    touchpoints: z.number().int(),
    interactions: z.number().int().describe("Interactions in the month at the stage's touchpoints."),
    customersReached: z.number().int().describe("Distinct named customers with an interaction at the stage."),
    converted: z
      .number()
      .int()
      .describe("Of those, the customers who reached the next stage (see conversionDefinition)."),
    conversionRate: z.number().nullable().describe("converted ÷ customersReached (0–1); null when nobody was reached."),
    equity: z.number().describe("Sum of the CLV of the customers reached, in the workspace currency."),
    incidents: z.number().int().describe("Incidents opened in the month at the stage's touchpoints."),
    equityAtRisk: z.number().describe("Equity at risk of those incidents, in the workspace currency."),
    owners: z
      .array(z.object({ id, name: z.string() }))
      .describe("Partners assigned to, or accountable for, the stage's touchpoints."),
  })
  .meta({ id: "FunnelStage" });
export const Funnel = z
  .object({
    month: z.string().describe("YYYY-MM."),
    snapshotMonth: z.string().nullable().describe("The CLV snapshot month the equity figures use (YYYY-MM)."),
    currency: z.string().describe("ISO 4217 code of the amounts."),
    conversionDefinition: z.string(),
    stages: z.array(FunnelStageRow),
  })
  .meta({ id: "Funnel", description: "The engagement funnel of one month, per stage." });

// ---------------------------------------------------------------- incentives

export const IncentiveMonthParams = z.object({ month: monthField("month is YYYY-MM, e.g. 2026-03.") });
export const IncentivePayout = z
  .object({
    partnerId: z.string(),
    score: z.number().nullable().describe("The month's published overall score."),
    equityServed: z.number().nullable().describe("Customer equity the partner served (workspace currency)."),
    band: z.string().nullable().describe("The tier band this month's score falls in."),
    previousTier: z.string().nullable(),
    tier: z.string().nullable().describe("The tier after this month (hysteresis applied)."),
    tierReason: z.string(),
    eligible: z
      .boolean()
      .describe("Whether the partner shared the bonus pool (score at or above the floor, equity served)."),
    share: z.number().describe("The partner's share of the pool, 0 to 1."),
    payout: z.number().describe("The payout in the workspace currency (two decimals)."),
    payoutCents: z.number().int(),
    reason: z.string(),
  })
  .meta({ id: "IncentivePayout" });
export const IncentiveMonth = z
  .object({
    month: z.string().describe("YYYY-MM"),
    currency: z.string().describe("ISO 4217 code of every amount."),
    approvedAt: z.string().nullable().describe("When a steward approved the month; null for a partner key."),
    poolCents: z
      .number()
      .int()
      .nullable()
      .describe("The whole pool; null for a partner key (other partners' figures)."),
    paidCents: z.number().int().nullable().describe("Paid in total; null for a partner key."),
    payouts: z.array(IncentivePayout),
  })
  .meta({ id: "IncentiveMonth", description: "An approved month's tiers and payouts (frozen at approval)." });

// ---------------------------------------------------------------- webhook events (documented, not served)

const eventEnvelope = {
  id: z
    .string()
    .describe("The event id; also sent as the webhook-id header, the same on every retry: de-duplicate on it."),
  createdAt: z.string().describe("When the event happened."),
};
export const IncidentWebhookEvent = z
  .object({
    ...eventEnvelope,
    type: z.enum(["incident.created", "incident.escalated", "incident.resolved"]),
    data: z.object({
      incidentId: z.string(),
      number: z.number().int().optional(),
      partnerId: z.string().optional(),
      severity: Severity.optional(),
      source: z.enum(["STEWARD", "PARTNER", "API"]).optional(),
      from: IncidentStatus.optional().describe("incident.resolved: the status before."),
      to: IncidentStatus.optional().describe("incident.resolved: RESOLVED."),
      level: z.number().int().optional().describe("incident.escalated: the ladder level reached (2 or 3)."),
      reason: z.string().optional().describe("incident.escalated: ACK_BREACH or RESOLVE_BREACH."),
      incident: Incident.optional().describe("The incident as it is when the event is sent."),
    }),
  })
  .meta({ id: "IncidentWebhookEvent" });
export const ScorecardWebhookEvent = z
  .object({
    ...eventEnvelope,
    type: z.enum(["scorecard.published"]),
    data: z.object({
      scorecardId: z.string(),
      partnerId: z.string().optional(),
      month: z.string().optional(),
      scorecard: Scorecard.optional().describe("The published scorecard."),
    }),
  })
  .meta({ id: "ScorecardWebhookEvent" });
export const WebhookHeaders = z.object({
  "webhook-id": z.string().meta({ description: "The event id." }),
  "webhook-timestamp": z
    .string()
    .meta({ description: "Seconds since the epoch of this attempt; refuse values more than 5 minutes away." }),
  "webhook-signature": z.string().meta({
    description:
      'v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<raw body>", keyed with the base64-decoded secret after whsec_>',
  }),
});

// ---------------------------------------------------------------- customer feedback (issue 19)

const scoreQuery = (label: string, max: number) =>
  z.coerce
    .number()
    .int(`${label} must be a whole number.`)
    .min(0, `${label} must be from 0 to ${max}.`)
    .max(max, `${label} must be from 0 to ${max}.`)
    .optional();

export const FeedbackInput = z
  .object({
    partnerId: id,
    touchpointId: id,
    customerId: id.optional(),
    interactionId: id
      .optional()
      .describe("The interaction the answer is about: its csat and nps are set. Without it, one is recorded."),
    answeredAt: isoDateTime,
    csat: InteractionInput.shape.csat,
    nps: InteractionInput.shape.nps,
    comment: z.string().trim().max(2000, "comment may be at most 2,000 characters.").optional(),
    externalRef: externalRef.describe(
      "Your own id for this answer, unique per partner; sending it again for the same partner returns the stored answer.",
    ),
  })
  .strict()
  .refine((v) => v.csat !== undefined || v.nps !== undefined || (v.comment ?? "") !== "", {
    message: "Send at least one of csat, nps or comment.",
    path: ["csat"],
  })
  .meta({ id: "FeedbackInput" });
export const Feedback = z
  .object({
    id,
    partnerId: z.string(),
    touchpointId: z.string(),
    customerId: z.string().nullable(),
    interactionId: z.string().nullable(),
    source: z.enum(["interaction", "incident", "api"]).describe("What caused the survey."),
    answeredAt: z.string(),
    csat: z.number().int().nullable(),
    nps: z.number().int().nullable(),
    comment: z.string().nullable(),
    externalRef: z.string().nullable(),
  })
  .meta({ id: "Feedback" });
export const FeedbackPage = page(Feedback, "FeedbackPage");
export const FeedbackListQuery = paginationQuery
  .extend({
    partnerId: id.optional(),
    touchpointId: id.optional(),
    minCsat: scoreQuery("minCsat", 5),
    maxCsat: scoreQuery("maxCsat", 5),
  })
  .meta({ id: "FeedbackListQuery" });
