import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

// Webhook signatures in the Standard Webhooks scheme (https://www.standardwebhooks.com):
//   webhook-id:        the event id (the same on every retry, so receivers can de-duplicate)
//   webhook-timestamp: seconds since the epoch of this attempt
//   webhook-signature: "v1," + base64(HMAC-SHA256(secret bytes, "<id>.<timestamp>.<body>"))
// The secret is "whsec_" + base64 of 24 random bytes; the HMAC key is those bytes.

const SECRET_PREFIX = "whsec_";

export function generateWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(24).toString("base64");
}

function keyBytes(secret: string): Buffer {
  return Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, "base64");
}

export function signWebhook(secret: string, id: string, timestamp: number, body: string): string {
  return `v1,${createHmac("sha256", keyBytes(secret)).update(`${id}.${timestamp}.${body}`).digest("base64")}`;
}

export function webhookHeaders(secret: string, id: string, body: string, now = new Date()): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  return {
    "content-type": "application/json",
    "user-agent": "Steward-Webhooks/1",
    "webhook-id": id,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": signWebhook(secret, id, timestamp, body),
  };
}

export type VerifyResult = { ok: true } | { ok: false; reason: "missing-headers" | "stale" | "bad-signature" };

/**
 * What a receiver does: recompute the signature over the raw body and compare in constant time; a
 * timestamp further than `toleranceSeconds` from now is refused (replay protection). The signature
 * header may hold several space-separated signatures (during secret rotation); one match suffices.
 */
export function verifyWebhookSignature(
  secret: string,
  headers: { get(name: string): string | null },
  body: string,
  { toleranceSeconds = 300, now = new Date() } = {},
): VerifyResult {
  const id = headers.get("webhook-id");
  const timestamp = headers.get("webhook-timestamp");
  const signatures = headers.get("webhook-signature");
  if (!id || !timestamp || !signatures || !/^\d+$/.test(timestamp)) return { ok: false, reason: "missing-headers" };
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > toleranceSeconds) return { ok: false, reason: "stale" };
  const expected = Buffer.from(signWebhook(secret, id, Number(timestamp), body));
  const match = signatures.split(" ").some((candidate) => {
    const given = Buffer.from(candidate);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return match ? { ok: true } : { ok: false, reason: "bad-signature" };
}
