import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import * as S from "./schemas";

// The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the route handlers validate
// with (lib/api/schemas.ts). Add a path here whenever a route is added under app/api/v1.

const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: S.Problem } } });
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
] as const;

function buildRegistry() {
  const r = new OpenAPIRegistry();
  r.registerComponent("securitySchemes", "apiKey", {
    type: "http",
    scheme: "bearer",
    description: "An API key from Settings → API keys (`stw_…`). Partner keys only see and write their own partner's data.",
  });

  r.registerPath({
    method: "get",
    path: "/partners",
    summary: "List partners",
    description: "Cursor-paginated in id order; filter by status and type. A partner key lists only its own partner.",
    request: { query: S.PartnerListQuery },
    responses: { 200: ok("A page of partners.", S.PartnerPage), 400: problem("Invalid query parameters."), ...common },
  });
  r.registerPath({
    method: "get",
    path: "/partners/{id}",
    summary: "Get a partner",
    request: { params: S.IdParams },
    responses: { 200: ok("The partner.", S.Partner), 404: problem("Unknown, another tenant's, or (for a partner key) another partner's id."), ...common },
  });
  r.registerPath({
    method: "get",
    path: "/touchpoints",
    summary: "List touchpoints",
    description: "With the ids of the partners assigned to each. A partner key lists the touchpoints its partner serves.",
    request: { query: S.TouchpointListQuery },
    responses: { 200: ok("A page of touchpoints.", S.TouchpointPage), 400: problem("Invalid query parameters."), ...common },
  });
  r.registerPath({
    method: "post",
    path: "/interactions",
    summary: "Record an interaction",
    request: { headers: idempotencyHeader, body: { required: true, content: { "application/json": { schema: S.InteractionInput } } } },
    responses: { 201: ok("Created.", S.Interaction), 200: ok("An interaction with this externalRef already existed; it is returned unchanged.", S.Interaction), ...writes },
  });
  r.registerPath({
    method: "post",
    path: "/interactions/batch",
    summary: "Record up to 1,000 interactions",
    description: "All or nothing: if any row is invalid, nothing is written and every row's errors are listed.",
    request: { headers: idempotencyHeader, body: { required: true, content: { "application/json": { schema: S.InteractionBatch } } } },
    responses: { 201: ok("Rows created (rows with a known externalRef are returned as they were).", S.InteractionBatchResult), 200: ok("Every row already existed.", S.InteractionBatchResult), ...writes },
  });
  r.registerPath({
    method: "post",
    path: "/transactions",
    summary: "Record a transaction",
    description: "A partner key's transactions are served by its own partner (servingPartnerId defaults to it).",
    request: { headers: idempotencyHeader, body: { required: true, content: { "application/json": { schema: S.TransactionInput } } } },
    responses: { 201: ok("Created.", S.Transaction), 200: ok("A transaction with this externalRef already existed.", S.Transaction), ...writes },
  });
  r.registerPath({
    method: "post",
    path: "/transactions/batch",
    summary: "Record up to 1,000 transactions",
    description: "All or nothing, like /interactions/batch.",
    request: { headers: idempotencyHeader, body: { required: true, content: { "application/json": { schema: S.TransactionBatch } } } },
    responses: { 201: ok("Rows created.", S.TransactionBatchResult), 200: ok("Every row already existed.", S.TransactionBatchResult), ...writes },
  });
  r.registerPath({
    method: "put",
    path: "/customers/{externalRef}",
    summary: "Create or update a customer by external reference",
    description: "A partner key acquires new customers itself and may only update customers its partner acquired.",
    request: { params: S.CustomerParams, body: { required: true, content: { "application/json": { schema: S.CustomerInput } } } },
    responses: { 201: ok("Created.", S.Customer), 200: ok("Updated.", S.Customer), ...writes },
  });
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
