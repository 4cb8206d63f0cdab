import type { SqlDb } from "@/lib/db/sql-scope";
import type { ApiPrincipal } from "./keys";

export type RateLimitResult = { allowed: boolean; limit: number; remaining: number; retryAfterSeconds: number };

const WINDOW_MS = 60_000;

/**
 * Counts one request against the key's fixed one-minute window, in Postgres so that the limit holds
 * across app instances: one upsert on the key's row (a new window resets the count). Run it in a
 * short transaction of its own, so the row lock is not held while the request works.
 */
export async function consumeRateLimit(db: SqlDb, principal: ApiPrincipal, now = new Date()): Promise<RateLimitResult> {
  const windowStart = new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS);
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "ApiRateWindow" ("tenantId", "apiKeyId", "windowStart", "count")
    VALUES (${principal.tenantId}, ${principal.apiKeyId}, ${windowStart}, 1)
    ON CONFLICT ("tenantId", "apiKeyId") DO UPDATE SET
      "count" = CASE WHEN "ApiRateWindow"."windowStart" = excluded."windowStart" THEN "ApiRateWindow"."count" + 1 ELSE 1 END,
      "windowStart" = excluded."windowStart"
    RETURNING "count"`;
  const count = Number(rows[0]?.count ?? 1);
  const limit = principal.rateLimitPerMinute;
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + WINDOW_MS - now.getTime()) / 1000));
  return { allowed: count <= limit, limit, remaining: Math.max(0, limit - count), retryAfterSeconds };
}

/** Marks the key as used, at most once a minute (a write per request would contend on the key row). */
export async function touchApiKey(db: SqlDb, principal: ApiPrincipal, now = new Date()) {
  await db.$queryRaw`
    update "ApiKey" set "lastUsedAt" = ${now}
    where "tenantId" = ${principal.tenantId} and id = ${principal.apiKeyId}
      and ("lastUsedAt" is null or "lastUsedAt" < ${new Date(now.getTime() - WINDOW_MS)})`;
}
