/**
 * The scoring rules of docs/scorecards.md that depend on stored data, one test each: who is scored, the
 * month an SLA outcome counts in, the time-to-resolve target, the survey quarter, and where "change" comes
 * from. (The pure rules — rounding, "no data", ties, the worked example — are in
 * tests/unit/scorecards/scoring-rules.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import {
  createIncident,
  createInteraction,
  createPartner,
  createSlaPolicies,
  createTenantWithOwner,
  createTouchpoint,
  createUser,
} from "@/lib/seed/factories";
import { computeMonth } from "@/lib/scorecards/compute";
import { scorecardInputsForMonth } from "@/lib/scorecards/inputs";
import { partnerScorecard } from "@/lib/scorecards/queries";

const AUG = new Date(Date.UTC(2026, 7, 1));
const SEPT = new Date(Date.UTC(2026, 8, 1));
const OCT = new Date(Date.UTC(2026, 9, 1));
const NOW = new Date(Date.UTC(2026, 10, 20, 12));
const d = (month: number, day: number, hour = 0) => new Date(Date.UTC(2026, month - 1, day, hour));

let database: TestDatabase;
let tenantId = "";
const ids: Record<string, string> = {};
const inTenant = <T>(work: Parameters<typeof withTenant<T>>[1]) => withTenant({ tenantId }, work);

beforeAll(async () => {
  database = await createTestDatabase();
  const { tenant } = await createTenantWithOwner({ slug: "rules" });
  tenantId = tenant.id;
  const surveyor = await createUser({ email: "admin@pine.test" });
  await inTenant(async (db) => {
    await createSlaPolicies(db, tenantId); // HIGH: resolve within 24 h
    const pine = await createPartner(db, tenantId, { name: "Pine Couriers", type: "DELIVERY" });
    const old = await createPartner(db, tenantId, { name: "Old Freight", type: "DELIVERY", status: "OFFBOARDED" });
    const gone = await createPartner(db, tenantId, { name: "Gone Ltd", type: "DELIVERY", status: "OFFBOARDED" });
    Object.assign(ids, { pine: pine.id, old: old.id, gone: gone.id });
    const touchpoint = await createTouchpoint(db, tenantId, { name: "Delivery" });
    const interaction = (partnerId: string, at: Date) =>
      createInteraction(db, tenantId, {
        partnerId,
        touchpointId: touchpoint.id,
        outcome: "SUCCESS",
        csat: 5,
        nps: 10,
        occurredAt: at,
      });
    await interaction(pine.id, d(9, 5));
    await interaction(old.id, d(9, 6)); // offboarded, but active in September

    // Due 30 September, resolved 3 October: missed, and known on 30 September.
    await createIncident(db, tenantId, {
      partnerId: pine.id,
      touchpointId: touchpoint.id,
      severity: "HIGH",
      status: "RESOLVED",
      openedAt: d(9, 29),
      acknowledgedAt: d(9, 29, 1),
      resolvedAt: d(10, 3),
    });
    // Paused for 48 h (extraMinutes), so due 72 h after opening; resolved after 48 h: met, in October.
    await createIncident(db, tenantId, {
      partnerId: pine.id,
      touchpointId: touchpoint.id,
      severity: "HIGH",
      status: "RESOLVED",
      extraMinutes: 48 * 60,
      openedAt: d(10, 10),
      acknowledgedAt: d(10, 10, 1),
      resolvedAt: d(10, 12),
    });

    // Pine's only survey answers before Q4 are from Q2; the Q4 answer comes after September.
    await db.partnerSurveyResponse.createMany({
      data: [
        {
          tenantId,
          partnerId: pine.id,
          userId: surveyor.user.id,
          quarter: "2026-Q2",
          communication: 5,
          fairness: 4,
          tools: 4,
          support: 3,
        },
        {
          tenantId,
          partnerId: pine.id,
          userId: surveyor.user.id,
          quarter: "2026-Q4",
          communication: 1,
          fairness: 1,
          tools: 1,
          support: 1,
        },
      ],
    });

    // August: Pine was published at 40, then recomputed to a draft of 90; Old Freight only has a draft (50).
    await db.scorecard.createMany({
      data: [
        { tenantId, partnerId: pine.id, month: AUG, version: 1, status: "PUBLISHED", score: 40, publishedAt: AUG },
        { tenantId, partnerId: pine.id, month: AUG, version: 2, status: "DRAFT", score: 90 },
        { tenantId, partnerId: old.id, month: AUG, version: 1, status: "DRAFT", score: 50 },
      ],
    });
  });
});
afterAll(() => database.close());

describe("who is scored", () => {
  it("every active or probation partner, and an offboarded one only when it had activity in the month", async () => {
    const rows = await inTenant((db) => scorecardInputsForMonth(db, tenantId, SEPT, NOW));
    expect(rows.map((r) => r.name)).toEqual(["Old Freight", "Pine Couriers"]);
  });

  it("ranks an offboarded partner among its type like any other", async () => {
    await inTenant((db) => computeMonth(db, tenantId, SEPT, NOW));
    const old = await inTenant((db) => partnerScorecard(db, tenantId, ids.old, SEPT));
    expect(old).toMatchObject({ peerCount: 2 });
    expect(old!.rank).not.toBeNull();
    expect(await inTenant((db) => partnerScorecard(db, tenantId, ids.gone, SEPT))).toBeNull();
  });
});

describe("the SLA outcome's month", () => {
  it("is the month of the earlier of resolution and due time: a late resolution counts as missed when the due time passed", async () => {
    const [september, october] = await Promise.all(
      [SEPT, OCT].map((month) => inTenant((db) => scorecardInputsForMonth(db, tenantId, month, NOW))),
    );
    const pine = (rows: typeof september) => rows.find((r) => r.partnerId === ids.pine)!.inputs.incidents;
    expect(pine(september)).toMatchObject({ incidents: 1, slaMeasured: 1, slaMet: 0 });
    // October: only the paused incident's outcome (met); the late one is not counted again.
    expect(pine(october)).toMatchObject({ incidents: 1, slaMeasured: 1, slaMet: 1 });
  });
});

describe("the time-to-resolve target", () => {
  it("is the mean of the resolved incidents' own windows (due − opened, wall clock, pauses included)", async () => {
    const october = await inTenant((db) => scorecardInputsForMonth(db, tenantId, OCT, NOW));
    const pine = october.find((r) => r.partnerId === ids.pine)!.inputs.incidents;
    // Resolved in October: 96 h (window 24 h) and 48 h (window 24 h + 48 h paused = 72 h).
    expect(pine.meanHoursToResolve).toBe(72);
    expect(pine.targetHoursToResolve).toBe(48);
  });
});

describe("the survey quarter", () => {
  it("is the latest quarter with answers up to the month's quarter, so an older survey keeps counting", async () => {
    const rows = await inTenant((db) => scorecardInputsForMonth(db, tenantId, SEPT, NOW));
    const pine = rows.find((r) => r.partnerId === ids.pine)!.inputs.engagement;
    expect(pine).toEqual({ responses: 1, communication: 5, fairness: 4, tools: 4, support: 3 });
  });
});

describe("change", () => {
  it("is measured against last month's published card, even when a newer draft exists", async () => {
    const pine = await inTenant((db) => partnerScorecard(db, tenantId, ids.pine, SEPT));
    expect(pine!.change).toBeCloseTo(pine!.score! - 40, 6);
  });

  it("falls back to last month's latest draft when nothing was published", async () => {
    const old = await inTenant((db) => partnerScorecard(db, tenantId, ids.old, SEPT));
    expect(old!.change).toBeCloseTo(old!.score! - 50, 6);
  });
});
