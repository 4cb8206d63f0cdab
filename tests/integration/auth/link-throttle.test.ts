import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { prisma } from "@/lib/db/client";
import { attemptLogin } from "@/lib/auth/login";
import {
  issueRequestedResetLinks,
  resetPassword,
  resetPasswordFrom,
  requestPasswordReset,
} from "@/lib/accounts/password-reset";
import { verifyEmailFrom } from "@/lib/accounts/verify-email";
import { MAX_LINK_USES_PER_SOURCE } from "@/lib/accounts/link-throttle";
import { INVALID_LINK_MESSAGE } from "@/lib/accounts/tokens";
import { createUser } from "@/lib/seed/factories";

// /reset-password and /verify-email: a junk token is refused before any password is hashed, and one source gets a
// limited number of tries, counted exactly under a burst of parallel requests. The hash function is watched (not
// replaced: it still hashes) to count the hashes done.
const hashes = vi.hoisted(() => ({ count: 0 }));
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/password")>();
  return {
    ...real,
    hashPassword: (password: string) => {
      hashes.count++;
      return real.hashPassword(password);
    },
  };
});

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const junk = (i: number) => `junk-token-${i.toString().padStart(4, "0")}-abcdefghijklmnop`;
const settle = (runs: Promise<unknown>[]) =>
  Promise.allSettled(runs).then((all) =>
    all.map((r) => (r.status === "rejected" ? (r.reason as Error).message : "ok")),
  );

describe("account links under junk requests", () => {
  it("refuses 100 parallel junk reset tokens without hashing a password", async () => {
    hashes.count = 0;
    const answers = await settle(
      Array.from({ length: 100 }, (_, i) => resetPassword({ token: junk(i), password: "a-new-password-9" })),
    );
    expect(answers).toEqual(Array(100).fill(INVALID_LINK_MESSAGE));
    expect(hashes.count).toBe(0);
  });

  it(`lets one source try ${MAX_LINK_USES_PER_SOURCE} reset links under 100 parallel requests, then tells it to wait`, async () => {
    hashes.count = 0;
    const answers = await settle(
      Array.from({ length: 100 }, (_, i) =>
        resetPasswordFrom({ token: junk(i), password: "a-new-password-9" }, "10.9.0.1"),
      ),
    );
    expect(answers.filter((a) => a === INVALID_LINK_MESSAGE)).toHaveLength(MAX_LINK_USES_PER_SOURCE);
    expect(answers.filter((a) => a.startsWith("Too many attempts from your network"))).toHaveLength(
      100 - MAX_LINK_USES_PER_SOURCE,
    );
    expect(hashes.count).toBe(0);
    // The same source is refused for a valid link too, and the confirm link shares the count; another source is not.
    await expect(verifyEmailFrom(junk(0), "10.9.0.1")).rejects.toThrow("Too many attempts from your network");
    await expect(verifyEmailFrom(junk(0), "10.9.0.2")).rejects.toThrow(INVALID_LINK_MESSAGE);
  });

  it("still sets the password with a valid link, hashing once", async () => {
    const { user } = await createUser({ email: "reset-ok@links.test" });
    await requestPasswordReset(user.email, "10.9.0.3");
    await issueRequestedResetLinks();
    const mail = await prisma().accountEmail.findFirstOrThrow({ where: { recipient: user.email } });
    const token = /\/reset-password\/([\w-]{20,})/.exec(mail.text)?.[1] ?? "";
    hashes.count = 0;
    await expect(resetPasswordFrom({ token, password: "brand-new-pass-7" }, "10.9.0.3")).resolves.toBe(user.email);
    expect(hashes.count).toBe(1);
    expect((await attemptLogin({ email: user.email, password: "brand-new-pass-7" }, "10.9.0.3")).ok).toBe(true);
    await expect(resetPasswordFrom({ token, password: "another-pass-8" }, "10.9.0.3")).rejects.toThrow(
      INVALID_LINK_MESSAGE,
    );
  });
});
