import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import * as S from "./schemas";

// The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the route handlers validate
// with (lib/api/schemas.ts). Add a path here whenever a route is added under app/api/v1.

const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: S.Problem } },
});
const ok = (description: string, schema: z.ZodType) => ({ description, content: { "application/json": { schema } } });
const common = {
  401: problem("Missing, unknown or revoked API key."),
  429: problem("Rate limit exceeded; see the Retry-After header (seconds)."),
  500: problem("Unexpected error."),
};
const writes = {
  ...common,
  400: problem("Malformed JSON or an invalid Idempotency-Key header."),
  404: problem("A partner key named another partner (as if it did not exist)."),
  409: problem("An externalRef is taken by a row this key cannot see, or the same Idempotency-Key is in flight."),
  415: problem("The body is not JSON."),
  422: problem("Validation failed; `errors` names each field, e.g. `rows[3].csat`."),
};
const idempotencyHeader = z.object({
  "Idempotency-Key": z
    .string()
    .min(1)
    .max(255)
    .optional()
    .meta({ description: "Retries with the same key return the first response and create nothing twice." }),
});

export const API_PATHS = [
  { method: "get", path: "/partners" },
  { method: "get", path: "/partners/{id}" },
  { method: "get", path: "/touchpoints" },
  { method: "post", path: "/interactions" },
  { method: "post", path: "/interactions/batch" },
  { method: "post", path: "/transactions" },
  { method: "post", path: "/transactions/batch" },
  { method: "put", path: "/customers/{externalRef}" },
  { method: "get", path: "/incidents" },
  { method: "post", path: "/incidents" },
  { method: "get", path: "/incidents/{id}" },
  { method: "post", path: "/incidents/{id}/status" },
  { method: "post", path: "/incidents/{id}/comments" },
  { method: "get", path: "/scorecards" },
  { method: "get", path: "/scorecards/{id}" },
  { method: "get", path: "/plans" },
  { method: "get", path: "/plans/{id}" },
  { method: "post", path: "/plans/{id}/decision" },
  { method: "post", path: "/plans/{id}/actions/{actionId}/evidence" },
  { method: "get", path: "/defection" },
  { method: "get", path: "/funnel" },
  { method: "get", path: "/feedback" },
  { method: "post", path: "/feedback" },
  { method: "get", path: "/incentives/{month}" },
] as const;

function buildRegistry() {
  const r = new OpenAPIRegistry();
  r.registerComponent("securitySchemes", "apiKey", {
    type: "http",
    scheme: "bearer",
    description:
      "An API key from Settings → API keys (`stw_…`). Partner keys only see and write their own partner's data.",
  });

  r.registerPath({
    method: "get",
    path: "/partners",
    tags: ["Partners"],
    summary: "List partners",
    description: "Cursor-paginated in id order; filter by status and type. A partner key lists only its own partner.",
    request: { query: S.PartnerListQuery },
    responses: { 200: ok("A page of partners.", S.PartnerPage), 400: problem("Invalid query parameters."), ...common },
  });
  r.registerPath({
    method: "get",
    path: "/partners/{id}",
    tags: ["Partners"],
    summary: "Get a partner",
    request: { params: S.IdParams },
    responses: {
      200: ok("The partner.", S.Partner),
      404: problem("Unknown, another tenant's, or (for a partner key) another partner's id."),
      ...common,
    },
  });
  r.registerPath({
    method: "get",
    path: "/touchpoints",
    tags: ["Touchpoints"],
    summary: "List touchpoints",
    description:
      "With the ids of the partners assigned to each. A partner key lists the touchpoints its partner serves.",
    request: { query: S.TouchpointListQuery },
    responses: {
      200: ok("A page of touchpoints.", S.TouchpointPage),
      400: problem("Invalid query parameters."),
      ...common,
    },
  });
  r.registerPath({
    method: "post",
    path: "/interactions",
    tags: ["Interactions"],
    summary: "Record an interaction",
    request: {
      headers: idempotencyHeader,
      body: { required: true, content: { "application/json": { schema: S.InteractionInput } } },
    },
    responses: {
      201: ok("Created.", S.Interaction),
      200: ok("An interaction with this externalRef already existed; it is returned unchanged.", S.Interaction),
      ...writes,
    },
  });
  r.registerPath({
    method: "post",
    path: "/interactions/batch",
    tags: ["Interactions"],
    summary: "Record up to 1,000 interactions",
    description: "All or nothing: if any row is invalid, nothing is written and every row's errors are listed.",
    request: {
      headers: idempotencyHeader,
      body: { required: true, content: { "application/json": { schema: S.InteractionBatch } } },
    },
    responses: {
      201: ok("Rows created (rows with a known externalRef are returned as they were).", S.InteractionBatchResult),
      200: ok("Every row already existed.", S.InteractionBatchResult),
      ...writes,
    },
  });
  r.registerPath({
    method: "post",
    path: "/transactions",
    tags: ["Transactions"],
    summary: "Record a transaction",
    description: "A partner key's transactions are served by its own partner (servingPartnerId defaults to it).",
    request: {
      headers: idempotencyHeader,
      body: { required: true, content: { "application/json": { schema: S.TransactionInput } } },
    },
    responses: {
      201: ok("Created.", S.Transaction),
      200: ok("A transaction with this externalRef already existed.", S.Transaction),
      ...writes,
    },
  });
  r.registerPath({
    method: "post",
    path: "/transactions/batch",
    tags: ["Transactions"],
    summary: "Record up to 1,000 transactions",
    description: "All or nothing, like /interactions/batch.",
    request: {
      headers: idempotencyHeader,
      body: { required: true, content: { "application/json": { schema: S.TransactionBatch } } },
    },
    responses: {
      201: ok("Rows created.", S.TransactionBatchResult),
      200: ok("Every row already existed.", S.TransactionBatchResult),
      ...writes,
    },
  });
  r.registerPath({
    method: "put",
    path: "/customers/{externalRef}",
    tags: ["Customers"],
    summary: "Create or update a customer by external reference",
    description: "A partner key acquires new customers itself and may only update customers its partner acquired.",
    request: {
      params: S.CustomerParams,
      body: { required: true, content: { "application/json": { schema: S.CustomerInput } } },
    },
    responses: { 201: ok("Created.", S.Customer), 200: ok("Updated.", S.Customer), ...writes },
  });

  r.registerPath({
    method: "get",
    path: "/incidents",
    tags: ["Incidents"],
    summary: "List incidents",
    description:
      "Cursor-paginated in id order (oldest first); filter by status, severity and partnerId. A partner key lists only its own partner's incidents.",
    request: { query: S.IncidentListQuery },
    responses: {
      200: ok("A page of incidents.", S.IncidentPage),
      400: problem("Invalid query parameters."),
      ...common,
    },
  });
  r.registerPath({
    method: "post",
    path: "/incidents",
    tags: ["Incidents"],
    summary: "Open an incident",
    description:
      "Numbered per workspace (INC-42), with SLA deadlines from the workspace's policy for the severity; source API. " +
      "Emits the incident.created webhook. A partner key may only open incidents against its own partner.",
    request: {
      headers: idempotencyHeader,
      body: { required: true, content: { "application/json": { schema: S.IncidentInput } } },
    },
    responses: {
      201: ok("Opened.", S.Incident),
      ...writes,
      404: problem("The partner, touchpoint or customer does not exist (or, for a partner key, is another partner)."),
      409: problem("The externalRef is already used by another incident, or the same Idempotency-Key is in flight."),
      422: problem("Validation failed, or the partner is offboarded."),
    },
  });
  r.registerPath({
    method: "get",
    path: "/incidents/{id}",
    tags: ["Incidents"],
    summary: "Get an incident with its timeline",
    description: "The shared timeline; internal notes are never returned.",
    request: { params: S.IdParams },
    responses: {
      200: ok("The incident.", S.IncidentWithTimeline),
      404: problem("Unknown, another tenant's, or (for a partner key) another partner's incident."),
      ...common,
    },
  });
  r.registerPath({
    method: "post",
    path: "/incidents/{id}/status",
    tags: ["Incidents"],
    summary: "Change an incident's status",
    description:
      "Follows the incident lifecycle: OPEN → ACKNOWLEDGED → IN_PROGRESS ⇄ WAITING → RESOLVED → CLOSED (RESOLVED and CLOSED can be reopened). " +
      "Resolving needs rootCause and resolution. A partner key may acknowledge, work on, wait and resolve, but not close or reopen (403).",
    request: {
      params: S.IdParams,
      headers: idempotencyHeader,
      body: { required: true, content: { "application/json": { schema: S.IncidentStatusInput } } },
    },
    responses: {
      200: ok("The incident after the change.", S.Incident),
      ...writes,
      403: problem("A partner key asked for a brand-only transition (close, reopen)."),
      404: problem("Unknown incident, or another partner's for a partner key."),
      409: problem("The incident was changed meanwhile, or the same Idempotency-Key is in flight."),
      422: problem("Validation failed, or the lifecycle does not allow this transition."),
    },
  });
  r.registerPath({
    method: "post",
    path: "/incidents/{id}/comments",
    tags: ["Incidents"],
    summary: "Comment on an incident",
    description: "Adds a comment to the shared timeline, visible to the brand and the partner.",
    request: {
      params: S.IdParams,
      headers: idempotencyHeader,
      body: { required: true, content: { "application/json": { schema: S.IncidentCommentInput } } },
    },
    responses: {
      201: ok("The comment as it appears on the timeline.", S.IncidentEvent),
      ...writes,
      404: problem("Unknown incident, or another partner's for a partner key."),
    },
  });
  r.registerPath({
    method: "get",
    path: "/scorecards",
    tags: ["Scorecards"],
    summary: "List published scorecards",
    description:
      "Only published scorecards (never drafts or superseded versions); filter by partnerId and month (YYYY-MM). A partner key lists only its own.",
    request: { query: S.ScorecardListQuery },
    responses: {
      200: ok("A page of scorecards.", S.ScorecardPage),
      400: problem("Invalid query parameters."),
      ...common,
    },
  });
  r.registerPath({
    method: "get",
    path: "/scorecards/{id}",
    tags: ["Scorecards"],
    summary: "Get a published scorecard",
    request: { params: S.IdParams },
    responses: {
      200: ok("The scorecard.", S.Scorecard),
      404: problem("Unknown, unpublished, or (for a partner key) another partner's scorecard."),
      ...common,
    },
  });
  r.registerPath({
    method: "get",
    path: "/defection",
    tags: ["Defection"],
    summary: "Measured defection and good-service uplift",
    description:
      "Customers with an incident (or a CSAT ≥ 4 / NPS ≥ 9 interaction) against comparable customers without one — same month, segment, purchases in the prior year and recency — with 95 % bootstrap intervals, split B2B/B2C, beside the survey figures and the basis equity at risk uses. The latest measurement stored by the background job (computedAt says when); a steward starts a fresh one on the Defection page. Workspace keys only.",
    responses: {
      200: ok("The latest stored measurement.", S.Defection),
      403: problem("A partner key: defection is measured over the whole workspace's customers."),
      404: problem("Not measured yet (or the first measurement is still running)."),
      ...common,
    },
  });

  r.registerPath({
    method: "get",
    path: "/plans",
    tags: ["Corrective-action plans"],
    summary: "List corrective-action plans",
    description:
      "Plans the brand proposed to partners (never drafts), with their progress; filter by partnerId and status. A partner key lists only its own.",
    request: { query: S.PlanListQuery },
    responses: { 200: ok("A page of plans.", S.PlanPage), 400: problem("Invalid query parameters."), ...common },
  });
  r.registerPath({
    method: "get",
    path: "/plans/{id}",
    tags: ["Corrective-action plans"],
    summary: "Get a plan with its actions",
    description: "Each action with its owner, due date, status and the movement of its metric since the plan opened.",
    request: { params: S.IdParams },
    responses: {
      200: ok("The plan.", S.PlanWithActions),
      404: problem("Unknown, a draft, another tenant's, or (for a partner key) another partner's plan."),
      ...common,
    },
  });
  r.registerPath({
    method: "post",
    path: "/plans/{id}/decision",
    tags: ["Corrective-action plans"],
    summary: "Accept or dispute a proposed plan (partner keys)",
    description:
      "The partner's answer to a plan the brand proposed: accept it (its actions can then be evidenced), or dispute it with a reason, which sends it back to the brand to change and propose again. Only a key scoped to the plan's partner may answer.",
    request: {
      params: S.IdParams,
      headers: idempotencyHeader,
      body: { required: true, content: { "application/json": { schema: S.PlanDecisionInput } } },
    },
    responses: {
      200: ok("The plan's status after the answer.", S.PlanDecisionResult),
      ...writes,
      403: problem("A tenant-wide key: the partner answers with its own key."),
      404: problem("Unknown, a draft, another tenant's, or another partner's plan."),
      422: problem("Validation failed, a dispute without a reason, or the plan is not proposed."),
    },
  });
  r.registerPath({
    method: "post",
    path: "/plans/{id}/actions/{actionId}/evidence",
    tags: ["Corrective-action plans"],
    summary: "Post evidence for an action (partner keys)",
    description:
      "Adds evidence (text and an optional http(s) link) to the plan's timeline and, with markDone, marks the action done. The plan must be accepted or in progress; the first evidence starts an accepted plan. Only a key scoped to the plan's partner may post.",
    request: {
      params: S.PlanActionParams,
      headers: idempotencyHeader,
      body: { required: true, content: { "application/json": { schema: S.PlanEvidenceInput } } },
    },
    responses: {
      201: ok("The action after the evidence.", S.PlanEvidenceResult),
      ...writes,
      403: problem("A tenant-wide key: evidence comes from the partner's own key."),
      404: problem("Unknown plan or action, the action is not the plan's, or another partner's plan."),
      422: problem("Validation failed, or the plan is not accepted yet or already closed."),
    },
  });
  r.registerPath({
    method: "get",
    path: "/funnel",
    tags: ["Funnel"],
    summary: "Get the engagement funnel of a month",
    description:
      "Per stage (attract, connect, engage, convert): customers reached, interactions, conversion to the next stage, equity, incidents and equity at risk, and the partners who own the stage's touchpoints. A partner key gets the funnel of its own partner's interactions and incidents.",
    request: { query: S.FunnelQuery },
    responses: { 200: ok("The month's funnel.", S.Funnel), 400: problem("Invalid query parameters."), ...common },
  });

  r.registerPath({
    method: "get",
    path: "/feedback",
    tags: ["Feedback"],
    summary: "List customer feedback",
    description:
      "Answered surveys (from survey links and from this endpoint), cursor-paginated in id order; filter by partner, touchpoint and CSAT range. A partner key lists only its own partner's feedback.",
    request: { query: S.FeedbackListQuery },
    responses: { 200: ok("A page of answers.", S.FeedbackPage), 400: problem("Invalid query parameters."), ...common },
  });
  r.registerPath({
    method: "post",
    path: "/feedback",
    tags: ["Feedback"],
    summary: "Record an answer collected in your own channel",
    description:
      "CSAT 1–5, NPS 0–10 and a comment a customer gave the partner directly. The answer sets the CSAT and NPS of the interaction named (or of a new one at that partner and touchpoint), so the scorecards count it. Idempotent on externalRef.",
    request: {
      headers: idempotencyHeader,
      body: { required: true, content: { "application/json": { schema: S.FeedbackInput } } },
    },
    responses: {
      201: ok("Recorded.", S.Feedback),
      200: ok("An answer with this externalRef already existed; it is returned unchanged.", S.Feedback),
      ...writes,
    },
  });

  r.registerPath({
    method: "get",
    path: "/incentives/{month}",
    tags: ["Incentives"],
    summary: "Get an approved month's tiers and payouts",
    description:
      "The tiers and bonus payouts a steward approved for a published month, frozen at approval. A partner key sees only its own partner's row and not the pool totals.",
    request: { params: S.IncentiveMonthParams },
    responses: {
      200: ok("The approved month.", S.IncentiveMonth),
      404: problem("The month's incentives are not approved (or the month is not YYYY-MM)."),
      ...common,
    },
  });

  const events = [
    ["incident.created", "An incident was opened (in the app, the partner portal or the API).", S.IncidentWebhookEvent],
    [
      "incident.escalated",
      "An incident missed an SLA target and climbed its escalation ladder.",
      S.IncidentWebhookEvent,
    ],
    ["incident.resolved", "An incident was resolved.", S.IncidentWebhookEvent],
    ["scorecard.published", "A partner's monthly scorecard was published.", S.ScorecardWebhookEvent],
  ] as const;
  for (const [event, summary, schema] of events) {
    r.registerWebhook({
      method: "post",
      path: event,
      tags: ["Webhooks"],
      summary,
      description:
        "POSTed to each active endpoint subscribed to the event (Settings → Webhooks), signed in the Standard Webhooks scheme. " +
        "Answer 2xx within 10 seconds; otherwise it is retried after 1 min, 5 min, 30 min, 2 h, 6 h, 12 h and 24 h.",
      request: { headers: S.WebhookHeaders, body: { required: true, content: { "application/json": { schema } } } },
      responses: { 200: { description: "Any 2xx acknowledges the event." } },
    });
  }
  return r;
}

let cached: ReturnType<OpenApiGeneratorV31["generateDocument"]> | null = null;

export function openApiDocument() {
  if (cached) return cached;
  const generator = new OpenApiGeneratorV31(buildRegistry().definitions);
  cached = generator.generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Steward API",
      version: "1.0.0",
      description:
        "The integration API of Steward. JSON in and out; errors are RFC 9457 problem details (application/problem+json). " +
        "Lists are cursor-paginated: pass `next_cursor` back as `cursor`. Creates accept an Idempotency-Key header.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ apiKey: [] }],
  });
  return cached;
}
