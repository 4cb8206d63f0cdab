import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import { apiFixture, call, type ApiFixture } from "./helpers";
import * as incidents from "@/app/api/v1/incidents/route";
import * as incident from "@/app/api/v1/incidents/[id]/route";
import * as status from "@/app/api/v1/incidents/[id]/status/route";
import * as comments from "@/app/api/v1/incidents/[id]/comments/route";
import * as scorecards from "@/app/api/v1/scorecards/route";
import * as scorecard from "@/app/api/v1/scorecards/[id]/route";

let database: TestDatabase;
let f: ApiFixture;
let other: ApiFixture;

beforeAll(async () => {
  database = await createTestDatabase();
  f = await apiFixture("acme");
  other = await apiFixture("globex");
});
afterAll(() => database.close());

const incidentBody = (fx: ApiFixture, overrides: Record<string, unknown> = {}) => ({
  partnerId: fx.partnerA.id,
  touchpointId: fx.touchpointA.id,
  customerId: fx.customerA.id,
  severity: "HIGH",
  category: "Late delivery",
  title: "Parcel two days late",
  description: "The customer waited at home two days for a missed delivery slot.",
  costRefunds: 25.5,
  ...overrides,
});

const open = async (key: string, overrides: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  call(incidents.POST as never, "POST", "/incidents", { key, body: incidentBody(f, overrides), headers });
const get = (key: string, id: string) =>
  call(incident.GET as never, "GET", `/incidents/${id}`, { key, params: { id } });
const move = (key: string, id: string, body: unknown) =>
  call(status.POST as never, "POST", `/incidents/${id}/status`, { key, body, params: { id } });

describe("POST /incidents", () => {
  it("opens a numbered incident with SLA deadlines through the shared core: timeline, outbox, audit", async () => {
    const res = await open(f.tenantKey, { externalRef: "erp-1" });
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe(`/api/v1/incidents/${res.body.id}`);
    expect(res.body).toMatchObject({
      number: 1,
      reference: "INC-1",
      status: "OPEN",
      source: "API",
      severity: "HIGH",
      costRefunds: 25.5,
      externalRef: "erp-1",
      escalationLevel: 1,
    });
    // HIGH defaults: acknowledge within 60 minutes, 24/7 when the workspace has no policy.
    expect(new Date(res.body.ackDueAt).getTime() - new Date(res.body.openedAt).getTime()).toBeGreaterThan(0);
    const { events, outbox, audit } = await withTenant({ tenantId: f.tenantId }, async (db) => ({
      events: await db.incidentEvent.findMany({ where: { incidentId: res.body.id } }),
      outbox: await db.outboxMessage.findMany({ where: { topic: "incident.created" } }),
      audit: await db.auditLog.findMany({ where: { entityId: res.body.id } }),
    }));
    expect(events.map((e) => [e.type, e.actorLabel])).toEqual([["CREATED", "API key ERP"]]);
    expect(outbox.map((o) => (o.payload as { incidentId: string }).incidentId)).toEqual([res.body.id]);
    expect(audit.map((a) => [a.action, a.actorLabel])).toEqual([["incident.created", "api key ERP"]]);

    const second = await open(f.tenantKey);
    expect(second.body.number).toBe(2);
  });

  it("replays a retried create with the same Idempotency-Key and opens nothing twice", async () => {
    const before = await withTenant({ tenantId: f.tenantId }, (db) => db.incident.count());
    const results = await Promise.all(
      [1, 2, 3].map(() =>
        open(f.tenantKey, { title: "Retried over a flaky link" }, { "Idempotency-Key": "inc-retry-1" }),
      ),
    );
    const created = results.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    for (const r of results) if (r.status === 201) expect(r.body.id).toBe(created[0].body.id);
    const again = await open(f.tenantKey, { title: "Retried over a flaky link" }, { "Idempotency-Key": "inc-retry-1" });
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body.id).toBe(created[0].body.id);
    expect(await withTenant({ tenantId: f.tenantId }, (db) => db.incident.count())).toBe(before + 1);
  });

  it("validates with field messages and refuses unknown references, writing nothing", async () => {
    const bad = await open(f.tenantKey, { severity: "URGENT", title: "x", costRefunds: -1 });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(["costRefunds", "severity", "title"]);
    expect(bad.body.errors.find((e: { field: string }) => e.field === "title").message).toBe(
      "Give the incident a short title (3 characters or more).",
    );
    const unknown = await open(f.tenantKey, { touchpointId: other.touchpointA.id });
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail).toBe("That touchpoint was not found.");
    const foreignTenant = await open(f.tenantKey, { partnerId: other.partnerA.id });
    expect(foreignTenant.status).toBe(404);
  });

  it("refuses a touchpoint the partner does not handle with a 422 naming the field, writing nothing", async () => {
    const before = await withTenant({ tenantId: f.tenantId }, (db) => db.incident.count());
    const wrong = await open(f.tenantKey, { touchpointId: f.touchpointB.id });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors).toEqual([
      {
        field: "touchpointId",
        message: `${f.partnerA.name} does not handle Installation: choose one of its touchpoints.`,
      },
    ]);
    expect(await withTenant({ tenantId: f.tenantId }, (db) => db.incident.count())).toBe(before);
  });

  it("lets a partner key open incidents only against its own partner (another partner is 404)", async () => {
    const own = await open(f.partnerKey, { customerId: undefined });
    expect(own.status).toBe(201);
    expect(own.body.partnerId).toBe(f.partnerA.id);
    const before = await withTenant({ tenantId: f.tenantId }, (db) => db.incident.count());
    const foreign = await open(f.partnerKey, {
      partnerId: f.partnerB.id,
      touchpointId: f.touchpointB.id,
      customerId: undefined,
    });
    expect(foreign.status).toBe(404);
    expect(foreign.body.errors).toEqual([{ field: "partnerId", message: "Partner not found." }]);
    expect(await withTenant({ tenantId: f.tenantId }, (db) => db.incident.count())).toBe(before);
  });
});

describe("reading incidents", () => {
  it("lists with filters and cursor pages; a partner key sees only its own partner's incidents", async () => {
    const b = await open(f.tenantKey, {
      partnerId: f.partnerB.id,
      touchpointId: f.touchpointB.id,
      customerId: f.customerB.id,
      severity: "LOW",
    });
    const all = await call(incidents.GET as never, "GET", "/incidents?limit=2", { key: f.tenantKey });
    expect(all.status).toBe(200);
    expect(all.body.data).toHaveLength(2);
    expect(all.body.next_cursor).toEqual(expect.any(String));
    const low = await call(incidents.GET as never, "GET", "/incidents?severity=LOW", { key: f.tenantKey });
    expect(low.body.data.map((i: { id: string }) => i.id)).toEqual([b.body.id]);
    const mine = await call(incidents.GET as never, "GET", "/incidents?limit=200", { key: f.partnerKey });
    expect(mine.body.data.length).toBeGreaterThan(0);
    expect(new Set(mine.body.data.map((i: { partnerId: string }) => i.partnerId))).toEqual(new Set([f.partnerA.id]));
    const asked = await call(incidents.GET as never, "GET", `/incidents?partnerId=${f.partnerB.id}`, {
      key: f.partnerKey,
    });
    expect(asked.body.data).toEqual([]);
    expect((await get(f.partnerKey, b.body.id)).status).toBe(404);
    expect((await get(other.tenantKey, b.body.id)).status).toBe(404);
    const bad = await call(incidents.GET as never, "GET", "/incidents?status=DONE", { key: f.tenantKey });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe("query.status");
  });
});

describe("changing status and commenting", () => {
  it("follows the lifecycle through the shared core, with the timeline and a resolved outbox row", async () => {
    const { body: created } = await open(f.tenantKey);
    const ack = await move(f.partnerKey, created.id, { status: "ACKNOWLEDGED" });
    expect(ack.status).toBe(200);
    expect(ack.body.status).toBe("ACKNOWLEDGED");
    expect(ack.body.acknowledgedAt).not.toBeNull();

    const skip = await move(f.tenantKey, created.id, { status: "CLOSED" });
    expect(skip.status).toBe(422);
    const noFields = await move(f.partnerKey, created.id, { status: "RESOLVED" });
    expect(noFields.status).toBe(422);
    expect(noFields.body.detail).toMatch(/root cause/i);

    const comment = await call(comments.POST as never, "POST", `/incidents/${created.id}/comments`, {
      key: f.partnerKey,
      body: { body: "Driver rebooked for tomorrow morning." },
      params: { id: created.id },
    });
    expect(comment.status).toBe(201);
    expect(comment.body).toMatchObject({
      type: "COMMENT",
      body: "Driver rebooked for tomorrow morning.",
      actor: "API key Alpha TMS",
    });

    const resolved = await move(f.partnerKey, created.id, {
      status: "RESOLVED",
      rootCause: "Route overbooked",
      resolution: "Delivered next morning with a voucher.",
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: "RESOLVED", rootCause: "Route overbooked" });
    // Closing is the brand's: a partner key is refused, a tenant key may.
    const partnerClose = await move(f.partnerKey, created.id, { status: "CLOSED" });
    expect(partnerClose.status).toBe(403);
    expect((await move(f.tenantKey, created.id, { status: "CLOSED" })).body.status).toBe("CLOSED");

    const detail = await get(f.tenantKey, created.id);
    expect(detail.body.timeline.map((e: { type: string; toStatus: string | null }) => [e.type, e.toStatus])).toEqual([
      ["CREATED", "OPEN"],
      ["STATUS_CHANGED", "ACKNOWLEDGED"],
      ["COMMENT", null],
      ["STATUS_CHANGED", "RESOLVED"],
      ["STATUS_CHANGED", "CLOSED"],
    ]);
    const topics = await withTenant({ tenantId: f.tenantId }, async (db) =>
      (await db.outboxMessage.findMany({ orderBy: { createdAt: "asc" } }))
        .filter((o) => (o.payload as { incidentId?: string }).incidentId === created.id)
        .map((o) => o.topic),
    );
    expect(topics).toEqual([
      "incident.created",
      "incident.status_changed",
      "incident.commented",
      "incident.status_changed",
      "incident.status_changed",
    ]);
  });

  it("answers another partner's incident with 404 for status and comments, changing nothing", async () => {
    const { body: b } = await open(f.tenantKey, {
      partnerId: f.partnerB.id,
      touchpointId: f.touchpointB.id,
      customerId: f.customerB.id,
    });
    expect((await move(f.partnerKey, b.id, { status: "ACKNOWLEDGED" })).status).toBe(404);
    const c = await call(comments.POST as never, "POST", `/incidents/${b.id}/comments`, {
      key: f.partnerKey,
      body: { body: "Not mine" },
      params: { id: b.id },
    });
    expect(c.status).toBe(404);
    const after = await get(f.tenantKey, b.id);
    expect(after.body.status).toBe("OPEN");
    expect(after.body.timeline).toHaveLength(1);
  });
});

describe("scorecards", () => {
  it("serves only published scorecards; a partner key only its own", async () => {
    const ids = await withTenant({ tenantId: f.tenantId }, async (db) => {
      const make = (partnerId: string, month: string, status: "DRAFT" | "PUBLISHED" | "SUPERSEDED", version = 1) =>
        db.scorecard.create({
          data: {
            tenantId: f.tenantId,
            partnerId,
            month: new Date(`${month}-01`),
            version,
            status,
            score: 71.5,
            rank: 1,
            peerCount: 2,
            recommendation: "MAINTAIN",
            publishedAt: status === "DRAFT" ? null : new Date(),
          },
        });
      return {
        aMarch: (await make(f.partnerA.id, "2026-03", "PUBLISHED")).id,
        aAprilDraft: (await make(f.partnerA.id, "2026-04", "DRAFT")).id,
        bMarchOld: (await make(f.partnerB.id, "2026-03", "SUPERSEDED")).id,
        bMarch: (await make(f.partnerB.id, "2026-03", "PUBLISHED", 2)).id,
      };
    });
    const all = await call(scorecards.GET as never, "GET", "/scorecards", { key: f.tenantKey });
    expect(all.status).toBe(200);
    expect(all.body.data.map((s: { id: string }) => s.id).sort()).toEqual([ids.aMarch, ids.bMarch].sort());
    expect(all.body.data.find((s: { id: string }) => s.id === ids.aMarch)).toMatchObject({
      month: "2026-03-01",
      score: 71.5,
      recommendation: "MAINTAIN",
    });
    const march = await call(scorecards.GET as never, "GET", `/scorecards?month=2026-03&partnerId=${f.partnerB.id}`, {
      key: f.tenantKey,
    });
    expect(march.body.data.map((s: { id: string }) => s.id)).toEqual([ids.bMarch]);
    const mine = await call(scorecards.GET as never, "GET", "/scorecards", { key: f.partnerKey });
    expect(mine.body.data.map((s: { id: string }) => s.id)).toEqual([ids.aMarch]);
    const one = (key: string, id: string) =>
      call(scorecard.GET as never, "GET", `/scorecards/${id}`, { key, params: { id } });
    expect((await one(f.partnerKey, ids.aMarch)).status).toBe(200);
    expect((await one(f.partnerKey, ids.bMarch)).status).toBe(404);
    expect((await one(f.tenantKey, ids.aAprilDraft)).status).toBe(404);
    expect((await one(other.tenantKey, ids.aMarch)).status).toBe(404);
    const bad = await call(scorecards.GET as never, "GET", "/scorecards?month=2026-13", { key: f.tenantKey });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ field: "query.month", message: "month is YYYY-MM, e.g. 2026-03." }]);
  });
});
