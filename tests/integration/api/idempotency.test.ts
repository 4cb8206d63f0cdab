import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import { apiFixture, call, interaction, type ApiFixture } from "./helpers";
import { POST as createInteraction } from "@/app/api/v1/interactions/route";
import { POST as batchInteractions } from "@/app/api/v1/interactions/batch/route";
import { POST as createTransaction } from "@/app/api/v1/transactions/route";

// On PGlite the five requests run one after another (one connection); on PostgreSQL
// (DATABASE_URL set) they are truly concurrent and the retries wait on the first one's row lock.
let database: TestDatabase;
let f: ApiFixture;

beforeAll(async () => {
  database = await createTestDatabase();
  f = await apiFixture("acme");
});
afterAll(() => database.close());

const interactions = () => withTenant({ tenantId: f.tenantId }, (db) => db.interaction.count());

describe("Idempotency-Key", () => {
  it("creates one row for five concurrent identical requests, and every request gets the same response", async () => {
    const before = await interactions();
    // No externalRef: only the idempotency key stands between the retries and five rows.
    const body = interaction(f, { csat: 4 });
    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        call(createInteraction, "POST", "/interactions", {
          key: f.tenantKey,
          body,
          headers: { "Idempotency-Key": "retry-abc" },
        }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(responses.map((r) => JSON.stringify(r.body))).size).toBe(1);
    expect(responses.filter((r) => r.headers.get("idempotent-replayed") === "true")).toHaveLength(4);
    expect(await interactions()).toBe(before + 1);
    const audit = await withTenant({ tenantId: f.tenantId }, (db) =>
      db.auditLog.count({ where: { action: "interaction.created" } }),
    );
    expect(audit).toBe(1);
  });

  it("replays a batch later, creating nothing twice", async () => {
    const before = await interactions();
    const body = { rows: [interaction(f), interaction(f, { outcome: "FAILURE" })] };
    const first = await call(batchInteractions, "POST", "/interactions/batch", {
      key: f.tenantKey,
      body,
      headers: { "Idempotency-Key": "batch-1" },
    });
    const retry = await call(batchInteractions, "POST", "/interactions/batch", {
      key: f.tenantKey,
      body,
      headers: { "Idempotency-Key": "batch-1" },
    });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(await interactions()).toBe(before + 2);
  });

  it("refuses the same key with a different body (422) and scopes keys per API key and per tenant", async () => {
    const headers = { "Idempotency-Key": "order-77" };
    const body = { customerId: f.customerA.id, occurredAt: "2026-03-02T09:00:00Z", revenue: 10, margin: 3 };
    expect((await call(createTransaction, "POST", "/transactions", { key: f.tenantKey, body, headers })).status).toBe(
      201,
    );
    const changed = await call(createTransaction, "POST", "/transactions", {
      key: f.tenantKey,
      body: { ...body, revenue: 11 },
      headers,
    });
    expect(changed.status).toBe(422);
    expect(changed.body.errors[0].field).toBe("header.Idempotency-Key");
    // Another key's requests are not replays of this key's.
    const partner = await call(createTransaction, "POST", "/transactions", { key: f.partnerKey, body, headers });
    expect(partner.status).toBe(201);
    expect(await withTenant({ tenantId: f.tenantId }, (db) => db.transaction.count())).toBe(2);
  });

  it("does not keep the key of a failed request, so a corrected retry may use it", async () => {
    const headers = { "Idempotency-Key": "fix-me" };
    const bad = await call(createInteraction, "POST", "/interactions", {
      key: f.tenantKey,
      body: interaction(f, { touchpointId: "missing" }),
      headers,
    });
    expect(bad.status).toBe(422);
    const good = await call(createInteraction, "POST", "/interactions", {
      key: f.tenantKey,
      body: interaction(f),
      headers,
    });
    expect(good.status).toBe(201);
  });

  it("validates the header", async () => {
    const res = await call(createInteraction, "POST", "/interactions", {
      key: f.tenantKey,
      body: interaction(f),
      headers: { "Idempotency-Key": "x".repeat(256) },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe("header.Idempotency-Key");
  });
});
