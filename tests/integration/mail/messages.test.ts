import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { oneClickUnsubscribeRequest } from "../../setup/one-click";
import { withTenant } from "@/lib/db/scope";
import { createIncident as seedIncident } from "@/lib/seed/factories";
import { runEscalationSweep } from "@/lib/incidents/escalation-sweep";
import { publishMonth } from "@/lib/scorecards/compute";
import { deliverDueMail } from "@/lib/mail/deliver";
import { queueDailyDigests } from "@/lib/mail/digest";
import { setPreference } from "@/lib/mail/preferences";
import { queueMail } from "@/lib/mail/queue";
import { startMailCatcher, type CaughtMail, type MailCatcher } from "@/lib/mail/catcher";
import { smtpTransport } from "@/lib/mail/transport";
import { GET, POST } from "@/app/api/email/unsubscribe/route";
import { mailFixture, type MailFixture } from "./fixture";

// Each kind of message, from its cause to the SMTP server: the escalation ladder, preferences (off, digest),
// one-click unsubscribe, and the published scorecard.

let database: TestDatabase;
let catcher: MailCatcher;
let f: MailFixture;
const MIN = 60_000;

beforeAll(async () => {
  database = await createTestDatabase();
  catcher = await startMailCatcher();
  f = await mailFixture("northwind");
});
afterAll(async () => {
  await catcher.close();
  await database.close();
});
beforeEach(async () => {
  catcher.messages.length = 0;
  await withTenant({ tenantId: f.tenantId }, async (db) => {
    await db.emailMessage.deleteMany({});
    await db.emailPreference.deleteMany({});
  });
});

const send = (now = new Date()) =>
  deliverDueMail({ transport: smtpTransport(catcher.url), from: "Steward <no-reply@steward.test>", now });
const to = (mail: CaughtMail) => mail.envelopeTo.join(",");
/** A header's value as sent (unfolded), or undefined. */
const header = (mail: CaughtMail, name: string) =>
  mail.parsed.headerLines
    .find((h) => h.key === name.toLowerCase())
    ?.line.replace(/\r?\n\s+/g, " ")
    .replace(/^[^:]+:\s*/, "");
/** A CRITICAL incident opened `minutesAgo` and never acknowledged (ack target 15 min, resolve 4 h). */
const lateIncident = (minutesAgo: number, now = new Date()) =>
  withTenant({ tenantId: f.tenantId }, (db) =>
    seedIncident(db, f.tenantId, {
      partnerId: f.partner.id,
      touchpointId: f.touchpoint.id,
      severity: "CRITICAL",
      status: "OPEN",
      title: "Fridge delivered with a dent",
      openedAt: new Date(now.getTime() - minutesAgo * MIN),
    }),
  );

describe("escalation mail", () => {
  it("mails the channel manager at level 2 with what broke, the equity at risk, the SLA clock and a link", async () => {
    const now = new Date();
    const incident = await lateIncident(30, now);
    expect((await runEscalationSweep(now)).escalations).toBe(1);
    expect(await send(now)).toMatchObject({ sent: 1 });
    const [mail] = await catcher.waitFor(1);
    expect(to(mail)).toBe(f.steward.email);
    expect(mail.parsed.subject).toBe(
      `[northwind Home] INC-${incident.number} escalated to level 2: Fridge delivered with a dent`,
    );
    const text = mail.parsed.text ?? "";
    expect(text).toContain("not acknowledged in time");
    expect(text).toContain("Partner: Swift Couriers");
    expect(text).toMatch(/Customer equity at risk: /);
    expect(text).toMatch(/SLA clock: Acknowledge target .* UTC, overdue by 15m/);
    expect(text).toContain(`/t/${f.tenant.slug}/incidents/${incident.id}`);
    expect(text).toContain("You are on level 2 (Channel manager)");
    expect(mail.parsed.html).toContain(`/t/${f.tenant.slug}/incidents/${incident.id}`);
    // Optional mail carries the RFC 8058 one-click unsubscribe headers.
    expect(String(header(mail, "List-Unsubscribe"))).toMatch(
      /^<http:\/\/localhost:\d+\/api\/email\/unsubscribe\?token=.+>$/,
    );
    expect(header(mail, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    // A second sweep escalates nothing and mails nothing.
    await runEscalationSweep(new Date(now.getTime() + MIN));
    expect(await send(new Date(now.getTime() + MIN))).toMatchObject({ claimed: 0 });
  });

  it("mails the executives at level 3 even when they turned escalations off", async () => {
    const now = new Date();
    await withTenant({ tenantId: f.tenantId }, async (db) => {
      await setPreference(db, f.tenantId, f.owner.id, "escalation", "OFF");
      await setPreference(db, f.tenantId, f.steward.id, "escalation", "OFF");
    });
    await lateIncident(300, now);
    expect((await runEscalationSweep(now)).escalations).toBe(2);
    await send(now);
    await catcher.waitFor(1);
    // Level 2 was turned off by the steward; level 3 reaches the owner regardless, without an unsubscribe link.
    expect(catcher.messages.map(to)).toEqual([f.owner.email]);
    expect(catcher.messages[0].parsed.subject).toContain("escalated to level 3");
    expect(header(catcher.messages[0], "List-Unsubscribe")).toBeUndefined();
  });

  it("holds mail for the daily digest and sends one digest the next day", async () => {
    const now = new Date();
    await withTenant({ tenantId: f.tenantId }, (db) =>
      setPreference(db, f.tenantId, f.steward.id, "escalation", "DIGEST"),
    );
    const first = await lateIncident(30, now);
    const second = await lateIncident(40, now);
    await runEscalationSweep(now);
    expect(await send(now)).toMatchObject({ claimed: 0 });
    expect(await queueDailyDigests(now)).toBe(0); // held mail from today waits for tomorrow's digest
    const tomorrow = new Date(now.getTime() + 86_400_000);
    expect(await queueDailyDigests(tomorrow)).toBe(1);
    expect(await queueDailyDigests(tomorrow)).toBe(0);
    await send(tomorrow);
    const [digest] = await catcher.waitFor(1);
    expect(catcher.messages).toHaveLength(1);
    expect(to(digest)).toBe(f.steward.email);
    expect(digest.parsed.subject).toBe("northwind Home: your daily digest (2 updates)");
    expect(digest.parsed.text).toContain(`INC-${first.number} escalated to level 2`);
    expect(digest.parsed.text).toContain(`INC-${second.number} escalated to level 2`);
  });

  it("unsubscribes in one click: the next escalation is not mailed to that member", async () => {
    const now = new Date();
    await lateIncident(30, now);
    await runEscalationSweep(now);
    await send(now);
    const [mail] = await catcher.waitFor(1);
    const link = String(header(mail, "List-Unsubscribe")).slice(1, -1);
    const token = new URL(link).searchParams.get("token")!;
    const path = `http://steward.test/api/email/unsubscribe?token=${encodeURIComponent(token)}`;

    // Opening the link only asks; a forged token is refused.
    const preview = await GET(new Request(path));
    expect(preview.status).toBe(200);
    expect(await preview.text()).toContain("Stop e-mail about escalations from northwind Home?");
    const forged = await POST(new Request(path.replace(/.{4}$/, "AAAA"), { method: "POST" }));
    expect(forged.status).toBe(404);

    const oneClick = await POST(oneClickUnsubscribeRequest(path));
    expect(oneClick.status).toBe(200);
    expect(await oneClick.text()).toContain("You will no longer get e-mail about escalations from northwind Home.");
    const preference = await withTenant({ tenantId: f.tenantId }, (db) =>
      db.emailPreference.findMany({ where: { userId: f.steward.id } }),
    );
    expect(preference.map((p) => [p.kind, p.mode])).toEqual([["escalation", "OFF"]]);

    catcher.messages.length = 0;
    await lateIncident(30, now);
    expect((await runEscalationSweep(now)).escalations).toBe(1);
    expect(await send(now)).toMatchObject({ claimed: 0 });
  });
});

describe("published scorecard mail", () => {
  it("mails each published partner's admins a link to the portal", async () => {
    const month = new Date(Date.UTC(2026, 9, 1));
    await withTenant({ tenantId: f.tenantId }, async (db) => {
      await db.scorecard.create({
        data: { tenantId: f.tenantId, partnerId: f.partner.id, month, status: "DRAFT", score: 82.4 },
      });
      await publishMonth(db, f.tenantId, month, f.owner.id, new Date(Date.UTC(2026, 10, 3)));
    });
    await send();
    const [mail] = await catcher.waitFor(1);
    expect(catcher.messages).toHaveLength(1);
    expect(to(mail)).toBe(f.partnerAdmin.email);
    expect(mail.parsed.subject).toBe("[northwind Home] Swift Couriers: your scorecard for 2026-10 is published");
    expect(mail.parsed.text).toContain("Score: 82 / 100");
    expect(mail.parsed.text).toContain(`/portal/${f.tenant.slug}/scorecard`);
    expect(mail.parsed.text).toContain("You are an admin of Swift Couriers");
  });
});

describe("a customer's one-click stop link", () => {
  it("is refused for a mail to more than one customer: each link stops one customer's mail", async () => {
    const queueTo = (emails: string[]) =>
      withTenant({ tenantId: f.tenantId }, (db) =>
        queueMail(db, f.tenantId, {
          kind: "survey",
          eventKey: `stop-link:${emails.join(",")}`,
          recipients: emails.map((email) => ({ email })),
          mandatory: true,
          oneClickStopUrl: "http://steward.test/api/surveys/stop?token=one-customer",
          compose: async () => ({ subject: "How was it?", html: "<p>?</p>", text: "?" }),
        }),
      );
    await expect(queueTo(["a@customer.test", "b@customer.test"])).rejects.toThrow(/one recipient/);
    expect(await queueTo(["a@customer.test"])).toBe(1);
  });
});
