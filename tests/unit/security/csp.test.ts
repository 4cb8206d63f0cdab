import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, servedOverHttps } from "@/lib/security/csp";

// Issue 13, finding 10: scripts run only with the request's nonce; HSTS only over https.
describe("the content security policy", () => {
  it("allows scripts by nonce only, without 'unsafe-inline' (and without eval outside development)", () => {
    const scriptSrc = contentSecurityPolicy("abc123")
      .split("; ")
      .find((d) => d.startsWith("script-src"));
    expect(scriptSrc).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(contentSecurityPolicy("abc123", { development: true })).toContain("'unsafe-eval'");
    for (const directive of [
      "default-src 'self'",
      "frame-ancestors 'none'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
    ])
      expect(contentSecurityPolicy("n")).toContain(directive);
  });

  it("makes a new 128-bit nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });

  it("recognises https directly or behind a TLS-terminating proxy", () => {
    expect(servedOverHttps(new URL("https://steward.example/"), new Headers())).toBe(true);
    expect(servedOverHttps(new URL("http://127.0.0.1/"), new Headers({ "x-forwarded-proto": "https" }))).toBe(true);
    expect(servedOverHttps(new URL("http://127.0.0.1/"), new Headers({ "x-forwarded-proto": "http" }))).toBe(false);
    expect(servedOverHttps(new URL("http://127.0.0.1/"), new Headers())).toBe(false);
  });
});
