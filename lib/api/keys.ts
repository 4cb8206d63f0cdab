import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { withApiKeySql, type SqlDb } from "@/lib/db/sql-scope";
import type { Db } from "@/lib/db/scope";
import { DomainError } from "@/lib/errors";

// API keys: "stw_" + 32 random bytes (base64url). Only the sha256 hash is stored, with the first
// characters as a display prefix; the key itself is shown once, when it is created.

export const KEY_PREFIX = "stw_";
const DISPLAY_PREFIX_LENGTH = 12;

export function generateApiKey(): { key: string; prefix: string; keyHash: string } {
  const key = KEY_PREFIX + randomBytes(32).toString("base64url");
  return { key, prefix: key.slice(0, DISPLAY_PREFIX_LENGTH), keyHash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export const createApiKeySchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Name the key, e.g. after the system that uses it.")
    .max(80, "Use at most 80 characters."),
  partnerId: z
    .string()
    .max(64)
    .optional()
    .transform((v) => (v ? v : undefined)),
  rateLimitPerMinute: z.coerce
    .number({ error: "Enter a number of requests per minute." })
    .int("Use a whole number.")
    .min(1, "Allow at least 1 request per minute.")
    .max(10_000, "At most 10,000 requests per minute."),
});
export type CreateApiKeyInput = z.input<typeof createApiKeySchema>;

export async function createApiKey(
  db: Db,
  tenantId: string,
  createdById: string,
  input: { name: string; partnerId?: string | null; rateLimitPerMinute: number },
) {
  if (input.partnerId) {
    const partner = await db.partner.findFirst({ where: { tenantId, id: input.partnerId }, select: { id: true } });
    if (!partner) throw new DomainError("That partner was not found.", "not-found");
  }
  const { key, prefix, keyHash } = generateApiKey();
  const apiKey = await db.apiKey.create({
    data: {
      tenantId,
      name: input.name,
      prefix,
      keyHash,
      partnerId: input.partnerId ?? null,
      rateLimitPerMinute: input.rateLimitPerMinute,
      createdById,
    },
  });
  return { apiKey, key };
}

export async function revokeApiKey(db: Db, tenantId: string, id: string) {
  const apiKey = await db.apiKey.findFirst({ where: { tenantId, id } });
  if (!apiKey) throw new DomainError("That API key was not found.", "not-found");
  if (apiKey.revokedAt) return apiKey;
  return db.apiKey.update({ where: { tenantId_id: { tenantId, id } }, data: { revokedAt: new Date() } });
}

export function listApiKeys(db: Db, tenantId: string) {
  return db.apiKey.findMany({
    where: { tenantId },
    include: { partner: { select: { id: true, name: true } } },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
  });
}

/** Who is calling: the tenant, and for a partner key, the one partner whose data it may touch. */
export type ApiPrincipal = {
  apiKeyId: string;
  name: string;
  tenantId: string;
  partnerId: string | null;
  rateLimitPerMinute: number;
};

/** The key's principal, or null for an unknown, malformed or revoked key. */
export async function authenticateApiKey(key: string): Promise<ApiPrincipal | null> {
  if (!isWellFormedKey(key)) return null;
  const keyHash = hashApiKey(key);
  // On the pg pool, not a Prisma transaction (whose default 2 s maxWait turned a busy pool into 500s).
  return withApiKeySql(keyHash, (db) => principalFor(db, keyHash));
}

export function isWellFormedKey(key: string): boolean {
  return key.startsWith(KEY_PREFIX) && key.length <= 200;
}

/**
 * Reads the key inside a transaction whose row-level policy lets it see exactly the key whose hash
 * it presents (app.api_key_hash; see migration 20261123070000_integration_api and withApiKeySql).
 */
export async function principalFor(db: SqlDb, keyHash: string): Promise<ApiPrincipal | null> {
  const [row] = await db.$queryRaw<(ApiPrincipal & { revokedAt: Date | null })[]>`
    select id as "apiKeyId", name, "tenantId", "partnerId", "rateLimitPerMinute", "revokedAt" from "ApiKey" where "keyHash" = ${keyHash}`;
  if (!row || row.revokedAt) return null;
  return {
    apiKeyId: row.apiKeyId,
    name: row.name,
    tenantId: row.tenantId,
    partnerId: row.partnerId,
    rateLimitPerMinute: row.rateLimitPerMinute,
  };
}
