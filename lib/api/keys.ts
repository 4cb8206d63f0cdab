import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { prisma } from "@/lib/db/client";
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
  name: z.string().trim().min(1, "Name the key, e.g. after the system that uses it.").max(80, "Use at most 80 characters."),
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
    data: { tenantId, name: input.name, prefix, keyHash, partnerId: input.partnerId ?? null, rateLimitPerMinute: input.rateLimitPerMinute, createdById },
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
  if (!key.startsWith(KEY_PREFIX) || key.length > 200) return null;
  const keyHash = hashApiKey(key);
  // Before the tenant is known, the row-level policy lets this transaction see exactly the key
  // whose hash it presents (app.api_key_hash; see migration 20261123070000_integration_api).
  const row = await prisma().$transaction(async (tx) => {
    await tx.$queryRaw`select set_config('app.api_key_hash', ${keyHash}, true)`;
    return tx.apiKey.findUnique({ where: { keyHash } });
  });
  if (!row || row.revokedAt) return null;
  return { apiKeyId: row.id, name: row.name, tenantId: row.tenantId, partnerId: row.partnerId, rateLimitPerMinute: row.rateLimitPerMinute };
}
