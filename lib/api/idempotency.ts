import { createHash } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/scope";
import type { ApiPrincipal } from "./keys";
import { ApiProblem } from "./problem";
import { uuidv7 } from "./ids";
import type { AuditEntry } from "@/lib/audit/write";

const IDEMPOTENCY_HEADER = "idempotency-key";

export function readIdempotencyKey(request: Request): string | null {
  const key = request.headers.get(IDEMPOTENCY_HEADER);
  if (key === null) return null;
  if (key.length < 1 || key.length > 255 || !/^[\x21-\x7e]+$/.test(key))
    throw new ApiProblem(400, "The Idempotency-Key header must be 1-255 visible ASCII characters.", [
      { field: "header.Idempotency-Key", message: "Use 1-255 visible ASCII characters, e.g. a UUID." },
    ]);
  return key;
}

export function requestHash(method: string, path: string, body: string): string {
  return createHash("sha256").update(`${method}\n${path}\n${body}`).digest("hex");
}

export type StoredResponse = { status: number; body: unknown };

/**
 * Claims the key inside the request's transaction. The first request inserts the row and goes on;
 * a concurrent retry's INSERT waits on that row until the first transaction ends, then finds the
 * committed response (or, if the first rolled back, claims the key itself). A retry after the fact
 * gets the stored response. The same key with a different request is refused (422).
 */
export async function claimIdempotencyKey(
  db: Db,
  principal: ApiPrincipal,
  key: string,
  hash: string,
): Promise<StoredResponse | null> {
  const claimed = await db.$queryRaw<{ key: string }[]>`
    INSERT INTO "IdempotencyKey" ("tenantId", "apiKeyId", "key", "requestHash")
    VALUES (${principal.tenantId}, ${principal.apiKeyId}, ${key}, ${hash})
    ON CONFLICT DO NOTHING
    RETURNING "key"`;
  if (claimed.length === 1) return null;
  const existing = await db.idempotencyKey.findUnique({
    where: { tenantId_apiKeyId_key: { tenantId: principal.tenantId, apiKeyId: principal.apiKeyId, key } },
  });
  if (!existing || existing.statusCode === null)
    throw new ApiProblem(409, "A request with this Idempotency-Key is still in progress; retry shortly.");
  if (existing.requestHash !== hash)
    throw new ApiProblem(422, "This Idempotency-Key was already used for a different request.", [
      { field: "header.Idempotency-Key", message: "Already used with another request body or path; use a new key." },
    ]);
  // The body is kept as JSON text: jsonb would reorder its keys, and a replay must be byte-identical.
  const body = typeof existing.responseBody === "string" ? JSON.parse(existing.responseBody) : existing.responseBody;
  return { status: existing.statusCode, body };
}

/**
 * The request's audit rows and, for an idempotent request, its stored response, in ONE statement:
 * it is the last one before the commit, and an incident creation holds the tenant's numbering lock
 * until then (decision 010). The body is kept as JSON text (a jsonb string): jsonb would reorder
 * its keys, and a replay must be byte-identical.
 */
export async function finishApiWrite(
  db: Db,
  principal: ApiPrincipal,
  entries: AuditEntry[],
  idempotent: { key: string; response: StoredResponse } | null,
) {
  const audit = entries.map((e) => ({
    id: uuidv7(),
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId ?? null,
    data: e.data ?? null,
  }));
  const insertAudit = Prisma.sql`
    insert into "AuditLog" ("tenantId", id, "actorUserId", "actorLabel", action, "entityType", "entityId", data)
    select ${principal.tenantId}, e.id, null, ${`api key ${principal.name}`}, e.action, e."entityType", e."entityId", e.data
    from jsonb_to_recordset(${JSON.stringify(audit)}::jsonb) as e(id text, action text, "entityType" text, "entityId" text, data jsonb)`;
  if (!idempotent) {
    if (audit.length > 0) await db.$executeRaw(insertAudit);
    return;
  }
  const { status, body } = idempotent.response;
  await db.$executeRaw`
    with audit as (${insertAudit})
    update "IdempotencyKey"
    set "statusCode" = ${status}::int, "responseBody" = coalesce(to_jsonb(${body === undefined ? null : JSON.stringify(body)}::text), 'null'::jsonb)
    where "tenantId" = ${principal.tenantId} and "apiKeyId" = ${principal.apiKeyId} and key = ${idempotent.key}`;
}
