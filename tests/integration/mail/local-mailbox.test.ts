import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { startLocalMailbox } from "../../../scripts/local-mailbox";
import type { Runtime } from "../../../scripts/runtime";
import { withTenant } from "@/lib/db/scope";
import { attemptLogin } from "@/lib/auth/login";
import { signUp } from "@/lib/tenants/sign-up";
import { verifyEmail } from "@/lib/accounts/verify-email";
import { deliverDueAccountMail } from "@/lib/accounts/account-mail";
import { createInvitation } from "@/lib/members/invitations";
import { queueInvitationMail } from "@/lib/mail/messages/invitation";
import { deliverDueMail } from "@/lib/mail/deliver";
import { type MailCatcher, readCaughtMail } from "@/lib/mail/catcher";
import { appBaseUrl } from "@/lib/mail/links";
import { smtpTransport } from "@/lib/mail/transport";
import { createUser } from "@/lib/seed/factories";
import { mailFixture } from "./fixture";

// The demo's local SMTP server (scripts/local-mailbox.ts) announces each account mail it catches, with its links:
// account mail belongs to no workspace's mailbox page, so under `npm run demo` the console is where a newcomer who
// signs up finds the verification link. The mail goes through the real catcher over SMTP, sent by the app's job.

let database: TestDatabase;
let dataDir: string;
let runtime: Runtime;
let catcher: MailCatcher;
const announced: string[] = [];
const FROM = "Steward <no-reply@steward.test>";

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = await mkdtemp(join(tmpdir(), "steward-local-mailbox-"));
  runtime = { databaseUrl: database.url, embedded: null, childEnv: { NODE_ENV: "test" } };
  const started = await startLocalMailbox(runtime, dataDir, { announce: (line) => announced.push(line) });
  if (!started) throw new Error("the local mailbox did not start without SMTP_URL");
  catcher = started;
});
afterAll(async () => {
  await catcher?.close();
  await database.close();
  await rm(dataDir, { recursive: true, force: true });
});

const sendAccountMail = () =>
  deliverDueAccountMail({ transport: smtpTransport(runtime.childEnv.SMTP_URL!), from: FROM });

describe("the demo's local SMTP server", () => {
  it("points the app at itself and keeps the mail in <data dir>/mail", () => {
    expect(runtime.childEnv.SMTP_URL).toBe(catcher.url);
    expect(runtime.childEnv.STEWARD_DEV_MAILBOX_DIR).toBe(join(dataDir, "mail"));
  });

  it("announces a verification mail with its recipient, subject and the link that confirms the address", async () => {
    announced.length = 0;
    await signUp({
      name: "Fiona First",
      email: "fiona@local-mailbox.test",
      password: "long-password-1",
      companyName: "Fiona Goods",
      slug: "fiona-goods",
    });
    expect(await sendAccountMail()).toMatchObject({ sent: 1 });
    await catcher.waitFor(1);
    const [kept] = await readCaughtMail(runtime.childEnv.STEWARD_DEV_MAILBOX_DIR!);
    const link = kept.parsed.text?.match(/https?:\/\/\S+\/verify-email\/[\w-]{20,}/)?.[0];
    expect(link, "the kept mail's verification link").toBeDefined();
    await expect
      .poll(() => announced)
      .toEqual([`Mail to fiona@local-mailbox.test: "Confirm your e-mail address for Steward" → ${link}`]);

    // The printed link is the one that works: a newcomer can finish signing up from the console alone.
    const token = announced[0].match(/\/verify-email\/([\w-]+)$/)?.[1];
    await verifyEmail(token!);
    const login = await attemptLogin({ email: "fiona@local-mailbox.test", password: "long-password-1" }, "10.9.0.1");
    expect(login.ok).toBe(true);
  });

  it("announces every link of a mail that carries several", async () => {
    announced.length = 0;
    const known = await createUser({ email: "known@local-mailbox.test", name: "Kim Known" });
    await signUp({
      name: "Someone Else",
      email: known.user.email,
      password: "long-password-2",
      companyName: "Copycat",
      slug: "copycat-local",
    });
    const before = catcher.messages.length;
    expect(await sendAccountMail()).toMatchObject({ sent: 1 });
    await catcher.waitFor(before + 1);
    await expect
      .poll(() => announced)
      .toEqual([
        'Mail to known@local-mailbox.test: "Someone tried to sign up on Steward with your address" → ' +
          `${appBaseUrl()}/forgot-password ${appBaseUrl()}/login`,
      ]);
  });

  it("leaves workspace mail to the mailbox page: an invitation is kept but not announced", async () => {
    announced.length = 0;
    const f = await mailFixture("local-mailbox");
    await withTenant({ tenantId: f.tenantId }, async (db) => {
      const { invitation, token } = await createInvitation(db, f.tenantId, f.owner.id, {
        email: "invitee@local-mailbox.test",
        role: "ANALYST",
      });
      await queueInvitationMail(db, f.tenantId, {
        invitation,
        tenantName: f.tenant.name,
        inviterName: "Olga Owner",
        acceptUrl: `http://steward.test/invite/${token}`,
      });
    });
    const before = catcher.messages.length;
    expect(await deliverDueMail({ transport: smtpTransport(runtime.childEnv.SMTP_URL!), from: FROM })).toMatchObject({
      sent: 1,
    });
    const caught = await catcher.waitFor(before + 1);
    expect(caught.at(-1)?.envelopeTo).toEqual(["invitee@local-mailbox.test"]);
    const kept = await readCaughtMail(runtime.childEnv.STEWARD_DEV_MAILBOX_DIR!);
    expect(kept.map((m) => m.parsed.subject)).toContain("Olga Owner invited you to local-mailbox Home on Steward");
    expect(announced).toEqual([]);
  });

  it("starts no catcher, so announces nothing, when a real SMTP_URL is configured", async () => {
    const otherDir = await mkdtemp(join(tmpdir(), "steward-real-smtp-"));
    try {
      const realSmtp = { NODE_ENV: "test", SMTP_URL: catcher.url } as const;
      const configured: Runtime = { databaseUrl: database.url, embedded: null, childEnv: { ...realSmtp } };
      expect(await startLocalMailbox(configured, otherDir)).toBeNull();
      expect(configured.childEnv).toEqual(realSmtp);
      expect(existsSync(join(otherDir, "mail"))).toBe(false);
    } finally {
      await rm(otherDir, { recursive: true, force: true });
    }
  });
});
