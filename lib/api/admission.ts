import { withApiKeySql } from "@/lib/db/sql-scope";
import { hashApiKey, isWellFormedKey, principalFor, type ApiPrincipal } from "./keys";
import { consumeRateLimit, touchApiKey, type RateLimitResult } from "./rate-limit";

/**
 * Who is calling and whether the key's rate limit lets the request in: the key lookup and the
 * rate-limit count in ONE short transaction on the pg pool, committed before the request's own work
 * (so a refused or failing request still counts, and the key's rate row is not locked while it
 * runs). It replaced two Prisma interactive transactions per request (docs/decisions/010).
 * Null for an unknown, malformed or revoked key.
 */
export async function admitApiKey(
  key: string,
  now = new Date(),
): Promise<{ principal: ApiPrincipal; limit: RateLimitResult } | null> {
  if (!isWellFormedKey(key)) return null;
  const keyHash = hashApiKey(key);
  return withApiKeySql(keyHash, async (db) => {
    const principal = await principalFor(db, keyHash);
    if (!principal) return null;
    await db.$queryRaw`select set_config('app.tenant_id', ${principal.tenantId}, true)`;
    const limit = await consumeRateLimit(db, principal, now);
    await touchApiKey(db, principal, now);
    return { principal, limit };
  });
}
