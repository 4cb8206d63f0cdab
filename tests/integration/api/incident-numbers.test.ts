import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import { apiFixture, call, type ApiFixture } from "./helpers";
import { POST as createIncident } from "@/app/api/v1/incidents/route";

// Issue 15: the incident, its event and outbox row are one statement that takes the tenant's number,
// and the audit row and stored response one more; 100 creations at once must still number 1..100
// without a gap or a repeat, and write each side row exactly once. On PGlite the requests queue on
// its one connection; on PostgreSQL (DATABASE_URL set) they truly race for the numbering lock.
let database: TestDatabase;
let f: ApiFixture;

beforeAll(async () => {
  database = await createTestDatabase();
  f = await apiFixture("numbers", 1_000_000);
});
afterAll(() => database.close());

const CREATES = 100;

const body = (i: number) => ({
  partnerId: f.partnerA.id,
  touchpointId: f.touchpointA.id,
  severity: i % 3 === 0 ? "CRITICAL" : "HIGH",
  category: "Late delivery",
  title: `Concurrent create ${i}`,
  description: "The parcel arrived two days late.",
  costRefunds: i % 7,
});

describe("100 concurrent incident creations through the API", () => {
  it("number the tenant's incidents 1..100 and write each event, outbox, audit and stored response once", async () => {
    // A tenant key and a partner key (whose event is written by its own statement) race together,
    // and every tenth request is sent twice with the same Idempotency-Key.
    const requests = Array.from({ length: CREATES }, (_, i) => i).flatMap((i) => {
      const send = () =>
        call(createIncident as never, "POST", "/incidents", {
          key: i % 4 === 0 ? f.partnerKey : f.tenantKey,
          body: body(i),
          headers: { "Idempotency-Key": `create-${i}` },
        }).then((response) => ({ i, response }));
      return i % 10 === 0 ? [send(), send()] : [send()];
    });
    const results = await Promise.all(requests);
    expect(results.filter((r) => r.response.status !== 201).map((r) => r.response.body)).toEqual([]);

    const first = new Map<number, (typeof results)[number]["response"]>();
    for (const r of results) {
      const seen = first.get(r.i);
      if (seen)
        expect(r.response.body).toEqual(seen.body); // a retry gets the first answer
      else first.set(r.i, r.response);
    }
    const numbers = [...first.values()].map((r) => r.body.number as number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: CREATES }, (_, k) => k + 1));

    const stored = await withTenant({ tenantId: f.tenantId }, async (db) => ({
      incidents: await db.incident.findMany({ select: { id: true, number: true, title: true } }),
      events: await db.incidentEvent.findMany({ where: { type: "CREATED" }, select: { incidentId: true } }),
      outbox: await db.outboxMessage.findMany({ where: { topic: "incident.created" }, select: { payload: true } }),
      audit: await db.auditLog.findMany({
        where: { action: "incident.created" },
        select: { entityId: true, data: true },
      }),
      keys: await db.idempotencyKey.findMany({ select: { key: true, statusCode: true, responseBody: true } }),
    }));
    expect(stored.incidents).toHaveLength(CREATES);
    const numberOf = new Map(stored.incidents.map((i) => [i.id, i.number]));
    expect(stored.events.map((e) => e.incidentId).sort()).toEqual([...numberOf.keys()].sort());
    // The outbox and audit rows carry the number the incident got, not a provisional one.
    expect(
      stored.outbox.map((o) => {
        const p = o.payload as { incidentId: string; number: number };
        return numberOf.get(p.incidentId) === p.number;
      }),
    ).toEqual(Array(CREATES).fill(true));
    expect(stored.audit.map((a) => numberOf.get(a.entityId ?? "") === (a.data as { number: number }).number)).toEqual(
      Array(CREATES).fill(true),
    );
    // Each key keeps the exact response text its first request answered.
    expect(stored.keys).toHaveLength(CREATES);
    for (const key of stored.keys) {
      const i = Number(key.key.replace("create-", ""));
      expect(key.statusCode).toBe(201);
      expect(JSON.parse(key.responseBody as string)).toEqual(first.get(i)?.body);
    }

    // A later retry replays the stored answer byte for byte.
    const replay = await call(createIncident as never, "POST", "/incidents", {
      key: f.tenantKey,
      body: body(1),
      headers: { "Idempotency-Key": "create-1" },
    });
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.body).toEqual(first.get(1)?.body);
  });
});
