import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import { createIncident } from "@/lib/incidents/create-incident";
import { transitionIncident } from "@/lib/incidents/update-incident";
import { enqueueOutbox, type Actor } from "@/lib/incidents/events";
import {
  createWebhookEndpoint,
  listWebhookDeliveries,
  retryWebhookDelivery,
  setWebhookEndpointActive,
} from "@/lib/webhooks/endpoints";
import { runWebhookDispatch } from "@/lib/webhooks/dispatch";
import { verifyWebhookSignature } from "@/lib/webhooks/signature";
import type { WebhookEvent } from "@/lib/webhooks/events";
import { apiFixture, type ApiFixture } from "../api/helpers";

// A real local HTTP receiver: it records every request and answers per path (/ok 200, /flaky fails
// twice then 200, /down always 503). Signatures are verified the way a receiver would.

type Received = { path: string; headers: IncomingHttpHeaders; body: string };
let received: Received[] = [];
let flakyFailures = 0;
let server: Server;
let base = "";
let database: TestDatabase;
let f: ApiFixture;
let other: ApiFixture;
const steward: Actor = { userId: null, label: "Test steward", kind: "steward" };

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      received.push({ path: req.url ?? "", headers: req.headers, body });
      const status = req.url === "/ok" ? 200 : req.url === "/flaky" ? (flakyFailures-- > 0 ? 500 : 204) : 503;
      res.writeHead(status).end("thanks");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  database = await createTestDatabase();
  f = await apiFixture("acme");
  other = await apiFixture("globex");
});
afterAll(async () => {
  await database.close();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(async () => {
  received = [];
  // Start each test with an empty outbox and no endpoints.
  for (const t of [f, other])
    await withTenant({ tenantId: t.tenantId }, async (db) => {
      await db.outboxMessage.updateMany({ where: { processedAt: null }, data: { processedAt: new Date() } });
      await db.webhookEndpoint.deleteMany({});
    });
});

const endpoint = (fx: ApiFixture, path: string, events: WebhookEvent[]) =>
  withTenant({ tenantId: fx.tenantId }, (db) => createWebhookEndpoint(db, fx.tenantId, { url: base + path, events }));
const openIncident = (fx: ApiFixture, title = "Parcel left in the rain") =>
  withTenant({ tenantId: fx.tenantId }, (db) =>
    createIncident(
      db,
      fx.tenantId,
      {
        partnerId: fx.partnerA.id,
        touchpointId: fx.touchpointA.id,
        severity: "HIGH",
        category: "Damaged goods",
        title,
        description: "Left outside the door during a storm.",
      },
      steward,
      "STEWARD",
    ),
  );
const deliveries = (fx: ApiFixture) =>
  withTenant({ tenantId: fx.tenantId }, (db) => db.webhookDelivery.findMany({ orderBy: { createdAt: "asc" } }));
const later = (start: Date, seconds: number) => new Date(start.getTime() + seconds * 1000);
const headerGetter = (h: IncomingHttpHeaders) => ({ get: (name: string) => (h[name] as string | undefined) ?? null });

describe("webhook delivery from the outbox", () => {
  it("delivers subscribed events once, signed with the endpoint's secret, with the incident in the body", async () => {
    const a = await endpoint(f, "/ok", ["incident.created", "incident.resolved"]);
    const escalationsOnly = await endpoint(f, "/ok?escalations", ["incident.escalated"]);
    const disabled = await endpoint(f, "/ok?disabled", ["incident.created"]);
    await withTenant({ tenantId: f.tenantId }, (db) =>
      setWebhookEndpointActive(db, f.tenantId, disabled.endpoint.id, false),
    );
    await endpoint(other, "/ok?other", ["incident.created"]);
    const incident = await openIncident(f);
    const now = new Date();

    const result = await runWebhookDispatch(now);
    expect(result).toMatchObject({ created: 1, delivered: 1, retried: 0, failed: 0 });
    expect(received.map((r) => r.path)).toEqual(["/ok"]);
    const [request] = received;
    expect(verifyWebhookSignature(a.secret, headerGetter(request.headers), request.body, { now })).toEqual({
      ok: true,
    });
    expect(
      verifyWebhookSignature(escalationsOnly.secret, headerGetter(request.headers), request.body, { now }).ok,
    ).toBe(false);
    const event = JSON.parse(request.body);
    expect(event).toMatchObject({
      type: "incident.created",
      id: request.headers["webhook-id"],
      data: {
        incidentId: incident.id,
        incident: { reference: `INC-${incident.number}`, status: "OPEN", title: "Parcel left in the rain" },
      },
    });

    // Nothing twice: another dispatch sends nothing.
    expect(await runWebhookDispatch(later(now, 1))).toMatchObject({ created: 0, delivered: 0 });
    expect(received).toHaveLength(1);
    const [row] = await deliveries(f);
    expect(row).toMatchObject({
      status: "DELIVERED",
      attempts: 1,
      responseStatus: 200,
      event: "incident.created",
      endpointId: a.endpoint.id,
      lastError: null,
    });

    // A status change other than resolving is not an event; resolving is.
    await withTenant({ tenantId: f.tenantId }, async (db) => {
      await transitionIncident(db, f.tenantId, { incidentId: incident.id, to: "ACKNOWLEDGED" }, steward);
      await transitionIncident(
        db,
        f.tenantId,
        { incidentId: incident.id, to: "RESOLVED", rootCause: "Storm", resolution: "Replaced the goods." },
        steward,
      );
      await enqueueOutbox(db, f.tenantId, "incident.escalated", { incidentId: incident.id, level: 2 });
    });
    // From the current time: the messages above were stamped by the database clock after `now` (a
    // slow, shared machine can take seconds to get here).
    await runWebhookDispatch(later(new Date(), 2));
    expect(received.map((r) => [r.path, JSON.parse(r.body).type]).sort()).toEqual([
      ["/ok", "incident.created"],
      ["/ok", "incident.resolved"],
      ["/ok?escalations", "incident.escalated"],
    ]);
    const resolved = received.find((r) => JSON.parse(r.body).type === "incident.resolved")!;
    expect(JSON.parse(resolved.body).data.incident).toMatchObject({ status: "RESOLVED", rootCause: "Storm" });
    // The other tenant's endpoint never heard of acme's incident.
    expect(received.some((r) => r.path === "/ok?other")).toBe(false);
  });

  it("carries the published scorecard in scorecard.published events", async () => {
    const sub = await endpoint(f, "/ok", ["scorecard.published"]);
    const scorecard = await withTenant({ tenantId: f.tenantId }, async (db) => {
      const row = await db.scorecard.create({
        data: {
          tenantId: f.tenantId,
          partnerId: f.partnerA.id,
          month: new Date("2026-04-01"),
          status: "PUBLISHED",
          score: 82.5,
          recommendation: "REWARD",
          publishedAt: new Date(),
        },
      });
      await enqueueOutbox(db, f.tenantId, "scorecard.published", {
        scorecardId: row.id,
        partnerId: f.partnerA.id,
        month: "2026-04",
      });
      return row;
    });
    const now = new Date();
    expect(await runWebhookDispatch(now)).toMatchObject({ created: 1, delivered: 1 });
    const [request] = received;
    expect(verifyWebhookSignature(sub.secret, headerGetter(request.headers), request.body, { now }).ok).toBe(true);
    expect(JSON.parse(request.body)).toMatchObject({
      type: "scorecard.published",
      data: {
        scorecardId: scorecard.id,
        scorecard: {
          id: scorecard.id,
          partnerId: f.partnerA.id,
          month: "2026-04-01",
          score: 82.5,
          recommendation: "REWARD",
        },
      },
    });
  });

  it("retries a failing endpoint with backoff, resending the same signed event, until it succeeds", async () => {
    const flaky = await endpoint(f, "/flaky", ["incident.created"]);
    flakyFailures = 2;
    await openIncident(f, "Flaky receiver");
    const t0 = new Date();

    expect(await runWebhookDispatch(t0)).toMatchObject({ created: 1, retried: 1 });
    let [row] = await deliveries(f);
    expect(row).toMatchObject({
      status: "PENDING",
      attempts: 1,
      responseStatus: 500,
      lastError: "The endpoint answered HTTP 500.",
    });
    expect(row.nextAttemptAt.getTime()).toBe(t0.getTime() + 60_000);

    expect(await runWebhookDispatch(later(t0, 30))).toMatchObject({ delivered: 0, retried: 0 });
    expect(received).toHaveLength(1);

    expect(await runWebhookDispatch(later(t0, 61))).toMatchObject({ retried: 1 });
    [row] = await deliveries(f);
    expect(row.attempts).toBe(2);
    expect(row.nextAttemptAt.getTime()).toBe(later(t0, 61).getTime() + 300_000);

    expect(await runWebhookDispatch(later(t0, 61 + 301))).toMatchObject({ delivered: 1 });
    [row] = await deliveries(f);
    expect(row).toMatchObject({ status: "DELIVERED", attempts: 3, responseStatus: 204, lastError: null });

    expect(received).toHaveLength(3);
    expect(new Set(received.map((r) => r.headers["webhook-id"])).size).toBe(1);
    expect(new Set(received.map((r) => r.body)).size).toBe(1);
    const times = [t0, later(t0, 61), later(t0, 362)];
    for (const [i, r] of received.entries()) {
      expect(verifyWebhookSignature(flaky.secret, headerGetter(r.headers), r.body, { now: times[i] }).ok).toBe(true);
    }
  });

  it("gives up after 8 attempts (FAILED, in the log); an owner's retry sends it once more", async () => {
    await endpoint(f, "/down", ["incident.created"]);
    await openIncident(f, "Receiver is down");
    let t = new Date();
    for (let i = 0; i < 8; i++) {
      await runWebhookDispatch(t);
      t = later(t, 25 * 3600);
    }
    let [row] = await deliveries(f);
    expect(row).toMatchObject({ status: "FAILED", attempts: 8, responseStatus: 503 });
    expect(received).toHaveLength(8);
    await runWebhookDispatch(t);
    expect(received).toHaveLength(8);

    const log = await withTenant({ tenantId: f.tenantId }, (db) => listWebhookDeliveries(db, f.tenantId, 1));
    expect(log.rows.map((r) => [r.event, r.status, r.endpoint.url])).toEqual([
      ["incident.created", "FAILED", `${base}/down`],
    ]);

    await withTenant({ tenantId: f.tenantId }, (db) => retryWebhookDelivery(db, f.tenantId, row.id, t));
    await runWebhookDispatch(t);
    [row] = await deliveries(f);
    expect(received).toHaveLength(9);
    expect(row).toMatchObject({ status: "FAILED", attempts: 9 });
  });

  it("records an unreachable endpoint's connection error, and two concurrent dispatchers send each event once", async () => {
    await endpoint(f, "/ok", ["incident.created"]);
    await withTenant({ tenantId: f.tenantId }, (db) =>
      createWebhookEndpoint(db, f.tenantId, { url: "http://127.0.0.1:9/closed", events: ["incident.created"] }),
    );
    await openIncident(f, "One");
    await openIncident(f, "Two");
    const now = new Date();
    await Promise.all([runWebhookDispatch(now), runWebhookDispatch(now)]);
    expect(received.map((r) => JSON.parse(r.body).data.incident.title).sort()).toEqual(["One", "Two"]);
    const rows = await deliveries(f);
    expect(rows).toHaveLength(4);
    const unreachable = rows.filter((r) => r.status === "PENDING");
    expect(unreachable).toHaveLength(2);
    for (const r of unreachable) expect(r.lastError).toMatch(/^Could not connect/);
  });
});
