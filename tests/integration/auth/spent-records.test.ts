import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { prisma } from "@/lib/db/client";
import { attemptLogin, LOGIN_WINDOW_MINUTES, MAX_FAILURES_PER_EMAIL, userForSession } from "@/lib/auth/login";
import { claimSurveyAttempt, SURVEY_WINDOW_MINUTES } from "@/lib/feedback/throttle";
import { requestPasswordReset, RESET_WINDOW_MINUTES } from "@/lib/accounts/password-reset";
import { LINK_WINDOW_MINUTES } from "@/lib/accounts/link-throttle";
import { SIGN_UP_WINDOW_MINUTES } from "@/lib/tenants/sign-up-throttle";
import { CLOCK_MARGIN_MINUTES, discardSpentRecords } from "@/lib/accounts/spent-records";
import { HANDLERS } from "@/lib/jobs/handlers";
import { createUser } from "@/lib/seed/factories";

// Attempt rows from sources that never come back were kept forever (each throttle deletes a source's old rows only
// when that source returns): the hourly accounts.cleanup job now deletes every row past its throttle's window.

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const minutesAgo = (minutes: number, from = new Date()) => new Date(from.getTime() - minutes * 60_000);
/** Past a throttle's window and the cleanup's margin for clocks: spent. */
const spent = (window: number) => minutesAgo(window + CLOCK_MARGIN_MINUTES + 1);
/** A minute before the window's end: still counted, so kept. */
const counted = (window: number) => minutesAgo(window - 1);

describe("spent throttle records and expired sessions", () => {
  it("go once their window has passed, while the limits still count what is inside it", async () => {
    // A spray: one failed sign-in from each of 120 addresses, none of which comes back. Then, inside the window,
    // an attacker fails MAX_FAILURES_PER_EMAIL times against one account from one address.
    const spray = Array.from({ length: 120 }, (_, i) =>
      attemptLogin({ email: `sprayed-${i}@brand.test`, password: "guess" }, `10.9.${Math.floor(i / 100)}.${i % 100}`),
    );
    for (const result of await Promise.all(spray)) expect(result).toEqual({ ok: false, reason: "invalid" });
    await prisma().loginAttempt.updateMany({
      where: { email: { startsWith: "sprayed-" } },
      data: { createdAt: spent(LOGIN_WINDOW_MINUTES) },
    });
    const { password } = await createUser({ email: "target@brand.test" });
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++)
      await attemptLogin({ email: "target@brand.test", password: "guess" }, "10.8.0.1");
    // The attacker's failures are near the end of the window: the limit still counts them, so they must stay.
    await prisma().loginAttempt.updateMany({
      where: { email: "target@brand.test" },
      data: { createdAt: counted(LOGIN_WINDOW_MINUTES) },
    });
    // Past the window by a minute, inside the margin for clocks: kept until the next run.
    await prisma().loginAttempt.create({
      data: {
        email: "margin@brand.test",
        ip: "10.8.9.9",
        succeeded: false,
        createdAt: minutesAgo(LOGIN_WINDOW_MINUTES + 1),
      },
    });

    // Survey answers from a scan of links, long past their window, and one just now.
    for (let i = 0; i < 30; i++) await claimSurveyAttempt(`10.7.0.${i}`, spent(SURVEY_WINDOW_MINUTES));
    await claimSurveyAttempt("10.7.1.1", counted(SURVEY_WINDOW_MINUTES));

    // Password resets: an old one whose link went out, and an old one the mail job has not taken yet.
    await requestPasswordReset("target@brand.test", "10.6.0.1", spent(RESET_WINDOW_MINUTES));
    await requestPasswordReset("nobody@brand.test", "10.6.0.2", spent(RESET_WINDOW_MINUTES));
    await requestPasswordReset("target@brand.test", "10.6.0.3", counted(RESET_WINDOW_MINUTES));
    await prisma().passwordResetAttempt.updateMany({
      where: { ip: { in: ["10.6.0.1", "10.6.0.3"] } },
      data: { linkPending: false },
    });

    // A session past its expiry and one still valid.
    const signedIn = await attemptLogin({ email: "target@brand.test", password }, "10.8.0.2");
    if (!signedIn.ok) throw new Error("the owner could not sign in");
    const { user: lapsed } = await createUser({ email: "lapsed@brand.test" });
    const expired = await prisma().userSession.create({
      data: { userId: lapsed.id, expiresAt: minutesAgo(1), createdAt: minutesAgo(13 * 60) },
    });

    // Old sign-up and link attempts, from sources that never returned.
    await prisma().signUpAttempt.createMany({
      data: Array.from({ length: 10 }, (_, i) => ({ ip: `10.5.0.${i}`, createdAt: spent(SIGN_UP_WINDOW_MINUTES) })),
    });
    await prisma().linkAttempt.createMany({
      data: Array.from({ length: 10 }, (_, i) => ({ ip: `10.4.0.${i}`, createdAt: spent(LINK_WINDOW_MINUTES) })),
    });
    await prisma().signUpAttempt.create({ data: { ip: "10.5.1.1", createdAt: counted(SIGN_UP_WINDOW_MINUTES) } });
    await prisma().linkAttempt.create({ data: { ip: "10.4.1.1", createdAt: counted(LINK_WINDOW_MINUTES) } });

    expect(await discardSpentRecords()).toEqual({
      loginAttempts: 120,
      signUpAttempts: 10,
      linkAttempts: 10,
      surveyAttempts: 30,
      passwordResetAttempts: 1,
      expiredSessions: 1,
    });

    // What is inside its window is kept, and the limit holds on it: the attacker's address is still refused.
    expect(await prisma().loginAttempt.count({ where: { email: "target@brand.test" } })).toBe(
      MAX_FAILURES_PER_EMAIL + 1, // and the owner's successful sign-in
    );
    expect(await prisma().loginAttempt.count({ where: { email: "margin@brand.test" } })).toBe(1);
    expect(await attemptLogin({ email: "target@brand.test", password }, "10.8.0.1")).toMatchObject({
      reason: "rate_limited",
    });
    expect(await prisma().surveyAttempt.count()).toBe(1);
    expect(await prisma().signUpAttempt.count()).toBe(1);
    expect(await prisma().linkAttempt.count()).toBe(1);
    expect(
      (await prisma().passwordResetAttempt.findMany({ select: { ip: true }, orderBy: { ip: "asc" } })).map((r) => r.ip),
    ).toEqual(["10.6.0.2", "10.6.0.3"]);
    expect(await userForSession(signedIn.sessionId, signedIn.userId)).not.toBeNull();
    expect(await prisma().userSession.findUnique({ where: { id: expired.id } })).toBeNull();

    // A second run finds nothing more.
    expect(Object.values(await discardSpentRecords()).every((count) => count === 0)).toBe(true);
  });

  it("are removed by the hourly accounts.cleanup job", async () => {
    await prisma().loginAttempt.create({
      data: { email: "old@brand.test", ip: "10.3.0.1", succeeded: false, createdAt: spent(LOGIN_WINDOW_MINUTES) },
    });
    const handler = await HANDLERS["accounts.cleanup"]();
    await handler({}, {} as never);
    expect(await prisma().loginAttempt.count({ where: { email: "old@brand.test" } })).toBe(0);
  });
});
