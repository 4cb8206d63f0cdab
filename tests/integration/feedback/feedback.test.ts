import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { oneClickUnsubscribeRequest } from "../../setup/one-click";
import { withTenant } from "@/lib/db/scope";
import { createCustomer, createIncident, createSlaPolicies, createTouchpoint } from "@/lib/seed/factories";
import { apiFixture, call, type ApiFixture } from "../api/helpers";
import { POST as createInteraction } from "@/app/api/v1/interactions/route";
import { GET as listFeedbackRoute, POST as createFeedback } from "@/app/api/v1/feedback/route";
import { answerSurvey, readSurvey } from "@/lib/feedback/answer";
import { hashSurveyToken, surveyToken } from "@/lib/feedback/token";
import { claimSurveyAttempt, MAX_SURVEY_ATTEMPTS_PER_SOURCE } from "@/lib/feedback/throttle";
import { clientAddress } from "@/lib/auth/client-address";
import { stopSurveys } from "@/lib/feedback/stop";
import { appBaseUrl } from "@/lib/mail/links";
import { GET as previewStop, POST as stopFromMail } from "@/app/api/surveys/stop/route";
import { transitionIncident } from "@/lib/incidents/update-incident";
import { computeMonth } from "@/lib/scorecards/compute";
import { feedbackView } from "@/lib/feedback/comments";
import { updateTenantSettings, DEFAULT_SETTINGS } from "@/lib/tenants/settings";
import { importRows } from "@/lib/import/import-rows";

let database: TestDatabase;
let f: ApiFixture;
let other: ApiFixture;
const HOUR = 3_600_000;

beforeAll(async () => {
  database = await createTestDatabase();
  f = await apiFixture("fb-acme");
  other = await apiFixture("fb-globex");
  // Deliveries are a moment of truth; installation is not. Customer A has an e-mail address, B none.
  await withTenant({ tenantId: f.tenantId }, async (db) => {
    await db.touchpoint.update({
      where: { tenantId_id: { tenantId: f.tenantId, id: f.touchpointA.id } },
      data: { isMomentOfTruth: true },
    });
    await db.customer.update({
      where: { tenantId_id: { tenantId: f.tenantId, id: f.customerA.id } },
      data: { email: "ada@example.com" },
    });
  });
});
afterAll(() => database.close());

const inTenant = <T>(work: Parameters<typeof withTenant<T>>[1], tenantId = f.tenantId) =>
  withTenant({ tenantId }, work);
const surveysOf = (customerId: string) =>
  inTenant((db) => db.customerFeedback.findMany({ where: { customerId }, orderBy: { id: "asc" } }));
const recent = (hoursAgo = 1) => new Date(Date.now() - hoursAgo * HOUR).toISOString();
const tokenOf = (id: string, tenantId = f.tenantId) => surveyToken(tenantId, id);
/** A successful interaction of the customer at the moment-of-truth touchpoint, through the API. */
const interactAsTenant = (customerId: string) =>
  call(createInteraction, "POST", "/interactions", {
    key: f.tenantKey,
    body: {
      partnerId: f.partnerA.id,
      touchpointId: f.touchpointA.id,
      customerId,
      occurredAt: recent(),
      outcome: "SUCCESS",
    },
  });

describe("survey invitations after an interaction", () => {
  it("invites the customer of a recent interaction at a moment of truth, by e-mail, storing only the token's hash", async () => {
    const res = await call(createInteraction, "POST", "/interactions", {
      key: f.tenantKey,
      body: {
        partnerId: f.partnerA.id,
        touchpointId: f.touchpointA.id,
        customerId: f.customerA.id,
        occurredAt: recent(),
        outcome: "SUCCESS",
      },
    });
    expect(res.status).toBe(201);
    const [survey] = await surveysOf(f.customerA.id);
    expect(survey).toMatchObject({
      source: "interaction",
      interactionId: res.body.id,
      emailed: true,
      answeredAt: null,
    });
    const token = tokenOf(survey.id);
    expect(survey.tokenHash).toBe(hashSurveyToken(token));
    expect(survey.tokenHash).not.toContain(token);
    const mail = await inTenant((db) => db.emailMessage.findMany({ where: { kind: "survey" } }));
    expect(mail).toHaveLength(1);
    expect(mail[0].recipient).toBe("ada@example.com");
    expect(mail[0].subject).toMatch(/how was/);
    expect(mail[0].link).toContain(`/s/${token}`);
    expect(mail[0].html).toContain(`/s/${token}`);
    // A customer has no preferences page: the mail client's unsubscribe button stops the surveys (RFC 8058).
    expect(mail[0].headers).toEqual({
      "List-Unsubscribe": `<${appBaseUrl()}/api/surveys/stop?token=${encodeURIComponent(token)}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
  });

  it("asks a customer about a touchpoint at most once within the setting's days, and only at moments of truth", async () => {
    const send = (touchpointId: string, customerId = f.customerA.id) =>
      call(createInteraction, "POST", "/interactions", {
        key: f.tenantKey,
        body: { partnerId: f.partnerA.id, touchpointId, customerId, occurredAt: recent(), outcome: "SUCCESS" },
      });
    expect((await send(f.touchpointA.id)).status).toBe(201);
    expect(await surveysOf(f.customerA.id)).toHaveLength(1);
    // Another touchpoint that is not a moment of truth: nobody is asked.
    const plain = await inTenant((db) => createTouchpoint(db, f.tenantId, { name: "Billing" }));
    expect((await send(plain.id)).status).toBe(201);
    expect(await surveysOf(f.customerA.id)).toHaveLength(1);
    // With a one-day rule and the first survey moved two days back, the next interaction asks again.
    await inTenant(async (db) => {
      await updateTenantSettings(db, f.tenantId, "feedback", { ...DEFAULT_SETTINGS.feedback, surveyEveryDays: 1 });
      await db.customerFeedback.updateMany({ data: { createdAt: new Date(Date.now() - 48 * HOUR) } });
    });
    expect((await send(f.touchpointA.id)).status).toBe(201);
    expect(await surveysOf(f.customerA.id)).toHaveLength(2);
    await inTenant((db) => updateTenantSettings(db, f.tenantId, "feedback", DEFAULT_SETTINGS.feedback));
  });

  it("makes a link without e-mail for a customer with no address, and none for old history", async () => {
    await inTenant((db) =>
      db.touchpoint.update({
        where: { tenantId_id: { tenantId: f.tenantId, id: f.touchpointB.id } },
        data: { isMomentOfTruth: true },
      }),
    );
    const old = await call(createInteraction, "POST", "/interactions", {
      key: f.tenantKey,
      body: {
        partnerId: f.partnerB.id,
        touchpointId: f.touchpointB.id,
        customerId: f.customerB.id,
        occurredAt: "2025-01-01T10:00:00Z",
        outcome: "SUCCESS",
      },
    });
    expect(old.status).toBe(201);
    expect(await surveysOf(f.customerB.id)).toHaveLength(0);
    await call(createInteraction, "POST", "/interactions", {
      key: f.tenantKey,
      body: {
        partnerId: f.partnerB.id,
        touchpointId: f.touchpointB.id,
        customerId: f.customerB.id,
        occurredAt: recent(),
        outcome: "PARTIAL",
      },
    });
    const [survey] = await surveysOf(f.customerB.id);
    expect(survey.emailed).toBe(false);
    expect(await inTenant((db) => db.emailMessage.count({ where: { kind: "survey" } }))).toBe(2);
  });
});

describe("survey invitations after an import", () => {
  it("invites the customers of recent imported interactions at moments of truth, not of old ones", async () => {
    const customer = await inTenant((db) =>
      createCustomer(db, f.tenantId, { externalRef: "imp-1", email: "lin@example.com" }),
    );
    const row = (n: number, occurredAt: string) => ({
      row: n,
      values: {
        partner: f.partnerA.name,
        touchpoint: f.touchpointA.name,
        occurredAt,
        outcome: "SUCCESS",
        customerRef: "imp-1",
        externalRef: `imp-${n}`,
      },
    });
    const result = await inTenant((db) =>
      importRows(db, f.tenantId, "interactions", [row(2, "2024-05-01T10:00:00Z"), row(3, recent(3))]),
    );
    expect(result.created).toBe(2);
    const surveys = await surveysOf(customer.id);
    expect(surveys).toHaveLength(1);
    expect(surveys[0]).toMatchObject({ source: "interaction", emailed: true });
  });
});

describe("answering a survey", () => {
  it("reads the survey, records the answer on the interaction once, and refuses a second answer", async () => {
    const [survey] = await surveysOf(f.customerA.id);
    const token = tokenOf(survey.id);
    expect(await readSurvey(token)).toEqual({
      tenantName: expect.any(String),
      touchpointName: f.touchpointA.name,
      partnerName: f.partnerA.name,
      problem: null,
    });
    // Two answers at once: exactly one wins.
    const results = await Promise.allSettled([
      answerSurvey({ token, csat: 2, nps: 3, comment: "Late and no call." }, "10.0.0.1"),
      answerSurvey({ token, csat: 5, nps: 10 }, "10.0.0.1"),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(String(rejected.reason.message)).toMatch(/already answered/);
    const stored = await inTenant((db) =>
      db.customerFeedback.findFirstOrThrow({ where: { id: survey.id }, include: { interaction: true } }),
    );
    expect(stored.answeredAt).not.toBeNull();
    expect([stored.csat, stored.interaction?.csat]).toEqual(stored.csat === 2 ? [2, 2] : [5, 5]);
    expect(stored.interaction?.nps).toBe(stored.nps);
    expect((await readSurvey(token))?.problem).toBe("answered");
    await expect(answerSurvey({ token, csat: 4, nps: 8 }, "10.0.0.1")).rejects.toThrow(/already answered/);
  });

  it("refuses an expired link and a forged or another workspace's token", async () => {
    const [, second] = await surveysOf(f.customerA.id);
    const token = tokenOf(second.id);
    const later = new Date(second.expiresAt!.getTime() + 1000);
    expect((await readSurvey(token, later))?.problem).toBe("expired");
    await expect(answerSurvey({ token, csat: 4, nps: 8 }, "10.0.0.2", later)).rejects.toThrow(/expired/);
    await expect(answerSurvey({ token: `${token}x`, csat: 4, nps: 8 }, "10.0.0.2")).rejects.toThrow(/not valid/);
    // A validly signed token naming this survey under the other workspace finds nothing (RLS and the hash).
    const foreign = tokenOf(second.id, other.tenantId);
    expect(await readSurvey(foreign)).toBeNull();
    await expect(answerSurvey({ token: foreign, csat: 4, nps: 8 }, "10.0.0.2")).rejects.toThrow(/not valid/);
  });

  it("feeds a recomputed scorecard: the partner's CSAT is the answer's", async () => {
    const now = new Date();
    const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    const [{ csat }] = await surveysOf(f.customerA.id);
    await inTenant((db) => computeMonth(db, f.tenantId, month, now));
    const card = await inTenant((db) =>
      db.scorecard.findFirstOrThrow({ where: { partnerId: f.partnerA.id, month, status: "DRAFT" } }),
    );
    expect(card.experienceScore).not.toBeNull();
    const details = card.details as { subScores: { experience: { inputs: Record<string, unknown> } } };
    expect(details.subScores.experience.inputs.csatAverage).toBe(csat);
  });

  it("holds its per-address limit under 100 concurrent answers", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, () => answerSurvey({ token: "forged.token", csat: 3, nps: 5 }, "203.0.113.9")),
    );
    const messages = results.map((r) => (r.status === "rejected" ? String(r.reason.message) : "ok"));
    expect(messages.filter((m) => /not valid/.test(m))).toHaveLength(MAX_SURVEY_ATTEMPTS_PER_SOURCE);
    expect(messages.filter((m) => /Too many answers/.test(m))).toHaveLength(100 - MAX_SURVEY_ATTEMPTS_PER_SOURCE);
    // Another address is not held back by it.
    await expect(answerSurvey({ token: "forged.token", csat: 3, nps: 5 }, "203.0.113.10")).rejects.toThrow(/not valid/);
  });
});

describe("after an incident is resolved", () => {
  it("invites the customer, also when the partner resolves it under its own scope", async () => {
    const customer = await inTenant((db) =>
      createCustomer(db, f.tenantId, { email: "grace@example.com", acquiringPartnerId: f.partnerA.id }),
    );
    const incident = await inTenant(async (db) => {
      await createSlaPolicies(db, f.tenantId);
      return createIncident(db, f.tenantId, {
        partnerId: f.partnerA.id,
        touchpointId: f.touchpointA.id,
        customerId: customer.id,
        status: "IN_PROGRESS",
      });
    });
    await withTenant({ tenantId: f.tenantId, partnerId: f.partnerA.id }, (db) =>
      transitionIncident(
        db,
        f.tenantId,
        { incidentId: incident.id, to: "RESOLVED", rootCause: "Van broke down", resolution: "Redelivered" },
        { userId: null, label: "Alpha agent", kind: "partner" },
      ),
    );
    const [survey] = await surveysOf(customer.id);
    expect(survey).toMatchObject({ source: "incident", incidentId: incident.id, emailed: true });
    const mail = await inTenant((db) => db.emailMessage.findMany({ where: { recipient: "grace@example.com" } }));
    expect(mail).toHaveLength(1);
    // No interaction was on record: the answer records one at the incident's partner and touchpoint.
    await answerSurvey({ token: tokenOf(survey.id), csat: 4, nps: 9, comment: "Sorted quickly." }, "10.0.0.3");
    const scored = await inTenant((db) =>
      db.interaction.findFirstOrThrow({ where: { externalRef: `survey:${survey.id}` } }),
    );
    expect(scored).toMatchObject({ partnerId: f.partnerA.id, touchpointId: f.touchpointA.id, csat: 4, nps: 9 });
  });
});

describe("the comments view and row-level security", () => {
  it("shows a partner only its own feedback and another workspace none", async () => {
    const query = { page: 1, linksPage: 1 };
    const steward = await inTenant((db) => feedbackView(db, f.tenantId, query));
    expect(steward.comments.total).toBeGreaterThanOrEqual(2);
    const partnerB = await withTenant({ tenantId: f.tenantId, partnerId: f.partnerB.id }, (db) =>
      feedbackView(db, f.tenantId, { ...query, partnerId: f.partnerA.id }),
    );
    expect(partnerB.comments.total).toBe(0);
    expect(partnerB.summary).toEqual([]);
    expect(partnerB.links.rows.every((l) => l.partner === f.partnerB.name)).toBe(true);
    const low = await inTenant((db) => feedbackView(db, f.tenantId, { ...query, score: "low" }));
    expect(low.comments.rows.every((c) => (c.csat ?? 0) <= 2)).toBe(true);
    const foreign = await inTenant((db) => db.customerFeedback.count(), other.tenantId);
    expect(foreign).toBe(0);
  });
});

describe("POST and GET /api/v1/feedback", () => {
  const body = (over: Record<string, unknown> = {}) => ({
    partnerId: f.partnerA.id,
    touchpointId: f.touchpointA.id,
    customerId: f.customerA.id,
    answeredAt: recent(),
    csat: 5,
    nps: 10,
    comment: "Asked at the door, very happy.",
    externalRef: "tms-answer-1",
    ...over,
  });

  it("records an answer once per externalRef and scores an interaction with it", async () => {
    const first = await call(createFeedback, "POST", "/feedback", { key: f.partnerKey, body: body() });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ source: "api", csat: 5, nps: 10, externalRef: "tms-answer-1" });
    const again = await call(createFeedback, "POST", "/feedback", { key: f.partnerKey, body: body() });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const interaction = await inTenant((db) =>
      db.interaction.findFirstOrThrow({ where: { id: first.body.interactionId } }),
    );
    expect(interaction).toMatchObject({ csat: 5, nps: 10, partnerId: f.partnerA.id });
  });

  it("validates scores and refuses another partner's or another workspace's ids", async () => {
    const bad = await call(createFeedback, "POST", "/feedback", {
      key: f.tenantKey,
      body: body({ csat: 9, externalRef: "x-1" }),
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toContainEqual({ field: "csat", message: "csat is from 1 to 5." });
    const foreignPartner = await call(createFeedback, "POST", "/feedback", {
      key: f.partnerKey,
      body: body({ partnerId: f.partnerB.id, touchpointId: f.touchpointB.id, externalRef: "x-2" }),
    });
    expect(foreignPartner.status).toBe(404);
    const foreignTenant = await call(createFeedback, "POST", "/feedback", {
      key: other.tenantKey,
      body: body({ externalRef: "x-3" }),
    });
    expect(foreignTenant.status).toBe(422);
    expect(foreignTenant.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(["partnerId", "touchpointId", "customerId"]),
    );
  });

  it("lists answers, a partner key only its own, filterable by CSAT", async () => {
    const all = await call(listFeedbackRoute, "GET", "/feedback", { key: f.tenantKey });
    expect(all.status).toBe(200);
    expect(all.body.data.length).toBeGreaterThanOrEqual(3);
    const own = await call(listFeedbackRoute, "GET", "/feedback", { key: f.partnerKey });
    expect(own.body.data.every((r: { partnerId: string }) => r.partnerId === f.partnerA.id)).toBe(true);
    const asB = await call(listFeedbackRoute, `GET`, `/feedback?partnerId=${f.partnerB.id}`, { key: f.partnerKey });
    expect(asB.body.data).toEqual([]);
    const happy = await call(listFeedbackRoute, "GET", "/feedback?minCsat=4", { key: f.tenantKey });
    expect(happy.body.data.every((r: { csat: number }) => r.csat >= 4)).toBe(true);
    const invalid = await call(listFeedbackRoute, "GET", "/feedback?minCsat=7", { key: f.tenantKey });
    expect(invalid.status).toBe(400);
    expect((await call(listFeedbackRoute, "GET", "/feedback", { key: other.tenantKey })).body.data).toEqual([]);
  });
});

describe("stop asking me", () => {
  it("stops every later survey of the customer, from any link they were sent, and refuses a forged one", async () => {
    const customer = await inTenant((db) =>
      createCustomer(db, f.tenantId, { email: "lin@example.com", acquiringPartnerId: f.partnerA.id }),
    );
    const interact = () => interactAsTenant(customer.id);
    expect((await interact()).status).toBe(201);
    const [survey] = await surveysOf(customer.id);
    const token = tokenOf(survey.id);
    await answerSurvey({ token, csat: 4, nps: 8 }, "10.0.1.1");
    // An answered link still stops the surveys; a forged one is refused and stops nothing.
    await expect(stopSurveys(`${token}x`, "10.0.1.1")).rejects.toThrow(/not valid/);
    await stopSurveys(token, "10.0.1.1");
    const stoppedAt = (await inTenant((db) => db.customer.findFirstOrThrow({ where: { id: customer.id } })))
      .surveysStoppedAt;
    expect(stoppedAt).not.toBeNull();
    await stopSurveys(token, "10.0.1.1");
    expect(
      (await inTenant((db) => db.customer.findFirstOrThrow({ where: { id: customer.id } }))).surveysStoppedAt,
    ).toEqual(stoppedAt);
    // Past the once-a-month rule, the next moment of truth would ask again: it asks nobody, by mail or by link.
    await inTenant((db) =>
      db.customerFeedback.updateMany({
        where: { customerId: customer.id },
        data: { createdAt: new Date(Date.now() - 40 * 24 * HOUR) },
      }),
    );
    const mailsBefore = await inTenant((db) => db.emailMessage.count({ where: { recipient: "lin@example.com" } }));
    expect((await interact()).status).toBe(201);
    expect(await surveysOf(customer.id)).toHaveLength(1);
    expect(await inTenant((db) => db.emailMessage.count({ where: { recipient: "lin@example.com" } }))).toBe(
      mailsBefore,
    );
  });

  it("stops them from the mail client's one-click unsubscribe, which opening the link alone does not", async () => {
    const customer = await inTenant((db) =>
      createCustomer(db, f.tenantId, { email: "ming@example.com", acquiringPartnerId: f.partnerA.id }),
    );
    expect((await interactAsTenant(customer.id)).status).toBe(201);
    const [mail] = await inTenant((db) => db.emailMessage.findMany({ where: { recipient: "ming@example.com" } }));
    const link = String((mail.headers as Record<string, string>)["List-Unsubscribe"]).slice(1, -1);
    const stoppedAt = async () =>
      (await inTenant((db) => db.customer.findFirstOrThrow({ where: { id: customer.id } }))).surveysStoppedAt;

    // Opening the link (a person, or a scanner that follows links) only asks.
    const preview = await previewStop(new Request(link));
    expect(preview.status).toBe(200);
    const workspace = await inTenant((db) => db.tenant.findFirstOrThrow({ where: { id: f.tenantId } }));
    expect(await preview.text()).toContain(
      `Stop asking me about my experience? You will get no more surveys from ${workspace.name}.`,
    );
    expect(await stoppedAt()).toBeNull();
    // A forged token is refused, on both.
    const forged = link.replace(/.{4}$/, "AAAA");
    expect((await previewStop(new Request(forged))).status).toBe(404);
    expect((await stopFromMail(new Request(forged, { method: "POST" }))).status).toBe(404);
    expect(await stoppedAt()).toBeNull();

    // The POST comes from the mail provider's servers, whose addresses many customers share: the survey page's
    // per-address limit, reached here for the address this request comes from, does not refuse it.
    const fromProvider = oneClickUnsubscribeRequest(link);
    for (let i = 0; i < MAX_SURVEY_ATTEMPTS_PER_SOURCE; i++)
      await claimSurveyAttempt(clientAddress(fromProvider.headers)).catch(() => undefined);
    await expect(claimSurveyAttempt(clientAddress(fromProvider.headers))).rejects.toThrow(/Too many/);
    const oneClick = await stopFromMail(fromProvider);
    expect(oneClick.status).toBe(200);
    expect(await oneClick.text()).toContain("You will not be asked about your experience again.");
    expect(await stoppedAt()).not.toBeNull();
  });
});
