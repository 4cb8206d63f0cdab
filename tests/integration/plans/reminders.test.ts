import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import type { Actor } from "@/lib/incidents/events";
import { addMember, createPartner, createTenantWithOwner, createUser } from "@/lib/seed/factories";
import { openPlanFromScorecard } from "@/lib/plans/open-plan";
import { addPlanAction, applyPlanEvent, stepPlanAction } from "@/lib/plans/update-plan";
import { planDetail } from "@/lib/plans/queries";
import { addActionSchema } from "@/lib/plans/schemas";
import { runPlanReminderSweep } from "@/lib/plans/reminder-sweep";
import { runPlanOverdueSweep } from "@/lib/plans/overdue-sweep";
import { reminderDue } from "@/lib/plans/progress";
import { HANDLERS } from "@/lib/jobs/handlers";

// An open action's owner is reminded once, two days before its due day, when the plan was agreed to before then.

let database: TestDatabase;
const DAY = 86_400_000;
const NOW = new Date();
const daysFromNow = (n: number) => new Date(NOW.getTime() + n * DAY);
const dayOf = (d: Date) => d.toISOString().slice(0, 10);

const t = { id: "", slug: "plan-reminders", name: "" };
const ids = { partner: "", admin: { user: "", member: "", email: "" }, contact: "", owner: { user: "", member: "" } };
const actions: Record<string, string> = {};
let agreedEarly = "";
let agreedLate = "";

const steward = (): Actor => ({
  userId: ids.owner.user,
  label: "Olivia",
  kind: "steward",
  membershipId: ids.owner.member,
});
const partnerActor = (): Actor => ({
  userId: ids.admin.user,
  label: "Sam",
  kind: "partner",
  membershipId: ids.admin.member,
});
const asSteward = <T>(work: Parameters<typeof withTenant<T>>[1]) => withTenant({ tenantId: t.id }, work);
const asPartner = <T>(work: Parameters<typeof withTenant<T>>[1]) =>
  withTenant({ tenantId: t.id, partnerId: ids.partner, userId: ids.admin.user }, work);

/** Opens a plan from a new Probation scorecard at `at`, adds the actions, and has the partner accept it at `at`. */
async function agreedPlan(month: number, at: Date, list: { key: string; dueInDays: number; owner: string }[]) {
  const planId = await asSteward(async (db) => {
    const card = await db.scorecard.create({
      data: {
        tenantId: t.id,
        partnerId: ids.partner,
        month: new Date(Date.UTC(2026, month, 1)),
        score: 50,
        recommendation: "PROBATION",
        status: "PUBLISHED",
        publishedAt: at,
      },
    });
    const plan = await openPlanFromScorecard(db, t.id, card.id, steward(), at);
    for (const a of list) {
      const added = await addPlanAction(
        db,
        t.id,
        addActionSchema.parse({
          planId: plan.id,
          description: `Action ${a.key}`,
          owner: a.owner,
          dueOn: dayOf(daysFromNow(a.dueInDays)),
          metric: "score",
          target: "70",
        }),
        steward(),
        at,
      );
      actions[a.key] = added.id;
    }
    await applyPlanEvent(db, t.id, { planId: plan.id, event: "propose" }, steward(), at);
    return plan.id;
  });
  await asPartner((db) => applyPlanEvent(db, t.id, { planId, event: "accept" }, partnerActor(), at));
  return planId;
}

beforeAll(async () => {
  database = await createTestDatabase();
  const created = await createTenantWithOwner({ slug: t.slug, ownerName: "Olivia Owner" });
  t.id = created.tenant.id;
  t.name = created.tenant.name;
  ids.owner = { user: created.owner.user.id, member: created.owner.membership.id };
  const admin = (await createUser({ name: "Sam Swift" })).user;
  await asSteward(async (db) => {
    ids.partner = (await createPartner(db, t.id, { name: "Swift" })).id;
    const member = await addMember(db, {
      tenantId: t.id,
      userId: admin.id,
      role: "PARTNER_ADMIN",
      partnerId: ids.partner,
    });
    ids.admin = { user: admin.id, member: member.id, email: admin.email };
    ids.contact = (
      await db.partnerContact.create({
        data: { tenantId: t.id, partnerId: ids.partner, name: "Dee Dispatch", email: "dee@swift.test" },
      })
    ).id;
  });
  agreedEarly = await agreedPlan(1, daysFromNow(-10), [
    { key: "tomorrowContact", dueInDays: 1, owner: `contact:${ids.contact}` },
    { key: "inTwoDaysMember", dueInDays: 2, owner: `member:${ids.admin.member}` },
    { key: "nextWeek", dueInDays: 10, owner: `contact:${ids.contact}` },
    { key: "doneAlready", dueInDays: 1, owner: `contact:${ids.contact}` },
    { key: "overdue", dueInDays: -2, owner: `contact:${ids.contact}` },
    { key: "ownerLeft", dueInDays: 1, owner: `contact:${ids.contact}` },
  ]);
  // Its owner has left the partner since (a removed contact or user leaves the action without an owner).
  await asSteward((db) =>
    db.planAction.updateMany({ where: { tenantId: t.id, id: actions.ownerLeft }, data: { ownerContactId: null } }),
  );
  await asPartner((db) =>
    stepPlanAction(
      db,
      t.id,
      { actionId: actions.doneAlready, step: "markDone", note: "" },
      partnerActor(),
      daysFromNow(-1),
    ),
  );
  // Agreed to yesterday, due tomorrow: its owner knows.
  agreedLate = await agreedPlan(2, daysFromNow(-1), [
    { key: "agreedInWindow", dueInDays: 1, owner: `contact:${ids.contact}` },
  ]);
}, 60_000);
afterAll(() => database?.close());

describe("reminders of actions due soon", () => {
  it("reach the owner once, however many sweeps run at once, and only for actions agreed to before their window", async () => {
    const sweeps = await Promise.all([runPlanReminderSweep(NOW), runPlanReminderSweep(NOW), runPlanReminderSweep(NOW)]);
    expect(sweeps.reduce((n, r) => n + r.reminded, 0)).toBe(3);
    expect(sweeps.reduce((n, r) => n + r.failed, 0)).toBe(0);
    expect((await runPlanReminderSweep(NOW)).reminded).toBe(0);

    const seen = await asSteward(async (db) => ({
      reminded: await db.planAction.findMany({
        where: { tenantId: t.id, remindedAt: { not: null } },
        select: { id: true },
      }),
      mail: await db.emailMessage.findMany({
        where: { tenantId: t.id, kind: "plan_action_overdue" },
        select: { recipient: true, eventKey: true, subject: true },
      }),
      events: await db.planEvent.findMany({
        where: { tenantId: t.id, type: "REMINDED" },
        select: { actionId: true, body: true },
      }),
      notified: await db.notification.findMany({
        where: { tenantId: t.id },
        select: { membershipId: true, link: true, title: true },
      }),
    }));
    expect(seen.reminded.map((a) => a.id).sort()).toEqual(
      [actions.tomorrowContact, actions.inTwoDaysMember, actions.ownerLeft].sort(),
    );
    expect(seen.mail.map((m) => [m.recipient, m.eventKey]).sort()).toEqual(
      [
        ["dee@swift.test", `plan-action-due-soon:${actions.tomorrowContact}`],
        [ids.admin.email, `plan-action-due-soon:${actions.inTwoDaysMember}`],
        // The owner has left: the partner's admins hear of it instead.
        [ids.admin.email, `plan-action-due-soon:${actions.ownerLeft}`],
      ].sort(),
    );
    expect(seen.mail.find((m) => m.recipient === "dee@swift.test")?.subject).toBe(
      `[${t.name}] Corrective action due ${dayOf(daysFromNow(1))}: Action tomorrowContact`,
    );
    expect(seen.events.map((e) => e.actionId).sort()).toEqual(
      [actions.tomorrowContact, actions.inTwoDaysMember, actions.ownerLeft].sort(),
    );
    const bodyOf = (actionId: string) => seen.events.find((e) => e.actionId === actionId)?.body;
    expect(bodyOf(actions.tomorrowContact)).toBe(`Due on ${dayOf(daysFromNow(1))}: Dee Dispatch was reminded.`);
    expect(bodyOf(actions.ownerLeft)).toBe(
      `Due on ${dayOf(daysFromNow(1))}: its owner has left the partner, so the partner's admins were reminded.`,
    );
    // A member is also told in the app, with a link to the plan in the portal; a contact has no account.
    const link = `/portal/${t.slug}/plans/${agreedEarly}`;
    expect(seen.notified.sort((a, b) => a.title.localeCompare(b.title))).toEqual([
      {
        membershipId: ids.admin.member,
        link,
        title: `Corrective action due ${dayOf(daysFromNow(1))}: Action ownerLeft`,
      },
      {
        membershipId: ids.admin.member,
        link,
        title: `Corrective action due ${dayOf(daysFromNow(2))}: Action inTwoDaysMember`,
      },
    ]);
  });

  it("marks the actions due soon on the plan's page, in days", async () => {
    const detail = await asPartner((db) => planDetail(db, t.id, agreedEarly));
    const byId = new Map(detail?.plan.actions.map((a) => [a.id, a]));
    expect(byId.get(actions.tomorrowContact)?.dueSoonInDays).toBe(1);
    expect(byId.get(actions.inTwoDaysMember)?.dueSoonInDays).toBe(2);
    expect(byId.get(actions.nextWeek)?.dueSoonInDays).toBeNull();
    expect(byId.get(actions.doneAlready)?.dueSoonInDays).toBeNull();
    expect(byId.get(actions.overdue)?.dueSoonInDays).toBeNull();
    expect(byId.get(actions.overdue)?.overdue).toBe(true);
    const late = await asSteward((db) => planDetail(db, t.id, agreedLate));
    expect(late?.plan.actions[0].dueSoonInDays).toBe(1);
    expect(late?.events.some((e) => e.type === "REMINDED")).toBe(false);
  });

  it("reminds a later action when its own window opens, and never one the overdue sweep has taken", async () => {
    const later = daysFromNow(9);
    expect((await runPlanReminderSweep(later)).reminded).toBe(1);
    expect((await runPlanOverdueSweep(later)).escalations).toBeGreaterThan(0);
    expect((await runPlanReminderSweep(later)).reminded).toBe(0);
    const reminded = await asSteward((db) =>
      db.planAction.findMany({ where: { tenantId: t.id, remindedAt: { not: null } }, select: { id: true } }),
    );
    expect(reminded.map((a) => a.id).sort()).toEqual(
      [actions.tomorrowContact, actions.inTwoDaysMember, actions.ownerLeft, actions.nextWeek].sort(),
    );
  });

  it("runs from the plans job, which reports both passes", async () => {
    const handler = await HANDLERS["plans.overdue-sweep"]();
    // Everything due now was reminded or escalated by the tests above.
    expect(await handler({}, {} as never)).toMatchObject({ failed: 0, reminded: 0, remindersFailed: 0 });
  });

  it("finds in SQL exactly the actions the rule in TypeScript reminds, at the edges of the window", async () => {
    // One action due on 2030-03-10, its window opening 2030-03-08 00:00 UTC; the sweep's SQL reader against
    // reminderDue() at instants on both sides of each edge, and with the action added or the plan accepted at the
    // window's opening.
    const planId = await agreedPlan(3, new Date("2030-03-01T12:00:00Z"), [
      { key: "edge", dueInDays: 0, owner: `contact:${ids.contact}` },
    ]);
    const due = new Date("2030-03-10T00:00:00Z");
    const opens = new Date("2030-03-08T00:00:00Z");
    const cases: { now: string; createdAt?: Date; acceptedAt?: Date }[] = [
      { now: "2030-03-07T23:59:59.999Z" },
      { now: "2030-03-08T00:00:00.000Z" },
      { now: "2030-03-10T23:59:59.999Z" },
      { now: "2030-03-11T00:00:00.000Z" },
      { now: "2030-03-09T12:00:00.000Z", createdAt: opens },
      { now: "2030-03-09T12:00:00.000Z", createdAt: new Date(opens.getTime() - 1) },
      { now: "2030-03-09T12:00:00.000Z", acceptedAt: opens },
      { now: "2030-03-09T12:00:00.000Z", acceptedAt: new Date(opens.getTime() - 1) },
    ];
    const answers: [string, boolean, boolean][] = [];
    for (const c of cases) {
      const createdAt = c.createdAt ?? new Date("2030-03-01T12:00:00Z");
      const acceptedAt = c.acceptedAt ?? new Date("2030-03-01T12:00:00Z");
      const inSql = await asSteward(async (db) => {
        await db.planAction.updateMany({
          where: { tenantId: t.id, id: actions.edge },
          data: { dueOn: due, createdAt },
        });
        await db.correctivePlan.updateMany({ where: { tenantId: t.id, id: planId }, data: { acceptedAt } });
        const rows = await db.$queryRaw<{ actionId: string }[]>`
          select "actionId" from due_plan_action_reminders(${c.now}::timestamptz at time zone 'UTC', 2, 500)`;
        return rows.some((r) => r.actionId === actions.edge);
      });
      const inTs = reminderDue(
        { status: "OPEN", dueOn: due, createdAt, remindedAt: null },
        { status: "ACCEPTED", acceptedAt },
        new Date(c.now),
      );
      answers.push([`${c.now} created ${createdAt.toISOString()} accepted ${acceptedAt.toISOString()}`, inSql, inTs]);
    }
    expect(answers.filter(([, inSql, inTs]) => inSql !== inTs)).toEqual([]);
    expect(answers.map(([, , inTs]) => inTs)).toEqual([false, true, true, false, false, true, false, true]);
  });
});
