import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { prisma } from "@/lib/db/client";
import { signUpFrom } from "@/lib/tenants/sign-up";
import { MAX_SIGN_UPS_PER_SOURCE } from "@/lib/tenants/sign-up-throttle";

// Issue 13, finding 7: sign-up is throttled per source, failed attempts (probing e-mails) included.

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const visitor = (n: number) => ({
  name: `Visitor ${n}`,
  email: `visitor-${n}@signup.test`,
  password: "long-password-1",
  companyName: `Company ${n}`,
  slug: `company-${n}`,
});

describe("sign-up throttle", () => {
  it("refuses a source after the limit, counting refused sign-ups too, while other sources go on", async () => {
    await signUpFrom(visitor(0), "10.9.0.1");
    for (let n = 1; n < MAX_SIGN_UPS_PER_SOURCE; n++)
      await expect(signUpFrom({ ...visitor(n), email: "visitor-0@signup.test" }, "10.9.0.1")).resolves.toEqual({
        email: "visitor-0@signup.test",
      });
    await expect(signUpFrom(visitor(50), "10.9.0.1")).rejects.toThrow(
      /^Too many sign-ups from your network\. Try again in 60 minutes\.$/,
    );
    expect(await prisma().user.findUnique({ where: { email: "visitor-50@signup.test" } })).toBeNull();
    await expect(signUpFrom(visitor(51), "10.9.0.2")).resolves.toEqual({ email: "visitor-51@signup.test" });
  });

  it("holds under a burst of parallel sign-ups from one source", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) => signUpFrom(visitor(100 + i), "10.9.0.3")),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(MAX_SIGN_UPS_PER_SOURCE);
  });
});
