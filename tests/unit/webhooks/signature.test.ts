import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateWebhookSecret, signWebhook, verifyWebhookSignature, webhookHeaders } from "@/lib/webhooks/signature";
import { MAX_ATTEMPTS, nextAttemptAt, RETRY_DELAYS_SECONDS } from "@/lib/webhooks/retry";
import { webhookEventFor } from "@/lib/webhooks/events";

// A fixed secret: base64 of the bytes 0x00..0x17.
const SECRET = `whsec_${Buffer.from(Array.from({ length: 24 }, (_, i) => i)).toString("base64")}`;
const BODY = '{"id":"evt_1","type":"incident.created","data":{}}';
const NOW = new Date("2026-03-01T10:00:00Z");
const TS = NOW.getTime() / 1000;

const headers = (h: Record<string, string>) => new Headers(h);

describe("webhook signatures (Standard Webhooks scheme)", () => {
  it("signs '<id>.<timestamp>.<body>' with HMAC-SHA256 over the secret's bytes, base64, v1 prefix", () => {
    const expected = createHmac("sha256", Buffer.from(Array.from({ length: 24 }, (_, i) => i)))
      .update(`evt_1.${TS}.${BODY}`)
      .digest("base64");
    expect(signWebhook(SECRET, "evt_1", TS, BODY)).toBe(`v1,${expected}`);
  });

  it("verifies what it sends, and refuses a changed body, another secret, a stale timestamp or missing headers", () => {
    const h = webhookHeaders(SECRET, "evt_1", BODY, NOW);
    expect(h["webhook-timestamp"]).toBe(String(TS));
    expect(verifyWebhookSignature(SECRET, headers(h), BODY, { now: NOW })).toEqual({ ok: true });
    expect(verifyWebhookSignature(SECRET, headers(h), BODY.replace("created", "resolved"), { now: NOW })).toEqual({
      ok: false,
      reason: "bad-signature",
    });
    expect(verifyWebhookSignature(generateWebhookSecret(), headers(h), BODY, { now: NOW })).toEqual({
      ok: false,
      reason: "bad-signature",
    });
    expect(verifyWebhookSignature(SECRET, headers({ ...h, "webhook-id": "evt_2" }), BODY, { now: NOW })).toEqual({
      ok: false,
      reason: "bad-signature",
    });
    expect(verifyWebhookSignature(SECRET, headers(h), BODY, { now: new Date(NOW.getTime() + 301_000) })).toEqual({
      ok: false,
      reason: "stale",
    });
    expect(verifyWebhookSignature(SECRET, headers({ "webhook-id": "evt_1" }), BODY, { now: NOW })).toEqual({
      ok: false,
      reason: "missing-headers",
    });
  });

  it("accepts any one of several space-separated signatures (secret rotation)", () => {
    const h = webhookHeaders(SECRET, "evt_1", BODY, NOW);
    const rotated = { ...h, "webhook-signature": `v1,bm9wZQ== ${h["webhook-signature"]}` };
    expect(verifyWebhookSignature(SECRET, headers(rotated), BODY, { now: NOW }).ok).toBe(true);
  });

  it("generates distinct secrets of 24 random bytes", () => {
    const a = generateWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(a).not.toBe(generateWebhookSecret());
  });
});

describe("retry backoff", () => {
  it("waits 1 min, 5 min, 30 min, 2 h, 6 h, 12 h, 24 h, then gives up after 8 attempts", () => {
    const waits = [1, 2, 3, 4, 5, 6, 7].map((n) => (nextAttemptAt(n, NOW)!.getTime() - NOW.getTime()) / 1000);
    expect(waits).toEqual([60, 300, 1800, 7200, 21600, 43200, 86400]);
    expect(waits).toEqual([...RETRY_DELAYS_SECONDS]);
    expect(MAX_ATTEMPTS).toBe(8);
    expect(nextAttemptAt(8, NOW)).toBeNull();
  });
});

describe("which outbox topics become webhook events", () => {
  it("maps created, escalated, resolved and published; ignores the rest", () => {
    expect(webhookEventFor("incident.created", {})).toBe("incident.created");
    expect(webhookEventFor("incident.escalated", { level: 2 })).toBe("incident.escalated");
    expect(webhookEventFor("incident.status_changed", { to: "RESOLVED" })).toBe("incident.resolved");
    expect(webhookEventFor("incident.status_changed", { to: "ACKNOWLEDGED" })).toBeNull();
    expect(webhookEventFor("incident.commented", {})).toBeNull();
    expect(webhookEventFor("scorecard.published", { scorecardId: "s" })).toBe("scorecard.published");
  });
});
