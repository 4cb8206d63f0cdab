import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { prisma } from "@/lib/db/client";
import { attemptLogin, MAX_FAILURES_PER_EMAIL, SLOW_DOWN_MS } from "@/lib/auth/login";
import { passwordVerificationCount } from "@/lib/auth/password";
import { createUser } from "@/lib/seed/factories";

// Issue 13, findings 1 and 5: the login limit holds under a burst of parallel attempts, and it
// locks an account only for the source its failures came from.

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe("a burst of parallel sign-ins", () => {
  it("verifies at most the allowed number of passwords, and refuses the right one once the limit is reached", async () => {
    const { password } = await createUser({ email: "burst@brand.test" });
    const before = passwordVerificationCount();
    const attempts = Array.from({ length: 100 }, (_, i) => (i === 99 ? password : `wrong-password-${i}`));
    const results = await Promise.all(
      attempts.map((p) => attemptLogin({ email: "burst@brand.test", password: p }, "10.1.0.1")),
    );
    const verified = passwordVerificationCount() - before;
    console.log(`password verifications for 100 parallel attempts: ${verified}`);

    expect(verified).toBeLessThanOrEqual(MAX_FAILURES_PER_EMAIL);
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(MAX_FAILURES_PER_EMAIL);
    expect(results.filter((r) => !r.ok && r.reason === "rate_limited")).toHaveLength(100 - MAX_FAILURES_PER_EMAIL);
    expect(results[99]).toMatchObject({ ok: false, reason: "rate_limited" });
    expect(await prisma().userSession.count({ where: { user: { email: "burst@brand.test" } } })).toBe(0);
  });
});

describe("failures per account and source", () => {
  it("keeps refusing the failing source but lets the owner in, slowed down, from a source with no failures", async () => {
    const { password } = await createUser({ email: "victim@brand.test" });
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++)
      expect(await attemptLogin({ email: "victim@brand.test", password: "guess" }, "10.2.0.66")).toEqual({
        ok: false,
        reason: "invalid",
      });
    // the attacker's source is locked for this account, even with the right password
    expect(await attemptLogin({ email: "victim@brand.test", password }, "10.2.0.66")).toMatchObject({
      reason: "rate_limited",
    });

    const started = Date.now();
    const owner = await attemptLogin({ email: "victim@brand.test", password }, "10.2.0.7");
    expect(owner).toMatchObject({ ok: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(SLOW_DOWN_MS - 50);
  });

  it("does not slow down an account with few failures", async () => {
    const { password } = await createUser({ email: "typo@brand.test" });
    await attemptLogin({ email: "typo@brand.test", password: "typo" }, "10.3.0.1");
    const started = Date.now();
    expect(await attemptLogin({ email: "typo@brand.test", password }, "10.3.0.1")).toMatchObject({ ok: true });
    expect(Date.now() - started).toBeLessThan(SLOW_DOWN_MS);
  });
});
