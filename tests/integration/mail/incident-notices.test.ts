import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import { addMember, createIncident as seedIncident, createUser } from "@/lib/seed/factories";
import { runEscalationSweep } from "@/lib/incidents/escalation-sweep";
import { dueNotices } from "@/lib/incidents/incident-notices";
import { deliverDueMail } from "@/lib/mail/deliver";
import { setPreference } from "@/lib/mail/preferences";
import { startMailCatcher, type CaughtMail, type MailCatcher } from "@/lib/mail/catcher";
import { smtpTransport } from "@/lib/mail/transport";
import { mailFixture, type MailFixture } from "./fixture";

// Issue 16: the escalation sweep mails level 1 (the partner's users and contacts) while the acknowledge window is
// open, and an SLA warning at 80% of the window to the next deadline (the assignee, else the partner's admins):
// exactly once per incident and notice, however many sweeps run, and as the recipients' preferences say.

let database: TestDatabase;
let catcher: MailCatcher;
let f: MailFixture;
const MIN = 60_000;

beforeAll(async () => {
  database = await createTestDatabase();
  catcher = await startMailCatcher();
  f = await mailFixture("notices");
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
    await db.incident.updateMany({ where: { status: "OPEN" }, data: { status: "CLOSED", nextDueAt: null } });
  });
});

const send = (now: Date) =>
  deliverDueMail({ transport: smtpTransport(catcher.url), from: "Steward <no-reply@steward.test>", now });
const to = (mail: CaughtMail) => mail.envelopeTo.join(",");
const at = (base: Date, minutes: number) => new Date(base.getTime() + minutes * MIN);
const rows = () =>
  withTenant({ tenantId: f.tenantId }, (db) =>
    db.emailMessage.findMany({ orderBy: [{ kind: "asc" }, { recipient: "asc" }] }),
  );
/** A HIGH incident (acknowledge in 60 min, resolve in 24 h) opened at `openedAt`, unassigned unless said. */
const incident = (openedAt: Date, assigneeId?: string) =>
  withTenant({ tenantId: f.tenantId }, (db) =>
    seedIncident(db, f.tenantId, {
      partnerId: f.partner.id,
      touchpointId: f.touchpoint.id,
      severity: "HIGH",
      status: "OPEN",
      title: "Sofa left at the wrong door",
      openedAt,
      assigneeId,
    }),
  );

describe("level-1 mail and the SLA warning", () => {
  it("mails the partner once at level 1, then warns its admins once at 80% of the acknowledge window", async () => {
    const opened = new Date();
    const inc = await incident(opened);
    // Three sweeps at once: the level-1 mail is written once per recipient.
    const first = await Promise.all([
      runEscalationSweep(opened),
      runEscalationSweep(opened),
      runEscalationSweep(opened),
    ]);
    expect(first.reduce((s, r) => s + r.notices, 0)).toBe(1);
    expect((await rows()).map((r) => [r.kind, r.recipient])).toEqual([
      ["escalation", f.partnerAdmin.email],
      ["escalation", `dispatch@swift-notices.test`],
    ]);
    await send(opened);
    await catcher.waitFor(2);
    const level1 = catcher.messages.find((m) => to(m) === `dispatch@swift-notices.test`)!;
    expect(level1.parsed.subject).toBe(
      `[notices Home] INC-${inc.number} escalated to level 1: Sofa left at the wrong door`,
    );
    expect(level1.parsed.text).toContain("was opened and routed to the partner");
    expect(level1.parsed.text).toContain(`/portal/notices/incidents/${inc.id}`);
    expect(level1.parsed.text).toMatch(/SLA clock: Acknowledge by .* UTC \(1h 00m left\)/);

    // Before 80% (47 of 60 minutes) nothing; at 48 minutes the warning, once, to the partner's admin.
    expect((await runEscalationSweep(at(opened, 47))).notices).toBe(0);
    const warned = await Promise.all([runEscalationSweep(at(opened, 48)), runEscalationSweep(at(opened, 48))]);
    expect(warned.reduce((s, r) => s + r.notices, 0)).toBe(1);
    expect((await runEscalationSweep(at(opened, 50))).notices).toBe(0);
    const warnings = (await rows()).filter((r) => r.kind === "sla_warning");
    expect(warnings.map((r) => [r.recipient, r.eventKey])).toEqual([
      [f.partnerAdmin.email, `sla-warning:${inc.id}:ACK`],
    ]);
    catcher.messages.length = 0;
    await send(at(opened, 48));
    const [warning] = await catcher.waitFor(1);
    expect(to(warning)).toBe(f.partnerAdmin.email);
    expect(warning.parsed.subject).toBe(
      `[notices Home] INC-${inc.number}: 12m left to acknowledge Sofa left at the wrong door`,
    );
    expect(warning.parsed.text).toContain("12m left to acknowledge it before the SLA is breached and it escalates.");
    expect(warning.parsed.headerLines.some((h) => h.key === "list-unsubscribe")).toBe(true);
    // The incident has nothing more due until 80% of its resolve window.
    expect((await dueNotices(at(opened, 50))).filter((d) => d.incidentId === inc.id)).toHaveLength(0);
  });

  it("warns the assignee about the resolve deadline, and no one who turned SLA warnings off", async () => {
    const opened = new Date(Date.now() - 10 * MIN);
    const { user } = await createUser({ email: "ann@notices.test", name: "Ann Assignee" });
    const assignee = await withTenant({ tenantId: f.tenantId }, (db) =>
      addMember(db, { tenantId: f.tenantId, userId: user.id, role: "STEWARD" }),
    );
    const inc = await incident(opened, assignee.id);
    await withTenant({ tenantId: f.tenantId }, (db) =>
      db.incident.updateMany({
        where: { id: inc.id },
        data: { status: "IN_PROGRESS", acknowledgedAt: at(opened, 5), nextDueAt: inc.resolveDueAt },
      }),
    );
    // An acknowledged incident gets no level-1 mail; at 80% of 24 h (19h 12m) its assignee is warned.
    expect((await runEscalationSweep(at(opened, 60))).notices).toBe(0);
    expect((await runEscalationSweep(at(opened, 19 * 60 + 12))).notices).toBe(1);
    const warning = (await rows()).filter((r) => r.kind === "sla_warning");
    expect(warning.map((r) => [r.recipient, r.eventKey])).toEqual([[user.email, `sla-warning:${inc.id}:RESOLVE`]]);
    expect(warning[0].text).toContain(`/t/notices/incidents/${inc.id}`);

    // Another incident, the assignee having turned SLA warnings off: marked, nothing written.
    await withTenant({ tenantId: f.tenantId }, (db) => setPreference(db, f.tenantId, user.id, "sla_warning", "OFF"));
    const quiet = await incident(at(opened, 1), assignee.id);
    await withTenant({ tenantId: f.tenantId }, (db) =>
      db.incident.updateMany({
        where: { id: quiet.id },
        data: { status: "IN_PROGRESS", acknowledgedAt: at(opened, 5), nextDueAt: quiet.resolveDueAt },
      }),
    );
    expect((await runEscalationSweep(at(opened, 19 * 60 + 13 + 1))).notices).toBe(1);
    expect((await rows()).filter((r) => r.eventKey === `sla-warning:${quiet.id}:RESOLVE`)).toHaveLength(0);
  });

  it("sends no level-1 mail for an incident found after its acknowledge window (level 2 took over)", async () => {
    const opened = new Date(Date.now() - 90 * MIN);
    const late = await incident(opened);
    const result = await runEscalationSweep();
    expect(result.escalations).toBe(1);
    const kinds = (await rows()).filter((r) => r.eventKey.includes(late.id)).map((r) => r.eventKey);
    expect(kinds.every((k) => k === `escalation:${late.id}:2`)).toBe(true);
  });
});
