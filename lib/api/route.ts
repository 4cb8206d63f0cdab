import type { z } from "zod";
import { ZodError } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { DomainError } from "@/lib/errors";
import { withTenant, type Db } from "@/lib/db/scope";
import type { AuditEntry } from "@/lib/audit/write";
import { log } from "@/lib/log";
import type { ApiPrincipal } from "./keys";
import { admitApiKey } from "./admission";
import type { RateLimitResult } from "./rate-limit";
import { ApiProblem, fieldPath, problemResponse, zodErrors } from "./problem";
import { findNul, NUL_MESSAGE } from "@/lib/validation/nul";
import { claimIdempotencyKey, finishApiWrite, readIdempotencyKey, requestHash } from "./idempotency";

// One wrapper for every /api/v1 route handler:
// authenticate + rate limit (one short transaction on the pool) → parse and validate (zod) → run in the tenant transaction (scoped to the
// key's partner, so row-level security walls a partner key in) → audit (writes) → JSON response.
// A thrown ApiProblem becomes its problem details; anything else is logged and answered with a
// generic 500 problem. The transaction rolls back on any failure.

const MAX_BODY_BYTES = 5 * 1024 * 1024;

export type ApiResult = { status: number; body: unknown; headers?: Record<string, string> };

export type ApiContext<B, Q, P> = {
  db: Db;
  principal: ApiPrincipal;
  body: B;
  query: Q;
  params: P;
  request: Request;
  audit: (entry: AuditEntry) => void;
};

type Schema<T> = z.ZodType<T, unknown>;

export type ApiRouteOptions<B, Q, P> = {
  /** Operation name, for logs. */
  name: string;
  body?: Schema<B>;
  query?: Schema<Q>;
  params?: Schema<P>;
  /** Creates accept an Idempotency-Key header and replay the first response to retries. */
  idempotent?: boolean;
};

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

export function apiRoute<B = undefined, Q = undefined, P = undefined>(
  options: ApiRouteOptions<B, Q, P>,
  handler: (ctx: ApiContext<B, Q, P>) => Promise<ApiResult>,
) {
  return async function route(request: Request, context?: RouteContext): Promise<Response> {
    const instance = new URL(request.url).pathname;
    try {
      const { principal, limit } = await admit(request);
      const rateHeaders = { "RateLimit-Limit": String(limit.limit), "RateLimit-Remaining": String(limit.remaining) };
      if (!limit.allowed)
        throw new ApiProblem(
          429,
          `This key allows ${limit.limit} requests per minute; retry after ${limit.retryAfterSeconds} seconds.`,
          undefined,
          {
            "Retry-After": String(limit.retryAfterSeconds),
            ...rateHeaders,
          },
        );

      const params = parse(options.params, context ? await context.params : {}, "path");
      const query = parse(options.query, Object.fromEntries(new URL(request.url).searchParams), "query");
      const rawBody = options.body ? await readBody(request) : "";
      const body = options.body ? parse(options.body, parseJson(rawBody), undefined) : (undefined as B);
      const idempotencyKey = options.idempotent ? readIdempotencyKey(request) : null;
      const hash = idempotencyKey ? requestHash(request.method, instance, rawBody) : "";

      const entries: AuditEntry[] = [];
      const { result, replayed } = await withTenant(
        { tenantId: principal.tenantId, partnerId: principal.partnerId },
        async (db) => {
          if (idempotencyKey) {
            const stored = await claimIdempotencyKey(db, principal, idempotencyKey, hash);
            if (stored) return { result: stored as ApiResult, replayed: true };
          }
          const result = await handler({
            db,
            principal,
            body,
            query: query as Q,
            params: params as P,
            request,
            audit: (e) => entries.push(e),
          });
          await finishApiWrite(
            db,
            principal,
            entries,
            idempotencyKey ? { key: idempotencyKey, response: { status: result.status, body: result.body } } : null,
          );
          return { result, replayed: false };
        },
      );
      return json(result, { ...rateHeaders, ...(replayed ? { "Idempotent-Replayed": "true" } : {}) });
    } catch (error) {
      return failure(error, options.name, instance);
    }
  };
}

/** For public endpoints (the OpenAPI document): no key, same error handling. */
export function publicRoute(name: string, handler: (request: Request) => Promise<ApiResult>) {
  return async function route(request: Request): Promise<Response> {
    try {
      return json(await handler(request));
    } catch (error) {
      return failure(error, name, new URL(request.url).pathname);
    }
  };
}

async function admit(request: Request): Promise<{ principal: ApiPrincipal; limit: RateLimitResult }> {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match)
    throw new ApiProblem(
      401,
      "Send an API key as `Authorization: Bearer <key>`; keys are created in Settings → API keys.",
      undefined,
      {
        "WWW-Authenticate": 'Bearer realm="steward"',
      },
    );
  const admitted = await admitApiKey(match[1]);
  if (!admitted)
    throw new ApiProblem(401, "The API key is unknown or has been revoked.", undefined, {
      "WWW-Authenticate": 'Bearer realm="steward", error="invalid_token"',
    });
  return admitted;
}

function parse<T>(schema: Schema<T> | undefined, value: unknown, prefix: string | undefined): T {
  if (!schema) return undefined as T;
  const status = prefix === "path" ? 404 : prefix === "query" ? 400 : 422;
  const nul = findNul(value);
  if (nul) {
    if (status === 404) throw new ApiProblem(404, "Not found.");
    throw new ApiProblem(
      status,
      prefix === "query" ? "Some query parameters are invalid; see errors." : "Some fields are invalid; see errors.",
      [{ field: fieldPath(nul, prefix), message: NUL_MESSAGE }],
    );
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    if (status === 404) throw new ApiProblem(404, "Not found.");
    throw new ApiProblem(
      status,
      prefix === "query" ? "Some query parameters are invalid; see errors." : "Some fields are invalid; see errors.",
      zodErrors(result.error, prefix),
    );
  }
  return result.data;
}

async function readBody(request: Request): Promise<string> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/(.+\+)?json\b/i.test(type))
    throw new ApiProblem(415, "Send the body as JSON with `Content-Type: application/json`.");
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_BODY_BYTES) throw new ApiProblem(413, `The body may be at most ${MAX_BODY_BYTES / 1024 / 1024} MB.`);
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES)
    throw new ApiProblem(413, `The body may be at most ${MAX_BODY_BYTES / 1024 / 1024} MB.`);
  return text;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiProblem(400, "The body is not valid JSON.");
  }
}

function json(result: ApiResult, headers: Record<string, string> = {}): Response {
  return new Response(result.status === 204 ? null : JSON.stringify(result.body), {
    status: result.status,
    headers: { "content-type": "application/json", ...headers, ...result.headers },
  });
}

function failure(error: unknown, name: string, instance: string): Response {
  if (error instanceof ApiProblem) return problemResponse(error, instance);
  // Rules broken inside the shared lib/ core (the same messages the UI shows).
  if (error instanceof DomainError) {
    const status = { "not-found": 404, forbidden: 403, conflict: 409, invalid: 422 }[error.kind];
    if (error.field)
      return problemResponse(
        new ApiProblem(status, "Some fields are invalid; see errors.", [
          { field: error.field, message: error.message },
        ]),
        instance,
      );
    return problemResponse(new ApiProblem(status, error.message), instance);
  }
  if (error instanceof ZodError)
    return problemResponse(new ApiProblem(422, "Some fields are invalid; see errors.", zodErrors(error)), instance);
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2002")
      return problemResponse(new ApiProblem(409, "A record with the same unique value already exists."), instance);
    if (error.code === "P2003")
      return problemResponse(new ApiProblem(422, "A referenced record does not exist."), instance);
  }
  log.error("api request failed", { operation: name, instance, error });
  return problemResponse(
    new ApiProblem(500, "Something went wrong on our side. Please try again; if it keeps happening, contact support."),
    instance,
  );
}
