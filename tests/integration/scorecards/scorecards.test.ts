import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import {
  addMember,
  assignPartner,
  createCustomer,
  createIncident,
  createInteraction,
  createPartner,
  createSlaPolicies,
  createStandard,
  createTenantWithOwner,
  createTouchpoint,
  createTransaction,
  createUser,
} from "@/lib/seed/factories";
import type { SessionUser } from "@/lib/auth/session";
import { computeMonth, publishMonth } from "@/lib/scorecards/compute";
import { scorecardInputsForMonth } from "@/lib/scorecards/inputs";
import { monthScorecards, partnerScorecard, partnerTrend, scorecardComments } from "@/lib/scorecards/queries";
import { surveySummary } from "@/lib/scorecards/feedback";

let signedIn: SessionUser | null = null;
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => signedIn }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { computeMonthAction, publishMonthAction, saveScorecardConfigAction } = await import(
  "@/app/t/[tenant]/scorecards/actions"
);
const { commentOnScorecardAction } = await import("@/app/portal/[tenant]/scorecard/actions");
const { submitSurveyAction } = await import("@/app/portal/[tenant]/survey/actions");

const SEPT = new Date(Date.UTC(2026, 8, 1));
const AUG = new Date(Date.UTC(2026, 7, 1));
const NOW = new Date(Date.UTC(2026, 10, 23, 12));
const d = (month: number, day: number, hour = 0) => new Date(Date.UTC(2026, month - 1, day, hour));

let database: TestDatabase;
let tenantId = "";
const ids: Record<string, string> = {};
const people: Record<string, SessionUser> = {};
const session = (u: { id: string; email: string; name: string }) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  sessionId: "test",
});

beforeAll(async () => {
  database = await createTestDatabase();
  const { tenant, owner } = await createTenantWithOwner({ slug: "acme" });
  tenantId = tenant.id;
  const other = await createTenantWithOwner({ slug: "other" });
  const userA1 = await createUser({ email: "a1@alpha.test" });
  const userA2 = await createUser({ email: "a2@alpha.test" });
  const userB = await createUser({ email: "b@beta.test" });
  const analyst = await createUser({ email: "analyst@acme.test" });
  people.owner = session(owner.user);
  people.a1 = session(userA1.user);
  people.b = session(userB.user);
  people.analyst = session(analyst.user);
  people.stranger = session(other.owner.user);

  await withTenant({ tenantId }, async (db) => {
    await createSlaPolicies(db, tenantId);
    const A = await createPartner(db, tenantId, { name: "Alpha Couriers", type: "DELIVERY" });
    const B = await createPartner(db, tenantId, { name: "Beta Express", type: "DELIVERY" });
    const C = await createPartner(db, tenantId, { name: "Cedar Installers", type: "INSTALLER" });
    const D = await createPartner(db, tenantId, { name: "Dormant Ltd", type: "DELIVERY", status: "OFFBOARDED" });
    Object.assign(ids, { A: A.id, B: B.id, C: C.id, D: D.id });
    await addMember(db, { tenantId, userId: userA1.user.id, role: "PARTNER_ADMIN", partnerId: A.id });
    await addMember(db, { tenantId, userId: userA2.user.id, role: "PARTNER_AGENT", partnerId: A.id });
    await addMember(db, { tenantId, userId: userB.user.id, role: "PARTNER_ADMIN", partnerId: B.id });
    await addMember(db, { tenantId, userId: analyst.user.id, role: "ANALYST" });

    const T = await createTouchpoint(db, tenantId, { name: "Delivery" });
    ids.T = T.id;
    await assignPartner(db, tenantId, T.id, A.id);
    await assignPartner(db, tenantId, T.id, B.id);
    const s1 = await createStandard(db, tenantId, T.id, { weight: 2 });
    const s2 = await createStandard(db, tenantId, T.id, { weight: 1 });
    // compliance of A in September: weight 2 met, weight 1 not met → 2/3 = 66.7
    await db.assessment.createMany({
      data: [
        { tenantId, partnerId: A.id, standardId: s1.id, period: SEPT, value: 99, met: true, source: "AUDIT" },
        { tenantId, partnerId: A.id, standardId: s2.id, period: SEPT, value: 80, met: false, source: "AUDIT" },
        {
          tenantId,
          partnerId: B.id,
          standardId: s1.id,
          period: SEPT,
          value: 99,
          met: true,
          source: "SELF_REPORT",
          verification: "PENDING",
        },
      ],
    });

    // experience of A: CSAT avg 3.5 → 62.5; NPS (2 promoters, 1 passive, 1 detractor) = 25 → 62.5; outcomes 2.5/4 → 62.5
    const ia = (
      outcome: "SUCCESS" | "PARTIAL" | "FAILURE",
      csat: number | null,
      nps: number | null,
      at: Date,
      partnerId = A.id,
    ) => createInteraction(db, tenantId, { partnerId, touchpointId: T.id, outcome, csat, nps, occurredAt: at });
    await ia("SUCCESS", 5, 10, d(9, 3));
    await ia("SUCCESS", 4, 9, d(9, 4));
    await ia("PARTIAL", 3, 7, d(9, 5));
    await ia("FAILURE", 2, 3, d(9, 30, 23));
    await ia("FAILURE", 1, 0, d(10, 1)); // October: not counted
    await ia("SUCCESS", null, null, d(9, 10), B.id);
    await ia("SUCCESS", null, null, d(9, 11), B.id);

    // value: CLV snapshots of August and September
    const c1 = await createCustomer(db, tenantId, { name: "C1" });
    const c2 = await createCustomer(db, tenantId, { name: "C2" });
    const c3 = await createCustomer(db, tenantId, { name: "C3" });
    await createTransaction(db, tenantId, { customerId: c1.id, servingPartnerId: A.id, occurredAt: d(8, 10) });
    await createTransaction(db, tenantId, { customerId: c3.id, servingPartnerId: A.id, occurredAt: d(8, 12) });
    await createTransaction(db, tenantId, { customerId: c2.id, servingPartnerId: A.id, occurredAt: d(9, 5) });
    await createTransaction(db, tenantId, { customerId: c2.id, occurredAt: d(9, 6) }); // direct: no partner
    await db.customerValue.createMany({
      data: [
        { tenantId, customerId: c1.id, asOf: AUG, model: "RETENTION", clv: 10000 },
        { tenantId, customerId: c3.id, asOf: AUG, model: "RETENTION", clv: 500 },
        { tenantId, customerId: c2.id, asOf: AUG, model: "RETENTION", clv: 1800 },
        { tenantId, customerId: c1.id, asOf: SEPT, model: "RETENTION", clv: 10000 },
        { tenantId, customerId: c2.id, asOf: SEPT, model: "RETENTION", clv: 2000 },
        { tenantId, customerId: c3.id, asOf: SEPT, model: "RETENTION", clv: 500 },
      ],
    });

    // incidents of A: MEDIUM (72 h) resolved in 24 h → met; HIGH (24 h) resolved in 48 h → missed;
    // LOW (168 h) opened in August, still open past its target on 1 September → missed, known in September
    await createIncident(db, tenantId, {
      partnerId: A.id,
      touchpointId: T.id,
      severity: "MEDIUM",
      status: "RESOLVED",
      customerId: c3.id,
      openedAt: d(9, 2),
      acknowledgedAt: d(9, 2, 1),
      resolvedAt: d(9, 3),
    });
    await createIncident(db, tenantId, {
      partnerId: A.id,
      touchpointId: T.id,
      severity: "HIGH",
      status: "RESOLVED",
      customerId: c3.id,
      openedAt: d(9, 10),
      acknowledgedAt: d(9, 10, 1),
      resolvedAt: d(9, 12),
    });
    await createIncident(db, tenantId, {
      partnerId: A.id,
      touchpointId: T.id,
      severity: "LOW",
      status: "OPEN",
      openedAt: d(8, 25),
    });

    // partner survey: Q3 answers count; the later Q4 one and the older Q2 one do not
    await db.partnerSurveyResponse.createMany({
      data: [
        {
          tenantId,
          partnerId: A.id,
          userId: userA1.user.id,
          quarter: "2026-Q3",
          communication: 5,
          fairness: 4,
          tools: 3,
          support: 4,
        },
        {
          tenantId,
          partnerId: A.id,
          userId: userA2.user.id,
          quarter: "2026-Q3",
          communication: 3,
          fairness: 4,
          tools: 3,
          support: 2,
        },
        {
          tenantId,
          partnerId: A.id,
          userId: userA1.user.id,
          quarter: "2026-Q4",
          communication: 1,
          fairness: 1,
          tools: 1,
          support: 1,
        },
        {
          tenantId,
          partnerId: A.id,
          userId: userA1.user.id,
          quarter: "2026-Q2",
          communication: 1,
          fairness: 1,
          tools: 1,
          support: 1,
        },
      ],
    });
    // last month's published card of A (score 60) for the change
    await db.scorecard.create({
      data: { tenantId, partnerId: A.id, month: AUG, status: "PUBLISHED", score: 60, publishedAt: AUG },
    });
  });
});
afterAll(() => database.close());
beforeEach(() => {
  signedIn = null;
});

const inTenant = <T>(work: Parameters<typeof withTenant<T>>[1]) => withTenant({ tenantId }, work);

describe("scorecard inputs (one aggregate query)", () => {
  it("reads every scored partner's month, hand-computed", async () => {
    const rows = await inTenant((db) => scorecardInputsForMonth(db, tenantId, SEPT, NOW));
    expect(rows.map((r) => r.name)).toEqual(["Alpha Couriers", "Beta Express", "Cedar Installers"]);
    const a = rows[0].inputs;
    expect(a.compliance.compliance).toBe(66.7);
    expect(a.experience).toEqual({ successes: 2, partials: 1, failures: 1, csatAverage: 3.5, nps: 25 });
    expect(a.incidents).toEqual({
      interactions: 4,
      incidents: 2,
      slaMeasured: 3,
      slaMet: 1,
      meanHoursToResolve: 36,
      targetHoursToResolve: 48,
    });
    // served Sept: 10000 + 2000 + 500; August: c1 + c3 only (c2 first served in September); at risk: 2 × 500 × 0.52
    expect(a.value.equityServed).toBe(12500);
    expect(a.value.equityServedLastMonth).toBe(10500);
    expect(a.value.equityAtRisk).toBeCloseTo(520, 6);
    expect(a.engagement).toEqual({ responses: 2, communication: 4, fairness: 4, tools: 3, support: 3 });
    const b = rows[1].inputs;
    expect(b.compliance.compliance).toBeNull(); // only a pending self-report
    expect(b.value).toEqual({ equityServed: 0, equityServedLastMonth: 0, equityAtRisk: 0 });
    expect(b.engagement.responses).toBe(0);
  });

  it("computes the dashboard's equity at risk live while no month is scored", async () => {
    const { dashboardOverview } = await import("@/lib/dashboard/overview");
    const live = (await inTenant((db) => dashboardOverview(db, tenantId, new Date(Date.UTC(2026, 9, 1))))).equity;
    expect(live).toMatchObject({ atRiskIncidents: 2, atRiskPeriod: "in the last 30 days" });
    expect(live.atRisk).toBeCloseTo(520, 6);
  });

  it("has no value data for a month without a CLV snapshot", async () => {
    const rows = await inTenant((db) => scorecardInputsForMonth(db, tenantId, new Date(Date.UTC(2026, 6, 1)), NOW));
    expect(rows[0].inputs.value).toEqual({ equityServed: null, equityServedLastMonth: null, equityAtRisk: null });
  });
});

describe("computing, publishing and recomputing a month", () => {
  it("writes one draft per scored partner with the hand-computed scores", async () => {
    const result = await inTenant((db) => computeMonth(db, tenantId, SEPT, NOW));
    expect(result).toMatchObject({ partners: 3, scored: 2 });
    const a = await inTenant((db) => partnerScorecard(db, tenantId, ids.A, SEPT));
    expect(a).toMatchObject({
      status: "DRAFT",
      version: 1,
      complianceScore: 66.7,
      experienceScore: 62.5,
      incidentScore: 44.4, // (0 + 33.33 + 100) / 3
      valueScore: 88.4, // growth 97.62, at risk 79.2
      engagementScore: 62.5,
      score: 65.1,
      recommendation: "DEVELOP",
      rank: 2,
      peerCount: 2,
      change: 5.1,
    });
    const b = await inTenant((db) => partnerScorecard(db, tenantId, ids.B, SEPT));
    expect(b).toMatchObject({
      complianceScore: null,
      experienceScore: 100,
      incidentScore: 100,
      valueScore: null,
      engagementScore: null,
      score: 100,
      rank: 1,
      recommendation: "REWARD",
      change: null,
    });
    expect(b!.details!.missing).toEqual(["compliance", "value", "engagement"]);
    const c = await inTenant((db) => partnerScorecard(db, tenantId, ids.C, SEPT));
    expect(c).toMatchObject({ score: null, rank: null, recommendation: null });
    expect(await inTenant((db) => partnerScorecard(db, tenantId, ids.D, SEPT))).toBeNull();
  });

  it("publishes the drafts, and a recompute never changes a published card", async () => {
    expect(await inTenant((db) => publishMonth(db, tenantId, SEPT, people.owner.id, NOW))).toMatchObject({
      published: 3,
    });
    const published = await inTenant((db) => partnerScorecard(db, tenantId, ids.A, SEPT));
    expect(published).toMatchObject({ status: "PUBLISHED", version: 1, score: 65.1 });
    // one scorecard.published event per card for the webhook dispatcher
    const events = await inTenant((db) =>
      db.outboxMessage.findMany({ where: { tenantId, topic: "scorecard.published" } }),
    );
    expect(events).toHaveLength(3);
    expect(events.map((e) => (e.payload as { month: string }).month)).toEqual(["2026-09", "2026-09", "2026-09"]);
    await expect(inTenant((db) => publishMonth(db, tenantId, SEPT, people.owner.id, NOW))).rejects.toThrow(/no draft/);

    // new data, then a recompute: a version-2 draft; the published version 1 is untouched
    await inTenant(async (db) => {
      for (let i = 0; i < 4; i++)
        await createInteraction(db, tenantId, {
          partnerId: ids.A,
          touchpointId: ids.T,
          outcome: "SUCCESS",
          occurredAt: d(9, 20),
        });
    });
    await inTenant((db) => computeMonth(db, tenantId, SEPT, NOW));
    await inTenant((db) => computeMonth(db, tenantId, SEPT, NOW)); // recompute replaces the draft
    const all = await inTenant((db) =>
      db.scorecard.findMany({ where: { tenantId, partnerId: ids.A, month: SEPT }, orderBy: { version: "asc" } }),
    );
    expect(all.map((s) => [s.version, s.status])).toEqual([
      [1, "PUBLISHED"],
      [2, "DRAFT"],
    ]);
    expect(all[0].score).toBe(65.1);
    expect(all[0].computedAt.getTime()).toBe(published!.computedAt.getTime());
    expect(all[1].experienceScore).not.toBe(62.5);
    const month = await inTenant((db) => monthScorecards(db, tenantId, SEPT));
    expect(month.state).toBe("draft");
    expect(month.rows.find((r) => r.partnerId === ids.A)?.version).toBe(2);

    await inTenant((db) => publishMonth(db, tenantId, SEPT, people.owner.id, NOW));
    const after = await inTenant((db) =>
      db.scorecard.findMany({ where: { tenantId, partnerId: ids.A, month: SEPT }, orderBy: { version: "asc" } }),
    );
    expect(after.map((s) => [s.version, s.status, s.score])).toEqual([
      [1, "SUPERSEDED", 65.1],
      [2, "PUBLISHED", after[1].score],
    ]);
    expect((await inTenant((db) => monthScorecards(db, tenantId, SEPT))).state).toBe("published");
  });
});

describe("partner isolation", () => {
  it("shows a partner only its own published cards", async () => {
    await inTenant((db) => computeMonth(db, tenantId, SEPT, NOW)); // a fresh draft exists again
    const asB = <T>(work: Parameters<typeof withTenant<T>>[1]) => withTenant({ tenantId, partnerId: ids.B }, work);
    // explicit filter and RLS: another partner's card is not found, even without the partner filter
    expect(await asB((db) => partnerScorecard(db, tenantId, ids.A, SEPT, { publishedOnly: true }))).toBeNull();
    const seen = await asB((db) => db.scorecard.findMany({ where: { tenantId } }));
    expect(seen.every((s) => s.partnerId === ids.B && s.status === "PUBLISHED")).toBe(true);
    expect(seen.length).toBe(1);
    const own = await asB((db) => partnerScorecard(db, tenantId, ids.B, SEPT, { publishedOnly: true }));
    expect(own?.status).toBe("PUBLISHED");
    const trend = await asB((db) => partnerTrend(db, tenantId, ids.B, { publishedOnly: true }));
    expect(trend.map((t) => t.status)).toEqual(["PUBLISHED"]);
  });
});

describe("scorecard actions", () => {
  it("lets a steward compute and publish, and refuses an analyst and other tenants", async () => {
    signedIn = people.owner;
    const computed = await computeMonthAction({ tenantSlug: "acme", month: "2026-09" });
    expect(computed.data).toMatchObject({ month: "2026-09", partners: 3, scored: 2 });
    const bad = await computeMonthAction({ tenantSlug: "acme", month: "2026-13" });
    expect(bad.validationErrors?.fieldErrors?.month?.[0]).toMatch(/Choose a month/);
    const future = await computeMonthAction({ tenantSlug: "acme", month: "2099-01" });
    expect(future.validationErrors?.fieldErrors?.month?.[0]).toMatch(/this month or an earlier one/);

    signedIn = people.analyst;
    expect((await publishMonthAction({ tenantSlug: "acme", month: "2026-09" })).serverError).toMatch(
      /role does not allow/,
    );
    signedIn = people.stranger;
    expect((await publishMonthAction({ tenantSlug: "acme", month: "2026-09" })).serverError).toMatch(/not found/);
    signedIn = people.a1;
    expect((await publishMonthAction({ tenantSlug: "acme", month: "2026-09" })).serverError).toMatch(/not found/);

    signedIn = people.owner;
    expect((await publishMonthAction({ tenantSlug: "acme", month: "2026-09" })).data).toMatchObject({ published: 3 });
  });

  it("validates the weights (sum 100) and thresholds, and uses them", async () => {
    signedIn = people.owner;
    const thresholds = { reward: 85, maintain: 70, develop: 55, probation: 40 };
    const bad = await saveScorecardConfigAction({
      tenantSlug: "acme",
      weights: { compliance: 30, experience: 25, incidents: 20, value: 20, engagement: 10 },
      thresholds,
    });
    expect(bad.validationErrors).toBeDefined();
    const ok = await saveScorecardConfigAction({
      tenantSlug: "acme",
      weights: { compliance: 100, experience: 0, incidents: 0, value: 0, engagement: 0 },
      thresholds,
    });
    expect(ok.serverError).toBeUndefined();
    await inTenant((db) => computeMonth(db, tenantId, SEPT, NOW));
    const a = await inTenant((db) => partnerScorecard(db, tenantId, ids.A, SEPT));
    expect(a).toMatchObject({ status: "DRAFT", score: 66.7 });
    const b = await inTenant((db) => partnerScorecard(db, tenantId, ids.B, SEPT));
    expect(b?.score).toBeNull(); // only compliance counts, and B has none
    await saveScorecardConfigAction({
      tenantSlug: "acme",
      weights: { compliance: 25, experience: 25, incidents: 20, value: 20, engagement: 10 },
      thresholds,
    });
  });

  it("lets a partner comment on and acknowledge its own published card only; stewards see the comments", async () => {
    const [cardA, cardB] = await inTenant((db) =>
      Promise.all([
        db.scorecard.findFirstOrThrow({ where: { tenantId, partnerId: ids.A, month: SEPT, status: "PUBLISHED" } }),
        db.scorecard.findFirstOrThrow({ where: { tenantId, partnerId: ids.B, month: SEPT, status: "PUBLISHED" } }),
      ]),
    );
    signedIn = people.b;
    const foreign = await commentOnScorecardAction({
      tenantSlug: "acme",
      scorecardId: cardA.id,
      body: "Not mine",
      acknowledged: false,
    });
    expect(foreign.serverError).toMatch(/not found/);
    const draft = await inTenant((db) =>
      db.scorecard.findFirst({ where: { tenantId, partnerId: ids.B, status: "DRAFT" } }),
    );
    if (draft)
      expect(
        (await commentOnScorecardAction({ tenantSlug: "acme", scorecardId: draft.id, body: "x", acknowledged: false }))
          .serverError,
      ).toMatch(/not found/);
    const ok = await commentOnScorecardAction({
      tenantSlug: "acme",
      scorecardId: cardB.id,
      body: "=Thanks, noted",
      acknowledged: true,
    });
    expect(ok.serverError).toBeUndefined();
    const again = await commentOnScorecardAction({
      tenantSlug: "acme",
      scorecardId: cardB.id,
      body: "",
      acknowledged: true,
    });
    expect(again.serverError).toMatch(/already acknowledged/);
    const comments = await inTenant((db) => scorecardComments(db, tenantId, ids.B, SEPT));
    expect(comments).toMatchObject([{ body: "=Thanks, noted", acknowledged: true, author: expect.any(String) }]);
  });

  it("takes the quarterly survey (one answer per user and quarter) and feeds the steward view", async () => {
    signedIn = people.b;
    const bad = await submitSurveyAction({
      tenantSlug: "acme",
      communication: 6,
      fairness: 3,
      tools: 3,
      support: 3,
      comment: "",
    });
    expect(bad.validationErrors?.fieldErrors?.communication?.[0]).toBe("Rate communication from 1 to 5");
    const first = await submitSurveyAction({
      tenantSlug: "acme",
      communication: 2,
      fairness: 3,
      tools: 4,
      support: 5,
      comment: "Good tools",
    });
    expect(first.data).toMatchObject({ quarter: "2026-Q4", replaced: false });
    const second = await submitSurveyAction({
      tenantSlug: "acme",
      communication: 4,
      fairness: 4,
      tools: 4,
      support: 4,
      comment: "",
    });
    expect(second.data).toMatchObject({ replaced: true });
    const summary = await inTenant((db) => surveySummary(db, tenantId, "2026-Q4"));
    expect(summary.find((r) => r.partnerId === ids.B)).toMatchObject({ responses: 1, communication: 4, overall: 4 });
    // a partner sees only its own answers
    const seen = await withTenant({ tenantId, partnerId: ids.B }, (db) =>
      db.partnerSurveyResponse.findMany({ where: { tenantId } }),
    );
    expect(seen.every((r) => r.partnerId === ids.B)).toBe(true);
  });
});

describe("scorecard export", () => {
  it("exports one CSV row per partner with all sub-scores, escaped, and a partner only its own published card", async () => {
    const { scorecardExport, scorecardCsv, exportFileName } = await import("@/lib/scorecards/export");
    await inTenant((db) =>
      db.partner.update({ where: { tenantId_id: { tenantId, id: ids.C } }, data: { name: '=HYPERLINK("x")' } }),
    );
    const all = await inTenant((db) => scorecardExport(db, tenantId, SEPT));
    expect(all.rows).toHaveLength(3);
    const csv = scorecardCsv(all);
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe(
      "Month,Partner,Partner type,Status,Version,Standards compliance,Customer experience,Incident performance,Customer value,Partner engagement,Overall score,Rank,Peers,Change vs last month,Recommendation,Equity served,Computed at,Published at",
    );
    expect(lines).toHaveLength(4);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    const cedar = lines.find((l) => l.includes("HYPERLINK"))!;
    expect(cedar.split(",").slice(6, 11)).toEqual(["", "", "", "", ""]); // no data is empty, never 0
    expect(all.trends.get(ids.A)?.map((t) => t.month.toISOString().slice(0, 7))).toEqual(["2026-08", "2026-09"]);

    const own = await withTenant({ tenantId, partnerId: ids.B }, (db) =>
      scorecardExport(db, tenantId, SEPT, { partnerId: ids.B }),
    );
    expect(own.rows.map((r) => [r.partnerId, r.status])).toEqual([[ids.B, "PUBLISHED"]]);
    expect(exportFileName("acme", SEPT, "pdf", "Béta Express / <x>")).toBe(
      "scorecards-acme-2026-09-Beta-Express-x.pdf",
    );
  });

  it("renders the PDF (portfolio summary + one page per partner)", async () => {
    const { scorecardExport } = await import("@/lib/scorecards/export");
    const { renderScorecardPdf } = await import("@/lib/scorecards/pdf/report");
    const data = await inTenant((db) => scorecardExport(db, tenantId, SEPT));
    const pdf = await renderScorecardPdf(data, "Acme");
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const pages = pdf.toString("latin1").match(/\/Type \/Page\b/g)?.length;
    expect(pages).toBe(1 + 3);
  });
});

describe("steward dashboard figures", () => {
  it("sums equity, equity at risk, incidents and the latest month's scores", async () => {
    const { dashboardOverview } = await import("@/lib/dashboard/overview");
    const OCT1 = new Date(Date.UTC(2026, 9, 1));
    const { equity, incidents } = await inTenant((db) => dashboardOverview(db, tenantId, OCT1));
    expect(equity.trend).toEqual([
      { month: "2026-08", equity: 12300 },
      { month: "2026-09", equity: 12500 },
    ]);
    expect(equity.changePct).toBeCloseTo((200 / 12300) * 100, 6);
    // still the last 30 days' incidents, now that September is scored: A's 2 incidents, 2 × 500 × 0.52
    expect(equity.atRisk).toBeCloseTo(520, 6);
    expect(equity.atRiskIncidents).toBe(2);
    expect(equity.atRiskPeriod).toBe("in the last 30 days");

    expect(incidents).toMatchObject({ open: 1, breached: 1, partners: 4, activePartners: 3 });
    expect(incidents.byTouchpoint).toEqual([{ touchpointId: ids.T, name: "Delivery", incidents: 3, open: 1 }]);

    await inTenant((db) => computeMonth(db, tenantId, SEPT, NOW));
    const { scores } = await inTenant((db) => dashboardOverview(db, tenantId));
    const a = await inTenant((db) => partnerScorecard(db, tenantId, ids.A, SEPT));
    expect(scores).toMatchObject({ partners: 3, scored: 2, drafts: 3, scoreLine: 70 });
    expect(scores!.month.toISOString().slice(0, 10)).toBe("2026-09-01");
    // equity line = median equity served of the scored partners that serve valued customers (A 12,500; B serves none)
    expect(scores!.equityLine).toBe(12500);
    expect(scores!.quadrant.find((p) => p.partnerId === ids.A)?.quadrant).toBe(a!.score! >= 70 ? "reward" : "develop");
    expect(scores!.quadrant.find((p) => p.partnerId === ids.B)).toBeUndefined();
    expect(scores!.movers).toEqual([{ partnerId: ids.A, name: "Alpha Couriers", score: a!.score, change: a!.change }]);
    expect(scores!.distribution.reduce((s, b) => s + b.partners, 0)).toBe(2);
  });
});
