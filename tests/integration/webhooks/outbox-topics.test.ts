import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import { enqueueOutbox } from "@/lib/incidents/events";
import { createWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { dueOutboxMessages, runWebhookDispatch } from "@/lib/webhooks/dispatch";
import { webhookEventFor } from "@/lib/webhooks/events";
import { apiFixture, type ApiFixture } from "../api/helpers";

// The webhook dispatcher is one consumer of the outbox: it takes (and marks processed) only the
// messages that are webhook events, and leaves every other topic for its own consumer.

let database: TestDatabase;
let f: ApiFixture;
beforeAll(async () => {
  database = await createTestDatabase();
  f = await apiFixture("acme");
});
afterAll(() => database.close());

const MESSAGES: [string, Record<string, unknown>][] = [
  ["incident.created", { incidentId: "i1" }],
  ["incident.escalated", { incidentId: "i1" }],
  ["incident.status_changed", { incidentId: "i1", from: "IN_PROGRESS", to: "RESOLVED" }],
  ["incident.status_changed", { incidentId: "i1", from: "OPEN", to: "IN_PROGRESS" }],
  ["incident.commented", { incidentId: "i1", by: "partner" }],
  ["incident.extension_requested", { incidentId: "i1", minutes: 60 }],
  ["incident.extension_decided", { incidentId: "i1", decision: "APPROVED" }],
  ["scorecard.published", { scorecardId: "s1", partnerId: "p1", month: "2026-10" }],
  ["email.digest", { recipient: "owner@acme.test" }],
];

const outbox = () =>
  withTenant({ tenantId: f.tenantId }, (db) => db.outboxMessage.findMany({ orderBy: { createdAt: "asc" } }));

describe("the webhook dispatcher as an outbox consumer", () => {
  it("selects exactly the messages webhookEventFor maps to an event (SQL and TypeScript agree)", async () => {
    const t0 = new Date(Date.now() - 60_000);
    await withTenant({ tenantId: f.tenantId }, async (db) => {
      for (const [i, [topic, payload]] of MESSAGES.entries())
        await db.outboxMessage.createMany({
          data: [
            {
              tenantId: f.tenantId,
              topic,
              payload: payload as object,
              createdAt: new Date(t0.getTime() + i),
              nextAttemptAt: t0,
            },
          ],
        });
    });
    const rows = await outbox();
    const due = new Set((await dueOutboxMessages(new Date(), 100)).map((d) => d.id));
    const expected = rows.filter((m) => webhookEventFor(m.topic, m.payload) !== null).map((m) => m.id);
    expect(expected).toHaveLength(4);
    expect([...due].sort()).toEqual([...expected].sort());
  });

  it("marks only webhook events processed, subscribed or not; other topics stay for their consumer", async () => {
    await withTenant({ tenantId: f.tenantId }, (db) =>
      createWebhookEndpoint(db, f.tenantId, {
        url: "https://hooks.example.invalid/steward",
        events: ["incident.escalated"],
      }),
    );
    const result = await runWebhookDispatch(new Date(), { fetchImpl: async () => ({ status: 204, body: null }) });
    expect(result).toMatchObject({ messages: 4, created: 1, delivered: 1 });
    const after = await outbox();
    const state = after.map((m) => [m.topic, (m.payload as { to?: string }).to ?? null, m.processedAt !== null]);
    expect(state).toEqual([
      ["incident.created", null, true],
      ["incident.escalated", null, true],
      ["incident.status_changed", "RESOLVED", true],
      ["incident.status_changed", "IN_PROGRESS", false],
      ["incident.commented", null, false],
      ["incident.extension_requested", null, false],
      ["incident.extension_decided", null, false],
      ["scorecard.published", null, true],
      ["email.digest", null, false],
    ]);
    // A second dispatch finds nothing more to take.
    expect(
      await runWebhookDispatch(new Date(), { fetchImpl: async () => ({ status: 204, body: null }) }),
    ).toMatchObject({ messages: 0, created: 0 });
  });

  it("is not starved by a backlog of other consumers' messages older than a webhook event", async () => {
    await withTenant({ tenantId: f.tenantId }, async (db) => {
      const old = new Date(Date.now() - 3_600_000);
      await db.outboxMessage.createMany({
        data: Array.from({ length: 30 }, (_, i) => ({
          tenantId: f.tenantId,
          topic: "incident.commented",
          payload: { n: i },
          nextAttemptAt: old,
        })),
      });
    });
    await withTenant({ tenantId: f.tenantId }, (db) =>
      enqueueOutbox(db, f.tenantId, "incident.escalated", { incidentId: "i2" }),
    );
    const result = await runWebhookDispatch(new Date(Date.now() + 1000), {
      limit: 10,
      fetchImpl: async () => ({ status: 204, body: null }),
    });
    expect(result).toMatchObject({ messages: 1, created: 1, delivered: 1 });
    const pendingOthers = (await outbox()).filter((m) => m.topic === "incident.commented" && m.processedAt === null);
    expect(pendingOthers).toHaveLength(31);
  });
});
