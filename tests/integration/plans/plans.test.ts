import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import type { Actor } from "@/lib/incidents/events";
import {
  addMember,
  createIncident,
  createPartner,
  createSlaPolicies,
  createTenantWithOwner,
  createTouchpoint,
  createUser,
} from "@/lib/seed/factories";
import {
  incidentPatterns,
  openPlanFromPattern,
  openPlanFromScorecard,
  scorecardSuggestions,
} from "@/lib/plans/open-plan";
import { addPlanAction, applyPlanEvent, postEvidence, removePlanAction, stepPlanAction } from "@/lib/plans/update-plan";
import { listPlans, openPlansByPartner, planDetail } from "@/lib/plans/queries";
import { addActionSchema, evidenceSchema } from "@/lib/plans/schemas";
import { escalatePlanAction, runPlanOverdueSweep } from "@/lib/plans/overdue-sweep";
import { DomainError } from "@/lib/errors";

let database: TestDatabase;
const t = { id: "", other: "" };
const ids = {
  swift: "",
  metro: "",
  swiftAdmin: { user: "", member: "" },
  metroAdmin: { user: "", member: "" },
  owner: { user: "", member: "" },
  contact: "",
  touchpoint: "",
  probationCard: "",
  secondProbationCard: "",
  maintainCard: "",
  otherTenantPlan: "",
};
const NOW = new Date();
const monthsAgo = (n: number) => new Date(Date.UTC(NOW.getUTCFullYear(), NOW.getUTCMonth() - n, 1));
const DAY = 86_400_000;

const steward = (): Actor => ({
  userId: ids.owner.user,
  label: "Olivia Owner",
  kind: "steward",
  membershipId: ids.owner.member,
});
const swiftActor = (): Actor => ({
  userId: ids.swiftAdmin.user,
  label: "Sam (Swift)",
  kind: "partner",
  membershipId: ids.swiftAdmin.member,
});
const asSteward = <T>(work: Parameters<typeof withTenant<T>>[1]) => withTenant({ tenantId: t.id }, work);
const asPartner = <T>(partnerId: string, userId: string, work: Parameters<typeof withTenant<T>>[1]) =>
  withTenant({ tenantId: t.id, partnerId, userId }, work);

beforeAll(async () => {
  database = await createTestDatabase();
  const created = await createTenantWithOwner({ slug: "plans-main", ownerName: "Olivia Owner" });
  t.id = created.tenant.id;
  ids.owner = { user: created.owner.user.id, member: created.owner.membership.id };
  const swiftUser = (await createUser({ name: "Sam Swift" })).user.id;
  const metroUser = (await createUser({ name: "Mia Metro" })).user.id;
  await asSteward(async (db) => {
    await createSlaPolicies(db, t.id);
    const swift = await createPartner(db, t.id, { name: "Swift" });
    const metro = await createPartner(db, t.id, { name: "Metro" });
    ids.swift = swift.id;
    ids.metro = metro.id;
    const sm = await addMember(db, { tenantId: t.id, userId: swiftUser, role: "PARTNER_ADMIN", partnerId: swift.id });
    const mm = await addMember(db, { tenantId: t.id, userId: metroUser, role: "PARTNER_ADMIN", partnerId: metro.id });
    ids.swiftAdmin = { user: swiftUser, member: sm.id };
    ids.metroAdmin = { user: metroUser, member: mm.id };
    ids.contact = (
      await db.partnerContact.create({
        data: { tenantId: t.id, partnerId: swift.id, name: "Dee Dispatch", email: "dee@swift.test" },
      })
    ).id;
    ids.touchpoint = (await createTouchpoint(db, t.id, { name: "Doorstep" })).id;
    const card = (partnerId: string, month: Date, score: number, recommendation: "PROBATION" | "MAINTAIN") =>
      db.scorecard.create({
        data: {
          tenantId: t.id,
          partnerId,
          month,
          score,
          complianceScore: score - 5,
          recommendation,
          status: "PUBLISHED",
          publishedAt: NOW,
        },
      });
    ids.probationCard = (await card(swift.id, monthsAgo(3), 48, "PROBATION")).id;
    ids.secondProbationCard = (await card(swift.id, monthsAgo(2), 55.5, "PROBATION")).id;
    ids.maintainCard = (await card(metro.id, monthsAgo(2), 80, "MAINTAIN")).id;
    for (let n = 0; n < 3; n++)
      await createIncident(db, t.id, {
        partnerId: swift.id,
        touchpointId: ids.touchpoint,
        openedAt: new Date(NOW.getTime() - (10 + n) * DAY),
        rootCause: n === 0 ? "Driver shortage " : "driver shortage",
      });
  });
  const other = await createTenantWithOwner({ slug: "plans-other" });
  t.other = other.tenant.id;
  await withTenant({ tenantId: t.other }, async (db) => {
    const partner = await createPartner(db, t.other, { name: "Elsewhere" });
    const card = await db.scorecard.create({
      data: {
        tenantId: t.other,
        partnerId: partner.id,
        month: monthsAgo(2),
        score: 40,
        recommendation: "EXIT",
        status: "PUBLISHED",
      },
    });
    const plan = await openPlanFromScorecard(db, t.other, card.id, {
      userId: other.owner.user.id,
      label: "Other owner",
      kind: "steward",
      membershipId: other.owner.membership.id,
    });
    ids.otherTenantPlan = plan.id;
  });
});

afterAll(async () => {
  await database?.close();
});

describe("a corrective-action plan from a Probation scorecard", () => {
  let planId = "";
  let actionId = "";

  it("opens as a draft the partner cannot see yet, with the scorecard as its reason", async () => {
    const plan = await asSteward((db) => openPlanFromScorecard(db, t.id, ids.probationCard, steward(), monthsAgo(3)));
    planId = plan.id;
    expect(plan.status).toBe("DRAFT");
    const detail = await asSteward((db) => planDetail(db, t.id, planId));
    expect(detail?.plan.reason).toMatch(/^Scorecard of .+: Probation \(score 48\)$/);
    expect(detail?.scorecard?.id).toBe(ids.probationCard);
    expect(await asPartner(ids.swift, ids.swiftAdmin.user, (db) => planDetail(db, t.id, planId))).toBeNull();
    await expect(asSteward((db) => openPlanFromScorecard(db, t.id, ids.probationCard, steward()))).rejects.toThrow(
      "This scorecard already has an open plan.",
    );
    await expect(asSteward((db) => openPlanFromScorecard(db, t.id, ids.maintainCard, steward()))).rejects.toThrow(
      "Only a scorecard in the Develop, Probation or Exit band opens a corrective-action plan.",
    );
  });

  it("takes actions whose baseline is the metric on the scorecard it was opened from, then is proposed", async () => {
    await expect(asSteward((db) => applyPlanEvent(db, t.id, { planId, event: "propose" }, steward()))).rejects.toThrow(
      "Add at least one action before proposing the plan.",
    );
    const input = addActionSchema.parse({
      planId,
      description: "Hire two weekend drivers",
      owner: `member:${ids.swiftAdmin.member}`,
      dueOn: new Date(NOW.getTime() + 14 * DAY).toISOString().slice(0, 10),
      metric: "score",
      target: "65",
    });
    actionId = (await asSteward((db) => addPlanAction(db, t.id, input, steward()))).id;
    // A Metro user cannot own a Swift action.
    await expect(
      asSteward((db) => addPlanAction(db, t.id, { ...input, owner: `member:${ids.metroAdmin.member}` }, steward())),
    ).rejects.toThrow("The owner must be a user or contact of this partner.");
    await asSteward((db) => applyPlanEvent(db, t.id, { planId, event: "propose" }, steward()));
    const detail = await asSteward((db) => planDetail(db, t.id, planId));
    expect(detail?.plan.status).toBe("PROPOSED");
    expect(detail?.plan.actions[0]).toMatchObject({ baseline: 48, target: 65, owner: "Sam Swift" });
    // The movement since the plan opened: the newest published month of its opening month or later.
    expect(detail?.plan.actions[0].movement).toMatchObject({ baseline: 48, latest: 55.5, target: 65, reached: false });
  });

  it("is accepted and evidenced by the partner, verified by the steward, and every step is on the timeline", async () => {
    await expect(asSteward((db) => applyPlanEvent(db, t.id, { planId, event: "accept" }, steward()))).rejects.toThrow(
      "Only the partner can do this.",
    );
    await asPartner(ids.swift, ids.swiftAdmin.user, (db) =>
      applyPlanEvent(db, t.id, { planId, event: "accept" }, swiftActor()),
    );
    const evidence = evidenceSchema.parse({
      actionId,
      body: "Two drivers signed, rota attached",
      link: "https://swift.test/rota.pdf",
      markDone: true,
    });
    const done = await asPartner(ids.swift, ids.swiftAdmin.user, (db) =>
      postEvidence(db, t.id, evidence, swiftActor()),
    );
    expect(done.status).toBe("DONE");
    await expect(asSteward((db) => applyPlanEvent(db, t.id, { planId, event: "verify" }, steward()))).rejects.toThrow(
      "Verify every action before closing the plan as verified.",
    );
    await asSteward((db) => stepPlanAction(db, t.id, { actionId, step: "verify" }, steward()));
    await asSteward((db) => applyPlanEvent(db, t.id, { planId, event: "verify" }, steward()));
    const detail = await asPartner(ids.swift, ids.swiftAdmin.user, (db) => planDetail(db, t.id, planId));
    expect(detail?.plan.status).toBe("VERIFIED");
    expect(detail?.plan.progress).toEqual({ total: 1, done: 1, verified: 1, overdue: 0 });
    expect(detail?.events.map((e) => e.type)).toEqual([
      "OPENED",
      "ACTION_ADDED",
      "PROPOSED",
      "ACCEPTED",
      "STARTED",
      "EVIDENCE",
      "ACTION_DONE",
      "ACTION_VERIFIED",
      "VERIFIED",
    ]);
    expect(detail?.events.find((e) => e.type === "EVIDENCE")?.link).toBe("https://swift.test/rota.pdf");
  });
});

describe("walls around plans", () => {
  it("shows a partner only its own plans, and another partner's or tenant's id is not found", async () => {
    const mine = await asPartner(ids.metro, ids.metroAdmin.user, (db) => listPlans(db, t.id, {}));
    expect(mine.total).toBe(0);
    const swiftPlans = await asSteward((db) => listPlans(db, t.id, { partnerId: ids.swift }));
    const swiftAction = swiftPlans.plans[0].actions[0].id;
    const metroActor: Actor = {
      userId: ids.metroAdmin.user,
      label: "Mia",
      kind: "partner",
      membershipId: ids.metroAdmin.member,
    };
    const err = await asPartner(ids.metro, ids.metroAdmin.user, (db) =>
      postEvidence(db, t.id, evidenceSchema.parse({ actionId: swiftAction, body: "not mine" }), metroActor),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).kind).toBe("not-found");
    expect(
      await asPartner(ids.metro, ids.metroAdmin.user, (db) => planDetail(db, t.id, swiftPlans.plans[0].id)),
    ).toBeNull();
    expect(await asSteward((db) => planDetail(db, t.id, ids.otherTenantPlan))).toBeNull();
    await expect(
      asSteward((db) => applyPlanEvent(db, t.id, { planId: ids.otherTenantPlan, event: "propose" }, steward())),
    ).rejects.toThrow("That plan was not found.");
  });
});

describe("plans from incident patterns", () => {
  it("suggests a pattern of three incidents with the same root cause, once, and opens a plan from it", async () => {
    const patterns = await asSteward((db) => incidentPatterns(db, t.id));
    expect(patterns).toHaveLength(1);
    expect(patterns[0]).toMatchObject({
      partnerId: ids.swift,
      touchpointId: ids.touchpoint,
      count: 3,
      openPlanId: null,
    });
    const plan = await asSteward((db) =>
      openPlanFromPattern(
        db,
        t.id,
        { partnerId: ids.swift, touchpointId: ids.touchpoint, rootCause: "DRIVER SHORTAGE" },
        steward(),
      ),
    );
    const after = await asSteward((db) => incidentPatterns(db, t.id));
    expect(after[0].openPlanId).toBe(plan.id);
    await expect(
      asSteward((db) =>
        openPlanFromPattern(
          db,
          t.id,
          { partnerId: ids.swift, touchpointId: ids.touchpoint, rootCause: "driver shortage" },
          steward(),
        ),
      ),
    ).rejects.toThrow("This pattern already has an open plan.");
    // The scorecard suggestions list the newest month's Probation card (the older one already has a plan).
    const suggestions = await asSteward((db) => scorecardSuggestions(db, t.id));
    expect(suggestions.map((s) => s.partnerId)).toEqual([ids.swift]);
  });
});

describe("overdue actions", () => {
  it("escalate to the owner and partner admins, then the channel manager, exactly once per level", async () => {
    const planId = await asSteward(async (db) => {
      const [patternPlan] = (await listPlans(db, t.id, { status: "DRAFT" })).plans;
      const due = new Date(NOW.getTime() - 2 * DAY).toISOString().slice(0, 10);
      await addPlanAction(
        db,
        t.id,
        addActionSchema.parse({
          planId: patternPlan.id,
          description: "Publish a weekend rota",
          owner: `contact:${ids.contact}`,
          dueOn: due,
          metric: "incidentScore",
          baseline: 40,
          target: 70,
        }),
        steward(),
      );
      await applyPlanEvent(db, t.id, { planId: patternPlan.id, event: "propose" }, steward());
      return patternPlan.id;
    });
    // Proposed, not accepted: nothing is due yet.
    expect((await runPlanOverdueSweep(NOW)).escalations).toBe(0);
    await asPartner(ids.swift, ids.swiftAdmin.user, (db) =>
      applyPlanEvent(db, t.id, { planId, event: "accept" }, swiftActor()),
    );
    const first = await Promise.all([runPlanOverdueSweep(NOW), runPlanOverdueSweep(NOW)]);
    expect(first.reduce((n, r) => n + r.escalations, 0)).toBe(1);
    expect((await runPlanOverdueSweep(NOW)).escalations).toBe(0);
    const later = new Date(NOW.getTime() + 5 * DAY);
    expect((await runPlanOverdueSweep(later)).escalations).toBe(1);
    expect((await runPlanOverdueSweep(later)).escalations).toBe(0);

    const seen = await asSteward(async (db) => ({
      escalations: await db.planActionEscalation.findMany({ where: { tenantId: t.id }, select: { level: true } }),
      mail: await db.emailMessage.findMany({
        where: { tenantId: t.id, kind: "plan_action_overdue" },
        select: { recipient: true, eventKey: true },
        orderBy: { recipient: "asc" },
      }),
      notified: await db.notification.findMany({
        where: { tenantId: t.id },
        select: { membershipId: true, link: true },
      }),
      action: await db.planAction.findFirst({ where: { tenantId: t.id, planId }, select: { escalationLevel: true } }),
      events: await db.planEvent.count({ where: { tenantId: t.id, planId, type: "OVERDUE" } }),
    }));
    expect(seen.escalations.map((e) => e.level).sort()).toEqual([1, 2]);
    expect(seen.action?.escalationLevel).toBe(2);
    expect(seen.events).toBe(2);
    const owner = await asSteward((db) =>
      db.user.findFirst({ where: { id: ids.owner.user }, select: { email: true } }),
    );
    const swiftEmail = await asSteward((db) =>
      db.membership.findFirst({ where: { id: ids.swiftAdmin.member }, select: { user: { select: { email: true } } } }),
    );
    expect(seen.mail.map((m) => [m.recipient, m.eventKey.split(":")[2]]).sort()).toEqual(
      [
        ["dee@swift.test", "1"],
        [swiftEmail!.user.email, "1"],
        [owner!.email, "2"],
      ].sort(),
    );
    expect(seen.notified.map((n) => n.membershipId).sort()).toEqual([ids.owner.member, ids.swiftAdmin.member].sort());
    expect(seen.notified.find((n) => n.membershipId === ids.swiftAdmin.member)?.link).toBe(
      `/portal/plans-main/plans/${planId}`,
    );
    // The partner sees the overdue count in its progress.
    const partnerView = await asPartner(ids.swift, ids.swiftAdmin.user, (db) => planDetail(db, t.id, planId));
    expect(partnerView?.plan.progress.overdue).toBe(1);
    // Escalating an action directly again changes nothing.
    const actionId = partnerView!.plan.actions[0].id;
    expect(await asSteward((db) => escalatePlanAction(db, t.id, actionId, later))).toBe(0);
    // The scorecards table names each partner's open plan (the verified one is closed).
    expect(await asSteward((db) => openPlansByPartner(db, t.id))).toEqual({
      [ids.swift]: { id: planId, status: "ACCEPTED", done: 0, total: 1 },
    });
  });
});

describe("a disputed plan", () => {
  it("goes back to the steward with the partner's reason, changes only then, and is proposed and accepted again", async () => {
    // Runs last: the plan it opens takes the newest Probation card out of the suggestions tested above.
    const plan = await asSteward((db) =>
      openPlanFromScorecard(db, t.id, ids.secondProbationCard, steward(), monthsAgo(2)),
    );
    const action = (description: string) =>
      addActionSchema.parse({
        planId: plan.id,
        description,
        owner: `contact:${ids.contact}`,
        dueOn: new Date(NOW.getTime() + 21 * DAY).toISOString().slice(0, 10),
        metric: "score",
        target: "70",
      });
    const first = await asSteward((db) => addPlanAction(db, t.id, action("Cover Sunday routes"), steward()));
    await asSteward((db) => applyPlanEvent(db, t.id, { planId: plan.id, event: "propose" }, steward()));

    // A dispute needs a reason, and only the partner disputes.
    await expect(
      asPartner(ids.swift, ids.swiftAdmin.user, (db) =>
        applyPlanEvent(db, t.id, { planId: plan.id, event: "dispute", reason: "  " }, swiftActor()),
      ),
    ).rejects.toThrow("Say why you dispute the plan.");
    await expect(
      asSteward((db) => applyPlanEvent(db, t.id, { planId: plan.id, event: "dispute", reason: "no" }, steward())),
    ).rejects.toThrow("Only the partner can do this.");
    // While proposed, the actions the partner was shown cannot change under it.
    await expect(
      asSteward((db) => addPlanAction(db, t.id, action("Slipped in after proposing"), steward())),
    ).rejects.toThrow(DomainError);

    const reason = "Sunday cover needs a third driver we cannot hire before March";
    await asPartner(ids.swift, ids.swiftAdmin.user, (db) =>
      applyPlanEvent(db, t.id, { planId: plan.id, event: "dispute", reason }, swiftActor()),
    );
    const disputed = await asSteward((db) => planDetail(db, t.id, plan.id));
    expect(disputed?.plan.status).toBe("DISPUTED");
    expect(disputed?.plan.disputeReason).toBe(reason);
    expect(disputed?.events.find((e) => e.type === "DISPUTED")?.body).toBe(reason);
    // The partner cannot accept what it disputed until the steward proposes again.
    await expect(
      asPartner(ids.swift, ids.swiftAdmin.user, (db) =>
        applyPlanEvent(db, t.id, { planId: plan.id, event: "accept" }, swiftActor()),
      ),
    ).rejects.toThrow(DomainError);

    // The steward answers the dispute by changing the actions, then proposes again.
    await asSteward((db) => removePlanAction(db, t.id, first.id, steward()));
    await asSteward((db) => addPlanAction(db, t.id, action("Cover Sunday routes from March"), steward()));
    await asSteward((db) => applyPlanEvent(db, t.id, { planId: plan.id, event: "propose" }, steward()));
    await asPartner(ids.swift, ids.swiftAdmin.user, (db) =>
      applyPlanEvent(db, t.id, { planId: plan.id, event: "accept" }, swiftActor()),
    );
    const accepted = await asPartner(ids.swift, ids.swiftAdmin.user, (db) => planDetail(db, t.id, plan.id));
    expect(accepted?.plan.status).toBe("ACCEPTED");
    expect(accepted?.plan.disputeReason).toBeNull();
    expect(accepted?.plan.actions.map((a) => a.description)).toEqual(["Cover Sunday routes from March"]);
    expect(accepted?.events.map((e) => e.type)).toEqual([
      "OPENED",
      "ACTION_ADDED",
      "PROPOSED",
      "DISPUTED",
      "ACTION_REMOVED",
      "ACTION_ADDED",
      "PROPOSED",
      "ACCEPTED",
    ]);
  });
});
