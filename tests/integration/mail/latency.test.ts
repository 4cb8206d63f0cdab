import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import { createIncident as seedIncident } from "@/lib/seed/factories";
import { createInvitation } from "@/lib/members/invitations";
import { queueInvitationMail } from "@/lib/mail/messages/invitation";
import { runEscalationSweep } from "@/lib/incidents/escalation-sweep";
import { publishMonth } from "@/lib/scorecards/compute";
import { deliverDueMail } from "@/lib/mail/deliver";
import { startMailCatcher, type MailCatcher } from "@/lib/mail/catcher";
import { smtpTransport } from "@/lib/mail/transport";
import { mailFixture, type MailFixture } from "./fixture";
import { deliverDueAccountMail } from "@/lib/accounts/account-mail";
import { issueRequestedResetLinks, requestPasswordReset } from "@/lib/accounts/password-reset";
import { signUp } from "@/lib/tenants/sign-up";

// Event to delivery per kind: from just before the transaction that causes the mail to the SMTP server having the
// message, with one sender run right after the commit (the scheduler adds up to STEWARD_MAIL_INTERVAL_MS of wait).

let database: TestDatabase;
let catcher: MailCatcher;
let f: MailFixture;

beforeAll(async () => {
  database = await createTestDatabase();
  catcher = await startMailCatcher();
  f = await mailFixture("timing");
});
afterAll(async () => {
  await catcher.close();
  await database.close();
});

const sendWorkspaceMail = () =>
  deliverDueMail({ transport: smtpTransport(catcher.url), from: "Steward <no-reply@steward.test>" });
const sendAccountMail = async () => {
  // As one run of the mail job: the reset links asked for, then the account outbox.
  await issueRequestedResetLinks();
  return deliverDueAccountMail({ transport: smtpTransport(catcher.url), from: "Steward <no-reply@steward.test>" });
};

async function measure(kind: string, cause: () => Promise<unknown>, expected: number, send = sendWorkspaceMail) {
  const before = catcher.messages.length;
  const start = Date.now();
  await cause();
  await send();
  const received = (await catcher.waitFor(before + expected)).slice(before);
  const ms = Math.max(...received.map((m) => m.receivedAt.getTime())) - start;
  console.log(`event to delivery, ${kind}: ${ms} ms (${received.length} message${received.length === 1 ? "" : "s"})`);
  return ms;
}

describe("event-to-delivery time", () => {
  it("delivers each kind within seconds of its cause", async () => {
    const times = [
      await measure(
        "invitation",
        () =>
          withTenant({ tenantId: f.tenantId }, async (db) => {
            const { invitation, token } = await createInvitation(db, f.tenantId, f.owner.id, {
              email: "timed@timing.test",
              role: "ANALYST",
            });
            await queueInvitationMail(db, f.tenantId, {
              invitation,
              tenantName: f.tenant.name,
              inviterName: "Owner",
              acceptUrl: `http://x.test/invite/${token}`,
            });
          }),
        1,
      ),
      await measure(
        "escalation levels 2 and 3",
        async () => {
          const now = new Date();
          await withTenant({ tenantId: f.tenantId }, (db) =>
            seedIncident(db, f.tenantId, {
              partnerId: f.partner.id,
              touchpointId: f.touchpoint.id,
              severity: "CRITICAL",
              status: "OPEN",
              openedAt: new Date(now.getTime() - 300 * 60_000),
            }),
          );
          await runEscalationSweep(now);
        },
        2,
      ),
      await measure(
        "published scorecard",
        () =>
          withTenant({ tenantId: f.tenantId }, async (db) => {
            const month = new Date(Date.UTC(2026, 9, 1));
            await db.scorecard.create({
              data: { tenantId: f.tenantId, partnerId: f.partner.id, month, status: "DRAFT", score: 70 },
            });
            await publishMonth(db, f.tenantId, month, f.owner.id, new Date(Date.UTC(2026, 10, 3)));
          }),
        1,
      ),
      await measure(
        "escalation level 1 and the SLA warning (partner admin and contact; admin)",
        async () => {
          const now = new Date();
          await withTenant({ tenantId: f.tenantId }, (db) =>
            seedIncident(db, f.tenantId, {
              partnerId: f.partner.id,
              touchpointId: f.touchpoint.id,
              severity: "HIGH",
              status: "OPEN",
              openedAt: new Date(now.getTime() - 50 * 60_000),
            }),
          );
          await runEscalationSweep(now);
        },
        3,
      ),
      await measure(
        "sign-up verification",
        () =>
          signUp({
            name: "Tim Timed",
            email: "tim@timing.test",
            password: "long-password-1",
            companyName: "Timed",
            slug: "timed",
          }),
        1,
        sendAccountMail,
      ),
      await measure("password reset", () => requestPasswordReset("tim@timing.test", "10.5.0.1"), 1, sendAccountMail),
    ];
    for (const ms of times) expect(ms).toBeLessThan(10_000);
  });
});
