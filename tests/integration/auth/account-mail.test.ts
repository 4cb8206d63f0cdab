import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import pg from "pg";
import { prisma } from "@/lib/db/client";
import { setContext, withTenant } from "@/lib/db/scope";
import { attemptLogin, userForSession } from "@/lib/auth/login";
import { signUp } from "@/lib/tenants/sign-up";
import { verifyEmail } from "@/lib/accounts/verify-email";
import {
  issueRequestedResetLinks,
  MAX_RESETS_PER_ADDRESS,
  MAX_RESETS_PER_SOURCE,
  requestPasswordReset,
  resetPassword,
} from "@/lib/accounts/password-reset";
import { deliverDueAccountMail } from "@/lib/accounts/account-mail";
import { discardAbandonedSignUps, PENDING_SIGN_UP_DAYS } from "@/lib/accounts/pending-cleanup";
import { INVALID_LINK_MESSAGE } from "@/lib/accounts/tokens";
import { startMailCatcher } from "@/lib/mail/catcher";
import { smtpTransport } from "@/lib/mail/transport";
import { addMember, createUser } from "@/lib/seed/factories";

// Issue 16: e-mail verification at sign-up with one answer for known and new addresses, and password reset with a
// single-use, expiring token that ends every session, throttled per address and per source under a burst.

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const mailsTo = (recipient: string) =>
  prisma().accountEmail.findMany({ where: { recipient }, orderBy: { createdAt: "asc" } });
/** The token in the newest account mail to `recipient` whose link starts with `path`. */
async function tokenFrom(recipient: string, path: "/verify-email/" | "/reset-password/") {
  const mails = await mailsTo(recipient);
  const text = mails.map((m) => m.text).join("\n");
  const tokens = [...text.matchAll(new RegExp(`${path}([\\w-]{20,})`, "g"))].map((m) => m[1]);
  expect(tokens.length, `a ${path} link mailed to ${recipient}`).toBeGreaterThan(0);
  return tokens[tokens.length - 1];
}
const minutesLater = (minutes: number) => new Date(Date.now() + minutes * 60_000);
const owner = (n: string) => ({
  name: `Owner ${n}`,
  email: `owner-${n}@verify.test`,
  password: "long-password-1",
  companyName: `Company ${n}`,
  slug: `company-${n}`,
});

describe("e-mail verification at sign-up", () => {
  it("mails a new address a link; sign-in waits for it; the link works once", async () => {
    await expect(signUp(owner("a"))).resolves.toEqual({ email: "owner-a@verify.test" });
    const [mail] = await mailsTo("owner-a@verify.test");
    expect(mail).toMatchObject({ kind: "verify_email", subject: "Confirm your e-mail address for Steward" });
    expect(mail.html).toContain("/verify-email/");
    expect(await attemptLogin({ email: "owner-a@verify.test", password: "long-password-1" }, "10.1.0.1")).toEqual({
      ok: false,
      reason: "unverified",
    });
    const token = await tokenFrom("owner-a@verify.test", "/verify-email/");
    // only the hash is stored
    expect(await prisma().accountToken.count({ where: { tokenHash: token } })).toBe(0);
    await verifyEmail(token);
    await expect(verifyEmail(token)).rejects.toThrow(INVALID_LINK_MESSAGE);
    const login = await attemptLogin({ email: "owner-a@verify.test", password: "long-password-1" }, "10.1.0.1");
    expect(login.ok).toBe(true);
  });

  it("refuses an expired, a mistyped and a wrong-purpose token", async () => {
    await signUp(owner("b"));
    const token = await tokenFrom("owner-b@verify.test", "/verify-email/");
    await expect(verifyEmail(token, minutesLater(24 * 60 + 1))).rejects.toThrow(INVALID_LINK_MESSAGE);
    await expect(verifyEmail(`${token.slice(0, -2)}xx`)).rejects.toThrow(INVALID_LINK_MESSAGE);
    await expect(verifyEmail("short")).rejects.toThrow(INVALID_LINK_MESSAGE);
    await expect(resetPassword({ token, password: "another-password-2" })).rejects.toThrow(INVALID_LINK_MESSAGE);
    const user = await prisma().user.findUniqueOrThrow({ where: { email: "owner-b@verify.test" } });
    expect(user.emailVerifiedAt).toBeNull();
    await verifyEmail(token); // still usable within its day
  });

  it("answers a known address exactly as a new one, and mails the owner of the address instead", async () => {
    const { user } = await createUser({ email: "known@verify.test", name: "Kim Known" });
    const answer = await signUp({ ...owner("c"), email: "known@verify.test" });
    expect(answer).toEqual({ email: "known@verify.test" });
    expect(await prisma().user.count({ where: { email: "known@verify.test" } })).toBe(1);
    const [mail] = await mailsTo("known@verify.test");
    expect(mail.kind).toBe("sign_up_existing");
    expect(mail.subject).toBe("Someone tried to sign up on Steward with your address");
    expect(mail.text).toContain("/login");
    expect(mail.text).toContain("/forgot-password");
    expect(mail.text).toContain("Kim Known");
    // the workspace address was not taken by the attempt
    await expect(signUp(owner("c"))).resolves.toEqual({ email: "owner-c@verify.test" });
    expect(user.emailVerifiedAt).not.toBeNull();
  });

  it("sends a never-verified address a new link; a taken workspace address answers the same for any e-mail", async () => {
    await signUp(owner("d"));
    await signUp({ ...owner("d"), slug: "company-d-again" });
    const mails = await mailsTo("owner-d@verify.test");
    expect(mails.map((m) => m.kind)).toEqual(["verify_email", "verify_email"]);
    // the second sign-up replaced the first's workspace: its address is the one taken now
    await expect(signUp({ ...owner("x"), slug: "company-d-again" })).rejects.toThrow("That workspace address is taken");
    await expect(signUp({ ...owner("d"), slug: "company-a" })).rejects.toThrow("That workspace address is taken");
  });

  it("gives a pre-registered, never-verified address to the one who proves it, with the account they defined", async () => {
    const victim = "victim@verify.test";
    // An attacker signs up first with the victim's address and a password of their own.
    await signUp({ name: "Mallory", email: victim, password: "attacker-pass-1", companyName: "Trap", slug: "trap" });
    const attackerLink = await tokenFrom(victim, "/verify-email/");
    // The victim signs up with their own details, and confirms with the link they get.
    await signUp({
      name: "Vera Victim",
      email: victim,
      password: "victims-own-pass-2",
      companyName: "Vera Co",
      slug: "vera",
    });
    const victimLink = await tokenFrom(victim, "/verify-email/");
    expect(victimLink).not.toBe(attackerLink);
    await expect(verifyEmail(attackerLink)).rejects.toThrow(INVALID_LINK_MESSAGE); // the earlier sign-up's link is void
    await verifyEmail(victimLink);
    expect(await attemptLogin({ email: victim, password: "attacker-pass-1" }, "10.1.0.9")).toMatchObject({ ok: false });
    const login = await attemptLogin({ email: victim, password: "victims-own-pass-2" }, "10.1.0.9");
    expect(login.ok).toBe(true);
    const user = await prisma().$transaction(async (tx) => {
      const { id } = await tx.user.findUniqueOrThrow({ where: { email: victim }, select: { id: true } });
      await setContext(tx, { userId: id }); // a user's memberships are readable in its own context only
      return tx.user.findUniqueOrThrow({
        where: { id },
        select: { name: true, memberships: { select: { role: true, tenant: { select: { slug: true, name: true } } } } },
      });
    });
    expect(user).toEqual({
      name: "Vera Victim",
      memberships: [{ role: "OWNER", tenant: { slug: "vera", name: "Vera Co" } }],
    });
    // the attacker's workspace is gone, and its address free again
    await expect(signUp({ ...owner("t"), slug: "trap" })).resolves.toEqual({ email: "owner-t@verify.test" });
    // A pending account that somehow sits in a workspace with others leaves it, and the workspace stays.
    await signUp({
      name: "Pat",
      email: "pat@verify.test",
      password: "pats-first-pass-1",
      companyName: "Team",
      slug: "team",
    });
    const team = await prisma().$transaction(async (tx) => {
      const pat = await tx.user.findUniqueOrThrow({ where: { email: "pat@verify.test" }, select: { id: true } });
      await setContext(tx, { userId: pat.id });
      const { tenantId } = await tx.membership.findFirstOrThrow({
        where: { userId: pat.id },
        select: { tenantId: true },
      });
      return tenantId;
    });
    const { user: colleague } = await createUser({ email: "colleague@verify.test" });
    await withTenant({ tenantId: team }, (db) =>
      addMember(db, { tenantId: team, userId: colleague.id, role: "STEWARD" }),
    );
    await signUp({
      name: "Pat",
      email: "pat@verify.test",
      password: "pats-other-pass-2",
      companyName: "Solo",
      slug: "solo",
    });
    const members = await withTenant({ tenantId: team }, (db) =>
      db.membership.findMany({ where: { tenantId: team }, select: { userId: true } }),
    );
    expect(members).toEqual([{ userId: colleague.id }]);
  });
});

describe("password reset", () => {
  it("answers the same for an unknown address and mails nothing", async () => {
    await expect(requestPasswordReset("nobody@reset.test", "10.2.0.1")).resolves.toBeUndefined();
    expect(await issueRequestedResetLinks()).toBe(0);
    expect(await mailsTo("nobody@reset.test")).toHaveLength(0);
  });

  it("runs the same statements in the request for a known and an unknown address; the mail job mails the link", async () => {
    const { user } = await createUser({ email: "known@same.test" });
    const statements = async (email: string, ip: string) => {
      const seen: string[] = [];
      // Every statement of the app's connections passes here (the pool's and the transactions' clients alike).
      const query = pg.Client.prototype.query;
      pg.Client.prototype.query = function (this: pg.Client, text: unknown, ...rest: unknown[]) {
        seen.push(typeof text === "string" ? text : String((text as { text?: string }).text));
        return (query as (...args: unknown[]) => unknown).call(this, text, ...rest);
      } as typeof query;
      try {
        await requestPasswordReset(email, ip);
      } finally {
        pg.Client.prototype.query = query;
      }
      // Parameters aside, the same text: a known address does no more work in the request than an unknown one.
      return seen.map((text) => text.replace(/\$\d+/g, "$"));
    };
    const known = await statements(user.email, "10.2.1.1");
    const unknown = await statements("stranger@same.test", "10.2.1.2");
    expect(known.length).toBeGreaterThan(0);
    expect(known).toEqual(unknown);
    expect(await mailsTo(user.email)).toHaveLength(0);
    expect(await issueRequestedResetLinks()).toBe(1);
    expect(await mailsTo(user.email)).toHaveLength(1);
    expect(await issueRequestedResetLinks()).toBe(0); // each request is mailed once
  });

  it("sets the password once with a fresh token, ends every session, and refuses the token again", async () => {
    const { user, password } = await createUser({ email: "rita@reset.test", name: "Rita Reset" });
    const first = await attemptLogin({ email: user.email, password }, "10.2.0.2");
    const second = await attemptLogin({ email: user.email, password }, "10.2.0.3");
    if (!first.ok || !second.ok) throw new Error("sign-in should succeed");
    await requestPasswordReset(user.email, "10.2.0.2");
    await requestPasswordReset(user.email, "10.2.0.2");
    await issueRequestedResetLinks();
    const [older, newer] = (await mailsTo(user.email)).map((m) => m.text.match(/\/reset-password\/([\w-]{20,})/)?.[1]);
    expect(older && newer && older !== newer).toBe(true);
    await expect(resetPassword({ token: newer!, password: "new-password-77" })).resolves.toBe(user.email);
    expect(await userForSession(first.sessionId, user.id)).toBeNull();
    expect(await userForSession(second.sessionId, user.id)).toBeNull();
    await expect(resetPassword({ token: newer!, password: "third-password-99" })).rejects.toThrow(INVALID_LINK_MESSAGE);
    // the other link mailed before dies with the one used
    await expect(resetPassword({ token: older!, password: "third-password-99" })).rejects.toThrow(INVALID_LINK_MESSAGE);
    expect((await attemptLogin({ email: user.email, password }, "10.2.0.4")).ok).toBe(false);
    expect((await attemptLogin({ email: user.email, password: "new-password-77" }, "10.2.0.4")).ok).toBe(true);
  });

  it("refuses an expired token, keeps the old password, and confirms an unverified address when used", async () => {
    await signUp(owner("e"));
    await requestPasswordReset("owner-e@verify.test", "10.2.0.5");
    await issueRequestedResetLinks();
    const token = await tokenFrom("owner-e@verify.test", "/reset-password/");
    await expect(resetPassword({ token, password: "new-password-77" }, minutesLater(31))).rejects.toThrow(
      INVALID_LINK_MESSAGE,
    );
    await resetPassword({ token, password: "new-password-77" }, minutesLater(29));
    const login = await attemptLogin({ email: "owner-e@verify.test", password: "new-password-77" }, "10.2.0.5");
    expect(login.ok).toBe(true);
  });

  it(`mails one address at most ${MAX_RESETS_PER_ADDRESS} times under 100 parallel requests from 100 sources`, async () => {
    const { user } = await createUser({ email: "burst@reset.test" });
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, (_, i) => requestPasswordReset(user.email, `10.3.${Math.floor(i / 50)}.${i % 50}`)),
    );
    expect(results.filter((r) => r.status === "rejected")).toHaveLength(0); // the answer stays the same
    await Promise.all([issueRequestedResetLinks(), issueRequestedResetLinks()]);
    expect(await mailsTo(user.email)).toHaveLength(MAX_RESETS_PER_ADDRESS);
    expect(await prisma().accountToken.count({ where: { userId: user.id, purpose: "PASSWORD_RESET" } })).toBe(
      MAX_RESETS_PER_ADDRESS,
    );
  });

  it(`lets one source ask ${MAX_RESETS_PER_SOURCE} times under 100 parallel requests, then tells it to wait`, async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, (_, i) => requestPasswordReset(`spray-${i}@reset.test`, "10.4.0.1")),
    );
    const refused = results.filter((r) => r.status === "rejected");
    expect(results.length - refused.length).toBe(MAX_RESETS_PER_SOURCE);
    for (const r of refused)
      expect((r as PromiseRejectedResult).reason.message).toMatch(
        /^Too many password resets asked from your network\. Try again in 60 minutes\.$/,
      );
    // another source is not held back
    await expect(requestPasswordReset("spray-0@reset.test", "10.4.0.2")).resolves.toBeUndefined();
  });
});

describe("account mail delivery", () => {
  it("sends over SMTP once, then keeps no token link in the outbox", async () => {
    const catcher = await startMailCatcher();
    try {
      await prisma().accountEmail.deleteMany({});
      await signUp(owner("f"));
      const transport = smtpTransport(catcher.url);
      const first = await deliverDueAccountMail({ transport, from: "Steward <no-reply@steward.test>" });
      expect(first).toEqual({ claimed: 1, sent: 1, retried: 0, failed: 0 });
      expect(await deliverDueAccountMail({ transport })).toMatchObject({ claimed: 0 });
      const [received] = await catcher.waitFor(1);
      expect(received.envelopeTo).toEqual(["owner-f@verify.test"]);
      expect(received.parsed.subject).toBe("Confirm your e-mail address for Steward");
      expect(received.parsed.text).toMatch(/\/verify-email\/[\w-]{20,}/);
      expect(received.parsed.html).toContain("Confirm my e-mail address");
      const [row] = await mailsTo("owner-f@verify.test");
      expect(row).toMatchObject({ status: "SENT", attempts: 1, html: "", text: "" });
    } finally {
      await catcher.close();
    }
  });
});

describe("abandoned sign-ups", () => {
  it("removes a never-verified account after a week with no new link, with its workspace, freeing both addresses", async () => {
    await signUp(owner("gone"));
    await signUp(owner("fresh"));
    const { user: verified } = await createUser({ email: "kept@verify.test" });
    const weekAndADay = new Date(Date.now() + (PENDING_SIGN_UP_DAYS + 1) * 86_400_000);
    // Within the week nothing goes.
    expect(await discardAbandonedSignUps()).toBe(0);
    // A new link asked for within the week keeps the account: the fresh one asks again two days before the sweep.
    const fresh = await prisma().user.findUniqueOrThrow({ where: { email: "owner-fresh@verify.test" } });
    await prisma().accountToken.updateMany({
      where: { userId: fresh.id },
      data: { createdAt: new Date(weekAndADay.getTime() - 2 * 86_400_000) },
    });
    // (Other tests of this file left pending sign-ups of their own: they go too.)
    expect(await discardAbandonedSignUps(weekAndADay)).toBeGreaterThanOrEqual(1);
    expect(await prisma().user.findUnique({ where: { email: "owner-gone@verify.test" } })).toBeNull();
    expect(await prisma().user.findUnique({ where: { email: "owner-fresh@verify.test" } })).not.toBeNull();
    expect(await prisma().user.findUnique({ where: { id: verified.id } })).not.toBeNull();
    // The workspace went with it: its address can be taken again, by the address's real owner.
    await expect(signUp(owner("gone"))).resolves.toEqual({ email: "owner-gone@verify.test" });
    expect(await discardAbandonedSignUps()).toBe(0);
  });
});
