import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import { createApiKey, revokeApiKey } from "@/lib/api/keys";
import { apiFixture, call, interaction, type ApiFixture } from "./helpers";
import { GET as listPartners } from "@/app/api/v1/partners/route";
import { GET as getPartner } from "@/app/api/v1/partners/[id]/route";
import { GET as listTouchpoints } from "@/app/api/v1/touchpoints/route";
import { POST as createInteraction } from "@/app/api/v1/interactions/route";
import { POST as batchInteractions } from "@/app/api/v1/interactions/batch/route";
import { POST as createTransaction } from "@/app/api/v1/transactions/route";
import { POST as batchTransactions } from "@/app/api/v1/transactions/batch/route";
import { PUT as upsertCustomer } from "@/app/api/v1/customers/[externalRef]/route";

let database: TestDatabase;
let f: ApiFixture;
let other: ApiFixture;

beforeAll(async () => {
  database = await createTestDatabase();
  f = await apiFixture("acme");
  other = await apiFixture("globex");
});
afterAll(() => database.close());

const count = (model: "interaction" | "transaction", tenantId = f.tenantId) =>
  withTenant({ tenantId }, (db) => (model === "interaction" ? db.interaction.count() : db.transaction.count()));

describe("authentication", () => {
  it("answers a request without a key with a 401 problem", async () => {
    const res = await call(listPartners, "GET", "/partners");
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(res.body).toMatchObject({ status: 401, title: "Authentication required", instance: "/api/v1/partners" });
    expect(res.body.type).toMatch(/^https:\/\//);
  });

  it("refuses an unknown key and a revoked key", async () => {
    expect((await call(listPartners, "GET", "/partners", { key: "stw_notakey" })).status).toBe(401);
    expect((await call(listPartners, "GET", "/partners", { key: "Basic abc" })).status).toBe(401);
    const { key, apiKey } = await withTenant({ tenantId: f.tenantId }, (db) =>
      createApiKey(db, f.tenantId, f.ownerId, { name: "Short-lived", rateLimitPerMinute: 60 }),
    );
    expect((await call(listPartners, "GET", "/partners", { key })).status).toBe(200);
    await withTenant({ tenantId: f.tenantId }, (db) => revokeApiKey(db, f.tenantId, apiKey.id));
    const res = await call(listPartners, "GET", "/partners", { key });
    expect(res.status).toBe(401);
    expect(res.body.detail).toMatch(/revoked/);
  });

  it("stores only a hash and a short prefix, and records when the key was last used", async () => {
    await call(listPartners, "GET", "/partners", { key: f.tenantKey });
    const rows = await withTenant({ tenantId: f.tenantId }, (db) =>
      db.apiKey.findMany({ where: { id: f.tenantKeyId } }),
    );
    expect(rows[0].keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0].keyHash).not.toContain(f.tenantKey.slice(4));
    expect(f.tenantKey.startsWith(rows[0].prefix)).toBe(true);
    expect(rows[0].prefix.length).toBeLessThan(16);
    expect(rows[0].lastUsedAt).not.toBeNull();
  });
});

describe("reads", () => {
  it("lists the tenant's partners with filters, never another tenant's", async () => {
    const all = await call(listPartners, "GET", "/partners", { key: f.tenantKey });
    expect(all.status).toBe(200);
    expect(all.body.data.map((p: { name: string }) => p.name).sort()).toEqual(["Alpha Deliveries", "Bravo Installs"]);
    expect(all.body.next_cursor).toBeNull();
    const installers = await call(listPartners, "GET", "/partners?type=INSTALLER", { key: f.tenantKey });
    expect(installers.body.data.map((p: { id: string }) => p.id)).toEqual([f.partnerB.id]);
    const active = await call(listPartners, "GET", "/partners?status=ACTIVE", { key: f.tenantKey });
    expect(active.body.data.map((p: { id: string }) => p.id)).toEqual([f.partnerA.id]);
    const foreign = await call(getPartner, "GET", `/partners/${other.partnerA.id}`, {
      key: f.tenantKey,
      params: { id: other.partnerA.id },
    });
    expect(foreign.status).toBe(404);
  });

  it("walls a partner key in: its own partner only, another partner's id is 404", async () => {
    const list = await call(listPartners, "GET", "/partners", { key: f.partnerKey });
    expect(list.body.data.map((p: { id: string }) => p.id)).toEqual([f.partnerA.id]);
    const own = await call(getPartner, "GET", `/partners/${f.partnerA.id}`, {
      key: f.partnerKey,
      params: { id: f.partnerA.id },
    });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ id: f.partnerA.id, name: "Alpha Deliveries", type: "DELIVERY", status: "ACTIVE" });
    const sibling = await call(getPartner, "GET", `/partners/${f.partnerB.id}`, {
      key: f.partnerKey,
      params: { id: f.partnerB.id },
    });
    expect(sibling.status).toBe(404);
    expect(sibling.body).toMatchObject({ status: 404, title: "Not found" });
    const touchpoints = await call(listTouchpoints, "GET", "/touchpoints", { key: f.partnerKey });
    expect(touchpoints.body.data.map((t: { id: string }) => t.id)).toEqual([f.touchpointA.id]);
    const allTouchpoints = await call(listTouchpoints, "GET", "/touchpoints", { key: f.tenantKey });
    expect(allTouchpoints.body.data).toHaveLength(2);
    expect(allTouchpoints.body.data[0].partnerIds).toHaveLength(1);
  });

  it("walks every page with the cursor, without duplicates or gaps", async () => {
    await withTenant({ tenantId: f.tenantId }, async (db) => {
      for (let i = 0; i < 23; i++)
        await db.partner.create({
          data: { tenantId: f.tenantId, name: `Paged ${String(i).padStart(2, "0")}`, type: "OTHER", region: "West" },
        });
    });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const path: string = `/partners?limit=5${cursor ? `&cursor=${cursor}` : ""}`;
      const res = await call(listPartners, "GET", path, { key: f.tenantKey });
      expect(res.status).toBe(200);
      expect(res.body.data.length).toBeLessThanOrEqual(5);
      seen.push(...res.body.data.map((p: { id: string }) => p.id));
      cursor = res.body.next_cursor;
      pages++;
    } while (cursor && pages < 20);
    expect(pages).toBe(5);
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
    expect([...seen].sort()).toEqual(seen);
  });

  it("answers bad query parameters and a forged cursor with 400 problems naming the parameter", async () => {
    const res = await call(listPartners, "GET", "/partners?limit=500&status=GONE", { key: f.tenantKey });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(["query.limit", "query.status"]);
    const forged = await call(listPartners, "GET", "/partners?cursor=not-a-cursor", { key: f.tenantKey });
    expect(forged.status).toBe(400);
    expect(forged.body.errors[0].field).toBe("query.cursor");
  });
});

describe("writing interactions", () => {
  it("creates one (201), audits it as the key, and returns the existing row for a repeated externalRef (200)", async () => {
    const body = interaction(f, { externalRef: "tms-1", customerId: f.customerA.id, nps: 9 });
    const first = await call(createInteraction, "POST", "/interactions", { key: f.tenantKey, body });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      partnerId: f.partnerA.id,
      csat: 5,
      nps: 9,
      externalRef: "tms-1",
      occurredAt: "2026-03-01T10:00:00.000Z",
    });
    const again = await call(createInteraction, "POST", "/interactions", {
      key: f.tenantKey,
      body: { ...body, csat: 1 },
    });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect(again.body.csat).toBe(5);
    const audit = await withTenant({ tenantId: f.tenantId }, (db) =>
      db.auditLog.findMany({ where: { action: "interaction.created" } }),
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorLabel: "api key ERP", actorUserId: null, entityId: first.body.id });
  });

  it("answers invalid fields with a 422 problem listing each field, and writes nothing", async () => {
    const before = await count("interaction");
    const res = await call(createInteraction, "POST", "/interactions", {
      key: f.tenantKey,
      body: { ...interaction(f), csat: 9, outcome: "GREAT", occurredAt: "yesterday" },
    });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(["csat", "occurredAt", "outcome"]);
    expect(res.body.errors.find((e: { field: string }) => e.field === "csat").message).toBe("csat is from 1 to 5.");
    expect(await count("interaction")).toBe(before);
  });

  it("checks referenced ids in the tenant (422 naming the field)", async () => {
    const res = await call(createInteraction, "POST", "/interactions", {
      key: f.tenantKey,
      body: interaction(f, { touchpointId: other.touchpointA.id, customerId: "nope" }),
    });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      { field: "touchpointId", message: "No touchpoint with this id." },
      { field: "customerId", message: "No customer with this id." },
    ]);
  });

  it("answers malformed JSON with 400 and a non-JSON body with 415", async () => {
    expect((await call(createInteraction, "POST", "/interactions", { key: f.tenantKey, body: "{oops" })).status).toBe(
      400,
    );
    const res = await call(createInteraction, "POST", "/interactions", {
      key: f.tenantKey,
      headers: { "content-type": "text/plain" },
      body: undefined,
    });
    expect(res.status).toBe(415);
  });

  it("lets a partner key write its own partner's rows and answers another partner's id with 404", async () => {
    const own = await call(createInteraction, "POST", "/interactions", { key: f.partnerKey, body: interaction(f) });
    expect(own.status).toBe(201);
    const before = await count("interaction");
    const foreign = await call(createInteraction, "POST", "/interactions", {
      key: f.partnerKey,
      body: interaction(f, { partnerId: f.partnerB.id, touchpointId: f.touchpointB.id }),
    });
    expect(foreign.status).toBe(404);
    expect(foreign.body.errors).toEqual([{ field: "partnerId", message: "Partner not found." }]);
    const batch = await call(batchInteractions, "POST", "/interactions/batch", {
      key: f.partnerKey,
      body: { rows: [interaction(f), interaction(f, { partnerId: f.partnerB.id })] },
    });
    expect(batch.status).toBe(404);
    expect(batch.body.errors).toEqual([{ field: "rows[1].partnerId", message: "Partner not found." }]);
    expect(await count("interaction")).toBe(before);
  });

  it("does not reveal another partner's externalRef to a partner key (409, nothing written)", async () => {
    await call(createInteraction, "POST", "/interactions", {
      key: f.tenantKey,
      body: interaction(f, { partnerId: f.partnerB.id, touchpointId: f.touchpointB.id, externalRef: "bravo-7" }),
    });
    const res = await call(createInteraction, "POST", "/interactions", {
      key: f.partnerKey,
      body: interaction(f, { externalRef: "bravo-7" }),
    });
    expect(res.status).toBe(409);
    expect(res.body.errors[0].field).toBe("externalRef");
    expect(JSON.stringify(res.body)).not.toContain(f.partnerB.id);
  });
});

describe("batches", () => {
  it("validates all rows first: one bad row fails the batch with per-row fields and writes nothing", async () => {
    const before = await count("interaction");
    const rows = Array.from({ length: 6 }, (_, i) => interaction(f, { externalRef: `batch-bad-${i}` }));
    rows[3] = { ...rows[3], csat: 0 };
    rows[5] = { ...rows[5], touchpointId: "missing" };
    const shape = await call(batchInteractions, "POST", "/interactions/batch", { key: f.tenantKey, body: { rows } });
    expect(shape.status).toBe(422);
    expect(shape.body.errors).toEqual([{ field: "rows[3].csat", message: "csat is from 1 to 5." }]);
    rows[3] = { ...rows[3], csat: 4 };
    rows[4] = { ...rows[4], externalRef: "batch-bad-0" };
    const refs = await call(batchInteractions, "POST", "/interactions/batch", { key: f.tenantKey, body: { rows } });
    expect(refs.status).toBe(422);
    expect(refs.body.errors).toEqual([
      { field: "rows[4].externalRef", message: "Repeats the externalRef of row 0." },
      { field: "rows[5].touchpointId", message: "No touchpoint with this id." },
    ]);
    expect(await count("interaction")).toBe(before);
  });

  it("writes a valid batch of 1,000 in one request and de-duplicates a resend by externalRef", async () => {
    const rows = Array.from({ length: 1000 }, (_, i) =>
      interaction(f, { externalRef: `bulk-${i}`, csat: (i % 5) + 1 }),
    );
    const before = await count("interaction");
    const first = await call(batchInteractions, "POST", "/interactions/batch", { key: f.tenantKey, body: { rows } });
    expect(first.status).toBe(201);
    expect(first.body.created).toBe(1000);
    expect(first.body.data[999].externalRef).toBe("bulk-999");
    expect(await count("interaction")).toBe(before + 1000);
    const overlap = [...rows.slice(990), interaction(f, { externalRef: "bulk-1000" })];
    const second = await call(batchInteractions, "POST", "/interactions/batch", {
      key: f.tenantKey,
      body: { rows: overlap },
    });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ created: 1, existing: 10 });
    expect(second.body.data[0].id).toBe(first.body.data[990].id);
    expect(await count("interaction")).toBe(before + 1001);
    const tooMany = await call(batchInteractions, "POST", "/interactions/batch", {
      key: f.tenantKey,
      body: { rows: [...rows, rows[0]] },
    });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.errors).toEqual([{ field: "rows", message: "Send at most 1000 rows per batch." }]);
  });
});

describe("transactions and customers", () => {
  it("records transactions with cents, defaults a partner key's serving partner, and refuses another partner's", async () => {
    const res = await call(createTransaction, "POST", "/transactions", {
      key: f.partnerKey,
      body: {
        customerId: f.customerA.id,
        occurredAt: "2026-03-02T09:00:00+01:00",
        revenue: 120.5,
        margin: 30.25,
        externalRef: "order-1",
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      revenue: 120.5,
      margin: 30.25,
      servingPartnerId: f.partnerA.id,
      occurredAt: "2026-03-02T08:00:00.000Z",
    });
    const foreign = await call(createTransaction, "POST", "/transactions", {
      key: f.partnerKey,
      body: {
        customerId: f.customerA.id,
        occurredAt: "2026-03-02T09:00:00Z",
        revenue: 1,
        margin: 1,
        servingPartnerId: f.partnerB.id,
      },
    });
    expect(foreign.status).toBe(404);
    const cents = await call(createTransaction, "POST", "/transactions", {
      key: f.tenantKey,
      body: { customerId: f.customerA.id, occurredAt: "2026-03-02T09:00:00Z", revenue: 1.234, margin: 1 },
    });
    expect(cents.status).toBe(422);
    expect(cents.body.errors).toEqual([{ field: "revenue", message: "Use at most two decimals." }]);
    const batch = await call(batchTransactions, "POST", "/transactions/batch", {
      key: f.tenantKey,
      body: {
        rows: [
          {
            customerId: f.customerB.id,
            occurredAt: "2026-03-03T09:00:00Z",
            revenue: 10,
            margin: 2,
            servingPartnerId: f.partnerB.id,
            channel: "STORE",
          },
          {
            customerId: f.customerA.id,
            occurredAt: "2026-03-03T09:00:00Z",
            revenue: 10,
            margin: 2,
            externalRef: "order-1",
          },
        ],
      },
    });
    expect(batch.status).toBe(201);
    expect(batch.body).toMatchObject({ created: 1, existing: 1 });
    expect(batch.body.data[1].id).toBe(res.body.id);
  });

  it("upserts a customer by external ref (201 then 200) and keeps partner keys to their own customers", async () => {
    const body = {
      name: "Dana",
      email: "dana@example.test",
      segment: "B2B",
      acquiredAt: "2026-01-05T00:00:00Z",
      acquisitionCost: 40,
    };
    const created = await call(upsertCustomer, "PUT", "/customers/crm-42", {
      key: f.partnerKey,
      body,
      params: { externalRef: "crm-42" },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      externalRef: "crm-42",
      acquiringPartnerId: f.partnerA.id,
      acquisitionCost: 40,
    });
    const updated = await call(upsertCustomer, "PUT", "/customers/crm-42", {
      key: f.partnerKey,
      body: { ...body, name: "Dana K." },
      params: { externalRef: "crm-42" },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id: created.body.id, name: "Dana K." });
    const foreign = await call(upsertCustomer, "PUT", "/customers/cust-b", {
      key: f.partnerKey,
      body,
      params: { externalRef: "cust-b" },
    });
    expect(foreign.status).toBe(404);
    const bad = await call(upsertCustomer, "PUT", "/customers/crm-43", {
      key: f.tenantKey,
      body: { ...body, email: "nope", acquiringPartnerId: "ghost" },
      params: { externalRef: "crm-43" },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([{ field: "email", message: "Enter a valid e-mail address." }]);
    const ghost = await call(upsertCustomer, "PUT", "/customers/crm-43", {
      key: f.tenantKey,
      body: { ...body, acquiringPartnerId: "ghost" },
      params: { externalRef: "crm-43" },
    });
    expect(ghost.status).toBe(422);
    expect(ghost.body.errors).toEqual([{ field: "acquiringPartnerId", message: "No partner with this id." }]);
  });
});

describe("rate limiting", () => {
  it("answers the request over the per-minute limit with 429 and Retry-After, per key", async () => {
    const { key } = await withTenant({ tenantId: f.tenantId }, (db) =>
      createApiKey(db, f.tenantId, f.ownerId, { name: "Tiny", rateLimitPerMinute: 3 }),
    );
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof call>> | null = null;
    for (let i = 0; i < 4; i++) {
      last = await call(listPartners, "GET", "/partners", { key });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    const retryAfter = Number(last!.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(last!.body).toMatchObject({ status: 429, title: "Too many requests" });
    expect((await call(listPartners, "GET", "/partners", { key: f.tenantKey })).status).toBe(200);
  });
});
