import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import { createInvitation } from "@/lib/members/invitations";
import { queueInvitationMail } from "@/lib/mail/messages/invitation";
import { deliverDueMail } from "@/lib/mail/deliver";
import { startMailCatcher, type MailCatcher } from "@/lib/mail/catcher";
import { smtpTransport } from "@/lib/mail/transport";
import { MAX_ATTEMPTS, RETRY_DELAYS_SECONDS } from "@/lib/mail/retry";
import { mailFixture, type MailFixture } from "./fixture";

// Mail goes through a real SMTP server started here (lib/mail/catcher.ts on an ephemeral port), never a mocked
// transport; the assertions are on the message as the server received it.

let database: TestDatabase;
let catcher: MailCatcher;
let f: MailFixture;
const FROM = "Steward <no-reply@steward.test>";
const later = (start: Date, seconds: number) => new Date(start.getTime() + seconds * 1000);

beforeAll(async () => {
  database = await createTestDatabase();
  catcher = await startMailCatcher();
  f = await mailFixture("acme");
});
afterAll(async () => {
  await catcher.close();
  await database.close();
});
beforeEach(async () => {
  catcher.messages.length = 0;
  await withTenant({ tenantId: f.tenantId }, (db) => db.emailMessage.deleteMany({}));
});

const invite = (email: string, fail = false) =>
  withTenant({ tenantId: f.tenantId }, async (db) => {
    const { invitation, token } = await createInvitation(db, f.tenantId, f.owner.id, { email, role: "ANALYST" });
    await queueInvitationMail(db, f.tenantId, {
      invitation,
      tenantName: f.tenant.name,
      inviterName: "Olga Owner",
      acceptUrl: `http://steward.test/invite/${token}`,
    });
    if (fail) throw new Error("the change is rolled back");
    return { invitation, token };
  });
const rows = () =>
  withTenant({ tenantId: f.tenantId }, (db) => db.emailMessage.findMany({ orderBy: { createdAt: "asc" } }));

describe("sending queued mail over SMTP", () => {
  it("delivers an invitation with its accept link and expiry in the text and HTML parts", async () => {
    const { token } = await invite("new.analyst@acme.test");
    const result = await deliverDueMail({ transport: smtpTransport(catcher.url), from: FROM });
    expect(result).toEqual({ claimed: 1, sent: 1, retried: 0, failed: 0 });
    const [mail] = await catcher.waitFor(1);
    expect(mail.envelopeTo).toEqual(["new.analyst@acme.test"]);
    expect(mail.parsed.subject).toBe("Olga Owner invited you to acme Home on Steward");
    expect(mail.parsed.from?.text).toContain("no-reply@steward.test");
    const link = `http://steward.test/invite/${token}`;
    expect(mail.parsed.text).toContain(link);
    expect(mail.parsed.text).toMatch(/expires on \w{3}, \d\d \w{3} \d{4}/);
    expect(mail.parsed.html).toContain(`href="${link}"`);
    expect(mail.parsed.html).toContain("acme Home");
    // Invitations cannot be unsubscribed from: no List-Unsubscribe header.
    expect(mail.parsed.headerLines.some((h) => h.key === "list-unsubscribe")).toBe(false);
    const [row] = await rows();
    expect(row).toMatchObject({ status: "SENT", attempts: 1, lastError: null });
  });

  it("queues nothing for a rolled-back change", async () => {
    await expect(invite("ghost@acme.test", true)).rejects.toThrow("rolled back");
    expect(await rows()).toEqual([]);
    expect(await deliverDueMail({ transport: smtpTransport(catcher.url), from: FROM })).toMatchObject({
      claimed: 0,
      sent: 0,
    });
    expect(catcher.messages).toEqual([]);
  });

  it("retries with backoff while the SMTP server is down and delivers exactly once when it is back", async () => {
    const down = await startMailCatcher();
    const port = down.port;
    await down.close();
    const transport = smtpTransport(`smtp://127.0.0.1:${port}`);
    await invite("late.reader@acme.test");
    const start = new Date();

    expect(await deliverDueMail({ transport, from: FROM, now: start })).toMatchObject({
      claimed: 1,
      retried: 1,
      sent: 0,
    });
    let [row] = await rows();
    expect(row.status).toBe("QUEUED");
    expect(row.attempts).toBe(1);
    expect(row.lastError).toMatch(/Could not send: .*ECONNREFUSED/);
    expect(row.nextAttemptAt).toEqual(later(start, RETRY_DELAYS_SECONDS[0]));
    // Not due yet: nothing is claimed before the backoff has passed.
    expect(
      await deliverDueMail({ transport, from: FROM, now: later(start, RETRY_DELAYS_SECONDS[0] - 1) }),
    ).toMatchObject({ claimed: 0 });
    // Second failure: the wait grows.
    const second = later(start, RETRY_DELAYS_SECONDS[0]);
    expect(await deliverDueMail({ transport, from: FROM, now: second })).toMatchObject({ retried: 1 });
    [row] = await rows();
    expect(row.nextAttemptAt).toEqual(later(second, RETRY_DELAYS_SECONDS[1]));

    const up = await startMailCatcher({ port });
    try {
      const third = later(second, RETRY_DELAYS_SECONDS[1]);
      // Two senders at once: the row is claimed by one of them only.
      const results = await Promise.all([
        deliverDueMail({ transport, from: FROM, now: third }),
        deliverDueMail({ transport, from: FROM, now: third }),
      ]);
      expect(results.reduce((n, r) => n + r.sent, 0)).toBe(1);
      expect(await deliverDueMail({ transport, from: FROM, now: later(third, 86_400) })).toMatchObject({ claimed: 0 });
      await up.waitFor(1);
      expect(up.messages.map((m) => m.envelopeTo)).toEqual([["late.reader@acme.test"]]);
      [row] = await rows();
      expect(row).toMatchObject({ status: "SENT", attempts: 3 });
    } finally {
      await up.close();
    }
  });

  it("marks a message FAILED after the last attempt", async () => {
    const dead = await startMailCatcher();
    const transport = smtpTransport(`smtp://127.0.0.1:${dead.port}`);
    await dead.close();
    await invite("never@acme.test");
    let now = new Date();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const result = await deliverDueMail({ transport, from: FROM, now });
      expect(result).toMatchObject(attempt < MAX_ATTEMPTS ? { retried: 1 } : { failed: 1 });
      now = later(now, 86_400);
    }
    const [row] = await rows();
    expect(row).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS });
    expect(await deliverDueMail({ transport, from: FROM, now })).toMatchObject({ claimed: 0 });
  });

  it("queues one message per event and recipient however often the cause repeats", async () => {
    const { invitation } = await invite("twice@acme.test");
    const again = () =>
      withTenant({ tenantId: f.tenantId }, (db) =>
        queueInvitationMail(db, f.tenantId, {
          invitation,
          tenantName: f.tenant.name,
          inviterName: "Olga Owner",
          acceptUrl: "http://steward.test/invite/x",
        }),
      );
    expect(await again()).toBe(0);
    await deliverDueMail({ transport: smtpTransport(catcher.url), from: FROM });
    expect(await again()).toBe(0);
    await deliverDueMail({ transport: smtpTransport(catcher.url), from: FROM });
    expect(catcher.messages).toHaveLength(1);
  });

  it("sends nothing and keeps mail queued when no SMTP server is configured", async () => {
    await invite("patient@acme.test");
    expect(await deliverDueMail({ transport: null })).toEqual({ claimed: 0, sent: 0, retried: 0, failed: 0 });
    expect((await rows())[0].status).toBe("QUEUED");
  });
});
