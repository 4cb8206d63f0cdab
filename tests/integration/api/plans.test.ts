import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { apiFixture, call, type ApiFixture } from "./helpers";
import * as plansRoute from "@/app/api/v1/plans/route";
import * as planRoute from "@/app/api/v1/plans/[id]/route";
import * as evidenceRoute from "@/app/api/v1/plans/[id]/actions/[actionId]/evidence/route";
import * as decisionRoute from "@/app/api/v1/plans/[id]/decision/route";
import { withTenant } from "@/lib/db/scope";
import { addMember, createUser } from "@/lib/seed/factories";
import { openPlanFromScorecard } from "@/lib/plans/open-plan";
import { addPlanAction, applyPlanEvent } from "@/lib/plans/update-plan";
import { addActionSchema } from "@/lib/plans/schemas";
import type { Actor } from "@/lib/incidents/events";

let database: TestDatabase;
let f: ApiFixture;
const ids = { planA: "", actionA: "", planB: "", draftA: "", proposedA: "" };

beforeAll(async () => {
  database = await createTestDatabase();
  f = await apiFixture("plans-api");
  const adminA = (await createUser()).user.id;
  const steward: Actor = { userId: f.ownerId, label: "Owner", kind: "steward" };
  await withTenant({ tenantId: f.tenantId }, async (db) => {
    const memberA = await addMember(db, {
      tenantId: f.tenantId,
      userId: adminA,
      role: "PARTNER_ADMIN",
      partnerId: f.partnerA.id,
    });
    const open = async (partnerId: string, month: string, propose: boolean) => {
      const card = await db.scorecard.create({
        data: {
          tenantId: f.tenantId,
          partnerId,
          month: new Date(`${month}-01T00:00:00Z`),
          score: 45,
          recommendation: "PROBATION",
          status: "PUBLISHED",
        },
      });
      const plan = await openPlanFromScorecard(db, f.tenantId, card.id, steward);
      const owner =
        partnerId === f.partnerA.id
          ? `member:${memberA.id}`
          : `contact:${(await db.partnerContact.create({ data: { tenantId: f.tenantId, partnerId, name: "Bo" } })).id}`;
      const action = await addPlanAction(
        db,
        f.tenantId,
        addActionSchema.parse({
          planId: plan.id,
          description: "Retrain crews",
          owner,
          dueOn: "2099-01-31",
          metric: "score",
          target: 60,
        }),
        steward,
      );
      if (propose) await applyPlanEvent(db, f.tenantId, { planId: plan.id, event: "propose" }, steward);
      return { plan: plan.id, action: action.id };
    };
    const a = await open(f.partnerA.id, "2026-01", true);
    ids.planA = a.plan;
    ids.actionA = a.action;
    ids.planB = (await open(f.partnerB.id, "2026-01", true)).plan;
    ids.draftA = (await open(f.partnerA.id, "2026-02", false)).plan;
    ids.proposedA = (await open(f.partnerA.id, "2026-03", true)).plan;
    await applyPlanEvent(
      db,
      f.tenantId,
      { planId: ids.planA, event: "accept" },
      { userId: adminA, label: "Alpha admin", kind: "partner" },
    );
  });
});

afterAll(async () => {
  await database?.close();
});

describe("GET /api/v1/plans", () => {
  it("lists proposed and later plans (never drafts); a partner key only its own", async () => {
    const all = await call(plansRoute.GET, "GET", "/plans", { key: f.tenantKey });
    expect(all.status).toBe(200);
    expect(all.body.data.map((p: { id: string }) => p.id).sort()).toEqual([ids.planA, ids.planB, ids.proposedA].sort());
    const mine = await call(plansRoute.GET, "GET", "/plans", { key: f.partnerKey });
    expect(mine.body.data.map((p: { id: string }) => p.id).sort()).toEqual([ids.planA, ids.proposedA].sort());
    expect(mine.body.data.find((p: { id: string }) => p.id === ids.planA)).toMatchObject({
      id: ids.planA,
      status: "ACCEPTED",
      progress: { total: 1, done: 0, verified: 0, overdue: 0 },
    });
    const other = await call(plansRoute.GET, "GET", `/plans?partnerId=${f.partnerB.id}`, { key: f.partnerKey });
    expect(other.body.data).toEqual([]);
    const bad = await call(plansRoute.GET, "GET", "/plans?status=NOPE", { key: f.tenantKey });
    expect(bad.status).toBe(400);
  });
});

describe("GET /api/v1/plans/{id}", () => {
  it("returns the plan with its actions; a draft, another partner's or an unknown id is 404", async () => {
    const got = await call(planRoute.GET, "GET", `/plans/${ids.planA}`, {
      key: f.partnerKey,
      params: { id: ids.planA },
    });
    expect(got.status).toBe(200);
    expect(got.body.actions).toEqual([
      expect.objectContaining({
        id: ids.actionA,
        dueOn: "2099-01-31",
        status: "OPEN",
        movement: expect.objectContaining({ baseline: 45, target: 60 }),
      }),
    ]);
    for (const [key, id] of [
      [f.partnerKey, ids.planB],
      [f.tenantKey, ids.draftA],
      [f.tenantKey, "00000000-0000-7000-8000-000000000000"],
    ]) {
      const res = await call(planRoute.GET, "GET", `/plans/${id}`, { key, params: { id } });
      expect(res.status, id).toBe(404);
    }
  });
});

describe("POST /api/v1/plans/{id}/actions/{actionId}/evidence", () => {
  const path = () => `/plans/${ids.planA}/actions/${ids.actionA}/evidence`;
  const params = () => ({ id: ids.planA, actionId: ids.actionA });

  it("posts evidence and marks the action done for a partner key, once per Idempotency-Key", async () => {
    const body = { body: "Crews retrained on 3 March", link: "https://alpha.test/training", markDone: true };
    const headers = { "Idempotency-Key": "evidence-1" };
    const first = await call(evidenceRoute.POST, "POST", path(), {
      key: f.partnerKey,
      body,
      headers,
      params: params(),
    });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ id: ids.actionA, planId: ids.planA, status: "DONE" });
    const again = await call(evidenceRoute.POST, "POST", path(), {
      key: f.partnerKey,
      body,
      headers,
      params: params(),
    });
    expect(again.status).toBe(201);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    const events = await withTenant({ tenantId: f.tenantId }, (db) =>
      db.planEvent.findMany({
        where: { tenantId: f.tenantId, planId: ids.planA },
        select: { type: true, actorLabel: true },
      }),
    );
    expect(events.filter((e) => e.type === "EVIDENCE")).toEqual([
      { type: "EVIDENCE", actorLabel: "api key Alpha TMS" },
    ]);
    const plan = await call(planRoute.GET, "GET", `/plans/${ids.planA}`, {
      key: f.tenantKey,
      params: { id: ids.planA },
    });
    expect(plan.body.status).toBe("IN_PROGRESS");
  });

  it("refuses a tenant-wide key, another partner's plan, an action of another plan and a bad link", async () => {
    const body = { body: "More evidence" };
    expect((await call(evidenceRoute.POST, "POST", path(), { key: f.tenantKey, body, params: params() })).status).toBe(
      403,
    );
    const otherPlan = { id: ids.planB, actionId: ids.actionA };
    expect(
      (await call(evidenceRoute.POST, "POST", path(), { key: f.partnerKey, body, params: otherPlan })).status,
    ).toBe(404);
    const notItsAction = { id: ids.draftA, actionId: ids.actionA };
    expect(
      (await call(evidenceRoute.POST, "POST", path(), { key: f.partnerKey, body, params: notItsAction })).status,
    ).toBe(404);
    const badLink = await call(evidenceRoute.POST, "POST", path(), {
      key: f.partnerKey,
      body: { body: "See it", link: "javascript:alert(1)" },
      params: params(),
    });
    expect(badLink.status).toBe(422);
    expect(badLink.body.errors).toEqual([
      { field: "body.link", message: "The link must start with http:// or https://" },
    ]);
    const empty = await call(evidenceRoute.POST, "POST", path(), {
      key: f.partnerKey,
      body: { body: "" },
      params: params(),
    });
    expect(empty.status).toBe(422);
  });
});

describe("POST /api/v1/plans/{id}/decision", () => {
  const decide = (key: string, id: string, body: unknown, headers: Record<string, string> = {}) =>
    call(decisionRoute.POST, "POST", `/plans/${id}/decision`, { key, body, headers, params: { id } });
  const status = (id: string) =>
    withTenant({ tenantId: f.tenantId }, async (db) => {
      const plan = await db.correctivePlan.findFirst({ where: { id }, select: { status: true, disputeReason: true } });
      const events = await db.planEvent.findMany({
        where: { planId: id },
        select: { type: true, actorLabel: true, body: true },
        orderBy: { createdAt: "asc" },
      });
      return { ...plan, events: events.filter((e) => e.type === "ACCEPTED" || e.type === "DISPUTED") };
    });

  it("lets the partner's key dispute with a reason, then accept once the brand proposes again", async () => {
    expect((await decide(f.tenantKey, ids.proposedA, { decision: "accept" })).status).toBe(403);
    expect((await decide(f.partnerKey, ids.planB, { decision: "accept" })).status).toBe(404);
    expect((await decide(f.partnerKey, ids.draftA, { decision: "accept" })).status).toBe(404);
    const noReason = await decide(f.partnerKey, ids.proposedA, { decision: "dispute", reason: "  " });
    expect(noReason.status).toBe(422);
    expect(noReason.body.detail).toBe("Say why you dispute the plan.");
    const bad = await decide(f.partnerKey, ids.proposedA, { decision: "maybe" });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([{ field: "decision", message: "decision must be accept or dispute." }]);
    expect((await status(ids.proposedA)).status).toBe("PROPOSED");

    const reason = "Retraining needs six weeks, not four";
    const headers = { "Idempotency-Key": "dispute-1" };
    const disputed = await decide(f.partnerKey, ids.proposedA, { decision: "dispute", reason }, headers);
    expect(disputed.status).toBe(200);
    expect(disputed.body).toEqual({ id: ids.proposedA, status: "DISPUTED", disputeReason: reason });
    const replay = await decide(f.partnerKey, ids.proposedA, { decision: "dispute", reason }, headers);
    expect(replay.headers.get("Idempotent-Replayed")).toBe("true");
    // A disputed plan is the brand's to change: the partner cannot accept it until it is proposed again.
    const early = await decide(f.partnerKey, ids.proposedA, { decision: "accept" });
    expect(early.status).toBe(422);
    await withTenant({ tenantId: f.tenantId }, (db) =>
      applyPlanEvent(
        db,
        f.tenantId,
        { planId: ids.proposedA, event: "propose" },
        {
          userId: f.ownerId,
          label: "Owner",
          kind: "steward",
        },
      ),
    );
    const accepted = await decide(f.partnerKey, ids.proposedA, { decision: "accept" });
    expect(accepted.body).toEqual({ id: ids.proposedA, status: "ACCEPTED", disputeReason: null });
    expect(await status(ids.proposedA)).toEqual({
      status: "ACCEPTED",
      // Proposing again answered the dispute; its reason stays on the timeline.
      disputeReason: null,
      events: [
        { type: "DISPUTED", actorLabel: "api key Alpha TMS", body: reason },
        { type: "ACCEPTED", actorLabel: "api key Alpha TMS", body: null },
      ],
    });
  });
});
