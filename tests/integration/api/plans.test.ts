import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { apiFixture, call, type ApiFixture } from "./helpers";
import * as plansRoute from "@/app/api/v1/plans/route";
import * as planRoute from "@/app/api/v1/plans/[id]/route";
import * as evidenceRoute from "@/app/api/v1/plans/[id]/actions/[actionId]/evidence/route";
import { withTenant } from "@/lib/db/scope";
import { addMember, createUser } from "@/lib/seed/factories";
import { openPlanFromScorecard } from "@/lib/plans/open-plan";
import { addPlanAction, applyPlanEvent } from "@/lib/plans/update-plan";
import { addActionSchema } from "@/lib/plans/schemas";
import type { Actor } from "@/lib/incidents/events";

let database: TestDatabase;
let f: ApiFixture;
const ids = { planA: "", actionA: "", planB: "", draftA: "" };

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
    expect(all.body.data.map((p: { id: string }) => p.id).sort()).toEqual([ids.planA, ids.planB].sort());
    const mine = await call(plansRoute.GET, "GET", "/plans", { key: f.partnerKey });
    expect(mine.body.data).toHaveLength(1);
    expect(mine.body.data[0]).toMatchObject({
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
