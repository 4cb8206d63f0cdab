import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { API_PATHS } from "@/lib/api/openapi";
import { apiFixture, call, interaction, type ApiFixture } from "./helpers";
import * as partners from "@/app/api/v1/partners/route";
import * as partner from "@/app/api/v1/partners/[id]/route";
import * as touchpoints from "@/app/api/v1/touchpoints/route";
import * as interactions from "@/app/api/v1/interactions/route";
import * as interactionBatch from "@/app/api/v1/interactions/batch/route";
import * as transactions from "@/app/api/v1/transactions/route";
import * as transactionBatch from "@/app/api/v1/transactions/batch/route";
import * as customers from "@/app/api/v1/customers/[externalRef]/route";
import * as openapiRoute from "@/app/api/v1/openapi.json/route";
import * as incidents from "@/app/api/v1/incidents/route";
import * as incident from "@/app/api/v1/incidents/[id]/route";
import * as incidentStatus from "@/app/api/v1/incidents/[id]/status/route";
import * as incidentComments from "@/app/api/v1/incidents/[id]/comments/route";
import * as scorecards from "@/app/api/v1/scorecards/route";
import * as scorecard from "@/app/api/v1/scorecards/[id]/route";
import * as plans from "@/app/api/v1/plans/route";
import * as plan from "@/app/api/v1/plans/[id]/route";
import * as planEvidence from "@/app/api/v1/plans/[id]/actions/[actionId]/evidence/route";
import * as planDecision from "@/app/api/v1/plans/[id]/decision/route";
import * as defection from "@/app/api/v1/defection/route";
import * as funnel from "@/app/api/v1/funnel/route";
import * as feedback from "@/app/api/v1/feedback/route";
import * as incentives from "@/app/api/v1/incentives/[month]/route";
import { approveIncentives } from "@/lib/incentives/months";
import { withTenant } from "@/lib/db/scope";
import { requestDefectionRun, runDefectionJob } from "@/lib/defection/job";
import { openPlanFromScorecard } from "@/lib/plans/open-plan";
import { addPlanAction, applyPlanEvent } from "@/lib/plans/update-plan";
import { addActionSchema } from "@/lib/plans/schemas";
import { enqueueOutbox } from "@/lib/incidents/events";
import { createWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { runWebhookDispatch } from "@/lib/webhooks/dispatch";
import { WEBHOOK_EVENTS } from "@/lib/webhooks/events";

// Contract tests: real responses of every documented operation are checked against the schemas
// of the served OpenAPI document (a small JSON Schema checker for the subset the generator emits:
// type, properties, required, additionalProperties, items, enum, anyOf, $ref).

type JsonSchema = Record<string, unknown>;
type Doc = {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: JsonSchema }> }> }>
  >;
  webhooks: Record<string, { post: { requestBody: { content: Record<string, { schema: JsonSchema }> } } }>;
  components: { schemas: Record<string, JsonSchema> };
};

const modules: Record<string, Record<string, unknown>> = {
  "/partners": partners,
  "/partners/{id}": partner,
  "/touchpoints": touchpoints,
  "/interactions": interactions,
  "/interactions/batch": interactionBatch,
  "/transactions": transactions,
  "/transactions/batch": transactionBatch,
  "/customers/{externalRef}": customers,
  "/incidents": incidents,
  "/incidents/{id}": incident,
  "/incidents/{id}/status": incidentStatus,
  "/incidents/{id}/comments": incidentComments,
  "/scorecards": scorecards,
  "/scorecards/{id}": scorecard,
  "/plans": plans,
  "/plans/{id}": plan,
  "/plans/{id}/decision": planDecision,
  "/plans/{id}/actions/{actionId}/evidence": planEvidence,
  "/defection": defection,
  "/funnel": funnel,
  "/feedback": feedback,
  "/incentives/{month}": incentives,
};

let database: TestDatabase;
let f: ApiFixture;
let doc: Doc;

beforeAll(async () => {
  database = await createTestDatabase();
  f = await apiFixture("acme");
  const served = await openapiRoute.GET(new Request("http://steward.test/api/v1/openapi.json"));
  expect(served.status).toBe(200);
  doc = (await served.json()) as Doc;
});
afterAll(() => database.close());

function validate(schema: JsonSchema, value: unknown, path = "$"): string[] {
  if (typeof schema.$ref === "string")
    return validate(doc.components.schemas[schema.$ref.split("/").pop()!], value, path);
  if (Array.isArray(schema.anyOf)) {
    const options = (schema.anyOf as JsonSchema[]).map((s) => validate(s, value, path));
    return options.some((e) => e.length === 0) ? [] : options[0];
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(value))
    return [`${path}: ${JSON.stringify(value)} not in enum`];
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.length > 0) {
    const actual =
      value === null
        ? "null"
        : Array.isArray(value)
          ? "array"
          : typeof value === "number" && Number.isInteger(value)
            ? "integer"
            : typeof value;
    const ok = types.some((t) => t === actual || (t === "number" && actual === "integer"));
    if (!ok) return [`${path}: expected ${types.join("|")}, got ${actual}`];
  }
  const errors: string[] = [];
  if (Array.isArray(value) && schema.items)
    for (const [i, v] of value.entries()) errors.push(...validate(schema.items as JsonSchema, v, `${path}[${i}]`));
  if (value && typeof value === "object" && !Array.isArray(value) && schema.properties) {
    const props = schema.properties as Record<string, JsonSchema>;
    for (const name of (schema.required as string[] | undefined) ?? [])
      if (!(name in value)) errors.push(`${path}.${name}: required`);
    for (const [name, v] of Object.entries(value)) {
      if (props[name]) errors.push(...validate(props[name], v, `${path}.${name}`));
      else errors.push(`${path}.${name}: not in the document`);
    }
  }
  return errors;
}

function expectConforms(path: string, method: string, res: { status: number; headers: Headers; body: unknown }) {
  const operation = doc.paths[path]?.[method];
  expect(operation, `${method} ${path} is documented`).toBeDefined();
  const response = operation.responses[String(res.status)];
  expect(response, `${method} ${path} documents status ${res.status}`).toBeDefined();
  const type = res.headers.get("content-type")!;
  const media = response.content?.[type];
  expect(media, `${method} ${path} ${res.status} documents ${type}`).toBeDefined();
  expect(validate(media!.schema, res.body)).toEqual([]);
}

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 and documents exactly the routes that exist, with their methods", () => {
    expect((doc as unknown as { openapi: string }).openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual(Object.keys(modules).sort());
    for (const { method, path } of API_PATHS) {
      expect(doc.paths[path][method]).toBeDefined();
      expect(typeof modules[path][method.toUpperCase()], `${method} ${path} handler`).toBe("function");
    }
    for (const [path, mod] of Object.entries(modules))
      for (const name of ["GET", "POST", "PUT", "PATCH", "DELETE"])
        if (typeof mod[name] === "function")
          expect(doc.paths[path][name.toLowerCase()], `${name} ${path} documented`).toBeDefined();
  });

  it("describes errors as problem details with field errors", () => {
    expect(doc.components.schemas.Problem).toMatchObject({
      type: "object",
      required: expect.arrayContaining(["type", "title", "status"]),
    });
  });
});

describe("real responses conform to the document", () => {
  it("reads", async () => {
    expectConforms(
      "/partners",
      "get",
      await call(partners.GET as never, "GET", "/partners?limit=1", { key: f.tenantKey }),
    );
    expectConforms(
      "/partners",
      "get",
      await call(partners.GET as never, "GET", "/partners?limit=0", { key: f.tenantKey }),
    );
    expectConforms("/partners", "get", await call(partners.GET as never, "GET", "/partners"));
    expectConforms("/funnel", "get", await call(funnel.GET as never, "GET", "/funnel", { key: f.tenantKey }));
    expectConforms(
      "/funnel",
      "get",
      await call(funnel.GET as never, "GET", "/funnel?month=2026-13", { key: f.tenantKey }),
    );
    expectConforms(
      "/partners/{id}",
      "get",
      await call(partner.GET as never, "GET", `/partners/${f.partnerA.id}`, {
        key: f.tenantKey,
        params: { id: f.partnerA.id },
      }),
    );
    expectConforms(
      "/partners/{id}",
      "get",
      await call(partner.GET as never, "GET", "/partners/nope", { key: f.tenantKey, params: { id: "nope" } }),
    );
    expectConforms(
      "/touchpoints",
      "get",
      await call(touchpoints.GET as never, "GET", "/touchpoints", { key: f.partnerKey }),
    );
  });

  it("customer feedback: record, replay, a validation problem, and the list", async () => {
    const answer = {
      partnerId: f.partnerA.id,
      touchpointId: f.touchpointA.id,
      customerId: f.customerA.id,
      answeredAt: "2026-03-03T09:00:00Z",
      csat: 4,
      nps: 9,
      comment: "Friendly driver.",
      externalRef: "answer-1",
    };
    const post = (body: unknown) => call(feedback.POST as never, "POST", "/feedback", { key: f.partnerKey, body });
    const created = await post(answer);
    expect(created.status).toBe(201);
    expectConforms("/feedback", "post", created);
    const replayed = await post(answer);
    expect(replayed.status).toBe(200);
    expectConforms("/feedback", "post", replayed);
    expectConforms("/feedback", "post", await post({ ...answer, nps: 11 }));
    // The reference is the partner system's own: another partner's equal reference is another answer, not a 409.
    const otherPartners = await call(feedback.POST as never, "POST", "/feedback", {
      key: f.tenantKey,
      body: { ...answer, partnerId: f.partnerB.id, touchpointId: f.touchpointB.id, customerId: f.customerB.id },
    });
    expect(otherPartners.status).toBe(201);
    expect(otherPartners.body.id).not.toBe(created.body.id);
    const list = await call(feedback.GET as never, "GET", "/feedback?limit=5", { key: f.tenantKey });
    expect(list.body.data).toHaveLength(2);
    expectConforms("/feedback", "get", list);
    expectConforms(
      "/feedback",
      "get",
      await call(feedback.GET as never, "GET", "/feedback?maxCsat=9", { key: f.tenantKey }),
    );
  });

  it("writes, including validation problems and replays", async () => {
    const body = interaction(f, { externalRef: "c-1", customerId: f.customerA.id });
    expectConforms(
      "/interactions",
      "post",
      await call(interactions.POST as never, "POST", "/interactions", { key: f.tenantKey, body }),
    );
    expectConforms(
      "/interactions",
      "post",
      await call(interactions.POST as never, "POST", "/interactions", { key: f.tenantKey, body }),
    );
    expectConforms(
      "/interactions",
      "post",
      await call(interactions.POST as never, "POST", "/interactions", { key: f.tenantKey, body: { ...body, csat: 7 } }),
    );
    expectConforms(
      "/interactions",
      "post",
      await call(interactions.POST as never, "POST", "/interactions", {
        key: f.partnerKey,
        body: { ...body, partnerId: f.partnerB.id },
      }),
    );
    expectConforms(
      "/interactions/batch",
      "post",
      await call(interactionBatch.POST as never, "POST", "/interactions/batch", {
        key: f.tenantKey,
        body: { rows: [body, interaction(f)] },
      }),
    );
    expectConforms(
      "/interactions/batch",
      "post",
      await call(interactionBatch.POST as never, "POST", "/interactions/batch", {
        key: f.tenantKey,
        body: { rows: [] },
      }),
    );
    const tx = {
      customerId: f.customerA.id,
      occurredAt: "2026-03-02T09:00:00Z",
      revenue: 99.99,
      margin: 20,
      channel: "ONLINE",
      touchpointId: f.touchpointA.id,
    };
    expectConforms(
      "/transactions",
      "post",
      await call(transactions.POST as never, "POST", "/transactions", {
        key: f.tenantKey,
        body: tx,
        headers: { "Idempotency-Key": "k1" },
      }),
    );
    expectConforms(
      "/transactions",
      "post",
      await call(transactions.POST as never, "POST", "/transactions", {
        key: f.tenantKey,
        body: tx,
        headers: { "Idempotency-Key": "k1" },
      }),
    );
    expectConforms(
      "/transactions/batch",
      "post",
      await call(transactionBatch.POST as never, "POST", "/transactions/batch", {
        key: f.partnerKey,
        body: { rows: [tx] },
      }),
    );
    const customer = { segment: "B2C", acquiredAt: "2026-01-01T00:00:00Z", name: "Lee" };
    expectConforms(
      "/customers/{externalRef}",
      "put",
      await call(customers.PUT as never, "PUT", "/customers/x-1", {
        key: f.tenantKey,
        body: customer,
        params: { externalRef: "x-1" },
      }),
    );
    expectConforms(
      "/customers/{externalRef}",
      "put",
      await call(customers.PUT as never, "PUT", "/customers/x-1", {
        key: f.tenantKey,
        body: customer,
        params: { externalRef: "x-1" },
      }),
    );
    expectConforms(
      "/customers/{externalRef}",
      "put",
      await call(customers.PUT as never, "PUT", "/customers/x-1", {
        key: f.tenantKey,
        body: { ...customer, segment: "B2X" },
        params: { externalRef: "x-1" },
      }),
    );
  });
});

describe("incidents and scorecards conform to the document", () => {
  it("incidents: open, read, change status, comment, and their problems", async () => {
    const body = {
      partnerId: f.partnerA.id,
      touchpointId: f.touchpointA.id,
      severity: "MEDIUM",
      category: "Damaged goods",
      title: "Box crushed",
      description: "The box arrived crushed and the lamp inside was broken.",
    };
    const created = await call(incidents.POST as never, "POST", "/incidents", {
      key: f.tenantKey,
      body,
      headers: { "Idempotency-Key": "c-inc" },
    });
    expectConforms("/incidents", "post", created);
    expectConforms(
      "/incidents",
      "post",
      await call(incidents.POST as never, "POST", "/incidents", {
        key: f.tenantKey,
        body,
        headers: { "Idempotency-Key": "c-inc" },
      }),
    );
    expectConforms(
      "/incidents",
      "post",
      await call(incidents.POST as never, "POST", "/incidents", {
        key: f.tenantKey,
        body: { ...body, severity: "SEVERE" },
      }),
    );
    expectConforms(
      "/incidents",
      "post",
      await call(incidents.POST as never, "POST", "/incidents", {
        key: f.partnerKey,
        body: { ...body, partnerId: f.partnerB.id },
      }),
    );
    expectConforms(
      "/incidents",
      "get",
      await call(incidents.GET as never, "GET", "/incidents?limit=1", { key: f.tenantKey }),
    );
    expectConforms(
      "/incidents",
      "get",
      await call(incidents.GET as never, "GET", "/incidents?limit=x", { key: f.tenantKey }),
    );
    const id = created.body.id as string;
    expectConforms(
      "/incidents/{id}",
      "get",
      await call(incident.GET as never, "GET", `/incidents/${id}`, { key: f.tenantKey, params: { id } }),
    );
    expectConforms(
      "/incidents/{id}",
      "get",
      await call(incident.GET as never, "GET", "/incidents/nope", { key: f.tenantKey, params: { id: "nope" } }),
    );
    const move = (key: string, b: unknown) =>
      call(incidentStatus.POST as never, "POST", `/incidents/${id}/status`, { key, body: b, params: { id } });
    expectConforms("/incidents/{id}/status", "post", await move(f.partnerKey, { status: "ACKNOWLEDGED" }));
    expectConforms("/incidents/{id}/status", "post", await move(f.partnerKey, { status: "OPEN" }));
    expectConforms("/incidents/{id}/status", "post", await move(f.partnerKey, { status: "CLOSED" }));
    expectConforms("/incidents/{id}/status", "post", await move(f.partnerKey, { status: "DONE" }));
    const comment = (b: unknown) =>
      call(incidentComments.POST as never, "POST", `/incidents/${id}/comments`, {
        key: f.partnerKey,
        body: b,
        params: { id },
      });
    expectConforms("/incidents/{id}/comments", "post", await comment({ body: "On it." }));
    expectConforms("/incidents/{id}/comments", "post", await comment({ body: "" }));
  });

  it("scorecards: list and one, published only", async () => {
    const id = await withTenant(
      { tenantId: f.tenantId },
      async (db) =>
        (
          await db.scorecard.create({
            data: {
              tenantId: f.tenantId,
              partnerId: f.partnerA.id,
              month: new Date("2026-02-01"),
              status: "PUBLISHED",
              score: 80,
              publishedAt: new Date(),
            },
          })
        ).id,
    );
    const list = await call(scorecards.GET as never, "GET", "/scorecards", { key: f.partnerKey });
    expect(list.body.data).toHaveLength(1);
    expectConforms("/scorecards", "get", list);
    expectConforms(
      "/scorecards",
      "get",
      await call(scorecards.GET as never, "GET", "/scorecards?month=2026-2", { key: f.partnerKey }),
    );
    expectConforms(
      "/scorecards/{id}",
      "get",
      await call(scorecard.GET as never, "GET", `/scorecards/${id}`, { key: f.partnerKey, params: { id } }),
    );
    expectConforms(
      "/scorecards/{id}",
      "get",
      await call(scorecard.GET as never, "GET", "/scorecards/x", { key: f.partnerKey, params: { id: "x" } }),
    );
  });

  it("plans: list, one with its actions, the partner's answer, evidence, and their problems", async () => {
    const steward = { userId: f.ownerId, label: "Owner", kind: "steward" as const };
    const { planId, actionId } = await withTenant({ tenantId: f.tenantId }, async (db) => {
      const card = await db.scorecard.create({
        data: {
          tenantId: f.tenantId,
          partnerId: f.partnerA.id,
          month: new Date("2026-03-01"),
          status: "PUBLISHED",
          score: 41,
          recommendation: "EXIT",
        },
      });
      const plan = await openPlanFromScorecard(db, f.tenantId, card.id, steward);
      const contact = await db.partnerContact.create({
        data: { tenantId: f.tenantId, partnerId: f.partnerA.id, name: "Cy" },
      });
      const action = await addPlanAction(
        db,
        f.tenantId,
        addActionSchema.parse({
          planId: plan.id,
          description: "Audit ten jobs a week",
          owner: `contact:${contact.id}`,
          dueOn: "2026-04-30",
          metric: "score",
          target: 60,
        }),
        steward,
      );
      await applyPlanEvent(db, f.tenantId, { planId: plan.id, event: "propose" }, steward);
      return { planId: plan.id, actionId: action.id };
    });
    // The partner's answer: refused for a workspace key, a dispute needs a reason, then accepted.
    const decision = (key: string, body: unknown) =>
      call(planDecision.POST as never, "POST", `/plans/${planId}/decision`, { key, body, params: { id: planId } });
    expectConforms("/plans/{id}/decision", "post", await decision(f.tenantKey, { decision: "accept" }));
    expectConforms("/plans/{id}/decision", "post", await decision(f.partnerKey, { decision: "dispute" }));
    const accepted = await decision(f.partnerKey, { decision: "accept" });
    expect(accepted.body).toEqual({ id: planId, status: "ACCEPTED", disputeReason: null });
    expectConforms("/plans/{id}/decision", "post", accepted);
    expectConforms("/plans", "get", await call(plans.GET as never, "GET", "/plans", { key: f.partnerKey }));
    expectConforms("/plans", "get", await call(plans.GET as never, "GET", "/plans?status=x", { key: f.partnerKey }));
    const one = await call(plan.GET as never, "GET", `/plans/${planId}`, { key: f.tenantKey, params: { id: planId } });
    expect(one.body.actions[0].overdue).toBe(true);
    expectConforms("/plans/{id}", "get", one);
    expectConforms(
      "/plans/{id}",
      "get",
      await call(plan.GET as never, "GET", "/plans/x", { key: f.partnerKey, params: { id: "x" } }),
    );
    const path = `/plans/${planId}/actions/${actionId}/evidence`;
    const params = { id: planId, actionId };
    const evidence = "/plans/{id}/actions/{actionId}/evidence";
    const posted = await call(planEvidence.POST as never, "POST", path, {
      key: f.partnerKey,
      body: { body: "Audits started", markDone: true },
      params,
    });
    expect(posted.status).toBe(201);
    expectConforms(evidence, "post", posted);
    expectConforms(
      evidence,
      "post",
      await call(planEvidence.POST as never, "POST", path, { key: f.tenantKey, body: { body: "x y z" }, params }),
    );
    expectConforms(
      evidence,
      "post",
      await call(planEvidence.POST as never, "POST", path, { key: f.partnerKey, body: {}, params }),
    );
  });

  it("defection: a workspace key reads the stored measurement (404 before the job ran), a partner key is refused", async () => {
    const before = await call(defection.GET as never, "GET", "/defection", { key: f.tenantKey });
    expect(before.status).toBe(404);
    expect(before.body.detail).toMatch(/not been measured yet/);
    expectConforms("/defection", "get", before);
    const jobId = await withTenant({ tenantId: f.tenantId }, (db) => requestDefectionRun(db, f.tenantId, null));
    await runDefectionJob(f.tenantId, jobId);
    const read = await call(defection.GET as never, "GET", "/defection", { key: f.tenantKey });
    expect(read.status).toBe(200);
    expect(read.body.basis.basis).toBe("SURVEY");
    const finished = await withTenant({ tenantId: f.tenantId }, (db) =>
      db.job.findFirstOrThrow({ where: { id: jobId } }),
    );
    expect(read.body.computedAt).toBe(finished.finishedAt!.toISOString());
    expectConforms("/defection", "get", read);
    const refused = await call(defection.GET as never, "GET", "/defection", { key: f.partnerKey });
    expect(refused.status).toBe(403);
    expectConforms("/defection", "get", refused);
  });

  it("incentives: an approved month, the partner key's own row only", async () => {
    const get = (key: string, month: string) =>
      call(incentives.GET as never, "GET", `/incentives/${month}`, { key, params: { month } });
    expectConforms("/incentives/{month}", "get", await get(f.tenantKey, "2026-02"));
    expect((await get(f.tenantKey, "2026-02")).status).toBe(404);
    await withTenant({ tenantId: f.tenantId }, (db) =>
      approveIncentives(db, f.tenantId, new Date("2026-02-01"), f.ownerId),
    );
    const steward = await get(f.tenantKey, "2026-02");
    expect(steward.status).toBe(200);
    expectConforms("/incentives/{month}", "get", steward);
    const partner = await get(f.partnerKey, "2026-02");
    expectConforms("/incentives/{month}", "get", partner);
    expect(partner.body.payouts.map((p: { partnerId: string }) => p.partnerId)).toEqual([f.partnerA.id]);
    expect(partner.body.poolCents).toBeNull();
    const bad = await get(f.tenantKey, "2026-2");
    expect(bad.status).toBe(404);
    expectConforms("/incentives/{month}", "get", bad);
  });
});

describe("webhook events conform to the document", () => {
  it("documents every event, and each delivered body matches its schema", async () => {
    expect(Object.keys(doc.webhooks).sort()).toEqual([...WEBHOOK_EVENTS].sort());
    await withTenant({ tenantId: f.tenantId }, (db) =>
      createWebhookEndpoint(db, f.tenantId, { url: "https://hooks.example/steward", events: [...WEBHOOK_EVENTS] }),
    );
    const body = {
      partnerId: f.partnerA.id,
      touchpointId: f.touchpointA.id,
      severity: "HIGH",
      category: "Late delivery",
      title: "Webhook contract",
      description: "An incident for the webhook contract test.",
    };
    const created = await call(incidents.POST as never, "POST", "/incidents", { key: f.tenantKey, body });
    const id = created.body.id as string;
    const move = (b: unknown) =>
      call(incidentStatus.POST as never, "POST", `/incidents/${id}/status`, {
        key: f.tenantKey,
        body: b,
        params: { id },
      });
    await move({ status: "ACKNOWLEDGED" });
    await move({ status: "RESOLVED", rootCause: "Driver sick", resolution: "Rebooked with a voucher." });
    await withTenant({ tenantId: f.tenantId }, async (db) => {
      await enqueueOutbox(db, f.tenantId, "incident.escalated", {
        incidentId: id,
        number: created.body.number,
        partnerId: f.partnerA.id,
        level: 2,
        reason: "ACK_BREACH",
      });
      const sc = await db.scorecard.create({
        data: {
          tenantId: f.tenantId,
          partnerId: f.partnerA.id,
          month: new Date("2026-05-01"),
          status: "PUBLISHED",
          score: 77,
          publishedAt: new Date(),
        },
      });
      await enqueueOutbox(db, f.tenantId, "scorecard.published", {
        scorecardId: sc.id,
        partnerId: f.partnerA.id,
        month: "2026-05",
      });
    });
    const sent: string[] = [];
    await runWebhookDispatch(new Date(), {
      fetchImpl: async (_url, init) => {
        sent.push(String(init.body));
        return new Response(null, { status: 204 });
      },
    });
    const events = sent.map((b) => JSON.parse(b) as { type: string });
    expect([...new Set(events.map((e) => e.type))].sort()).toEqual([...WEBHOOK_EVENTS].sort());
    for (const event of events)
      expect(
        validate(doc.webhooks[event.type].post.requestBody.content["application/json"].schema, event),
        event.type,
      ).toEqual([]);
  });
});
