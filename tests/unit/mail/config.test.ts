import { afterEach, describe, expect, it, vi } from "vitest";
import { env, resetEnvCache } from "@/lib/env";
import { emailAddressSchema } from "@/lib/mail/address";
import { nextMailAttemptAt, MAX_ATTEMPTS, RETRY_DELAYS_SECONDS } from "@/lib/mail/retry";
import { readUnsubscribeToken, unsubscribeToken } from "@/lib/mail/unsubscribe";

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvCache();
});

describe("mail settings at boot", () => {
  it("accepts smtp(s) URLs and a From with or without a name; refuses others with a message naming the variable", () => {
    vi.stubEnv("SMTP_URL", "smtps://user:secret@smtp.example.com:465");
    vi.stubEnv("MAIL_FROM", "Northwind Steward <steward@northwind.example>");
    resetEnvCache();
    expect(env()).toMatchObject({
      SMTP_URL: "smtps://user:secret@smtp.example.com:465",
      MAIL_FROM: "Northwind Steward <steward@northwind.example>",
    });
    vi.stubEnv("SMTP_URL", "http://smtp.example.com");
    vi.stubEnv("MAIL_FROM", "not an address");
    resetEnvCache();
    expect(() => env()).toThrow(/SMTP_URL: SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect(() => env()).toThrow(/MAIL_FROM: MAIL_FROM must be an e-mail address or Name <address>/);
  });
});

describe("addresses typed into forms", () => {
  it("normalises good addresses and refuses bad ones with a clear message", () => {
    expect(emailAddressSchema.parse("  Pat@Example.COM ")).toBe("pat@example.com");
    expect(emailAddressSchema.safeParse("  ").error?.issues[0].message).toBe("Enter an e-mail address");
    for (const bad of ["pat", "pat@", "pat@example", "two words@example.com"])
      expect(emailAddressSchema.safeParse(bad).error?.issues[0].message).toBe(
        "Enter a valid e-mail address, e.g. name@example.com",
      );
  });
});

describe("retry backoff", () => {
  it("waits longer after each failure and gives up after the last attempt", () => {
    const now = new Date("2026-12-04T10:00:00Z");
    const waits = Array.from(
      { length: MAX_ATTEMPTS - 1 },
      (_, i) => (nextMailAttemptAt(i + 1, now)!.getTime() - now.getTime()) / 1000,
    );
    expect(waits).toEqual([...RETRY_DELAYS_SECONDS]);
    expect(waits.every((w, i) => i === 0 || w > waits[i - 1])).toBe(true);
    expect(nextMailAttemptAt(MAX_ATTEMPTS, now)).toBeNull();
  });
});

describe("unsubscribe tokens", () => {
  it("round-trips its claims and refuses a token changed in any way", () => {
    const token = unsubscribeToken({ tenantId: "t1", userId: "u1", kind: "escalation" });
    expect(readUnsubscribeToken(token)).toEqual({ tenantId: "t1", userId: "u1", kind: "escalation" });
    const [payload, signature] = token.split(".");
    const other = unsubscribeToken({ tenantId: "t2", userId: "u1", kind: "escalation" }).split(".")[0];
    expect(readUnsubscribeToken(`${other}.${signature}`)).toBeNull();
    expect(readUnsubscribeToken(`${payload}.${signature.slice(0, -2)}xx`)).toBeNull();
    expect(readUnsubscribeToken(payload)).toBeNull();
  });
});
