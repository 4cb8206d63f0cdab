/**
 * The scoring rules of docs/scorecards.md that need no database, one test each: the worked example, the
 * rounding rule, "no data" for value, and ties. (The rules that depend on stored data — who is scored,
 * the SLA outcome's month, the survey quarter, where change comes from — are pinned in
 * tests/integration/scorecards/scoring-rules.test.ts.)
 */
import { describe, expect, it } from "vitest";
import { rankAmongPeers } from "@/lib/scorecards/combine";
import { scorePartner } from "@/lib/scorecards/score-partner";
import { valueSubScore, type ScorecardInputs } from "@/lib/scorecards/sub-scores";
import { versionsInForce } from "@/lib/standards/compliance";
import { DEFAULT_RECOMMENDATION_THRESHOLDS, DEFAULT_SCORECARD_WEIGHTS } from "@/lib/scorecards/weights";

const noActivity = {
  experience: { successes: 0, partials: 0, failures: 0, csatAverage: null, nps: null },
  incidents: {
    interactions: 0,
    incidents: 0,
    slaMeasured: 0,
    slaMet: 0,
    meanHoursToResolve: null,
    targetHoursToResolve: null,
  },
  value: { equityServed: null, equityServedLastMonth: null, equityAtRisk: null },
};

describe("the worked example (Alpha Couriers, September)", () => {
  it("gives 65.1, Develop, +5.1 from the inputs the document lists", () => {
    const inputs: ScorecardInputs = {
      compliance: { compliance: 66.7 },
      experience: { successes: 2, partials: 1, failures: 1, csatAverage: 3.5, nps: 25 },
      incidents: {
        interactions: 4,
        incidents: 2,
        slaMeasured: 3,
        slaMet: 1,
        meanHoursToResolve: 36,
        targetHoursToResolve: 48,
      },
      value: { equityServed: 12_500, equityServedLastMonth: 10_500, equityAtRisk: 520 },
      engagement: { responses: 2, communication: 4, fairness: 4, tools: 3, support: 3 },
    };
    const { set, combined } = scorePartner(inputs, DEFAULT_SCORECARD_WEIGHTS, DEFAULT_RECOMMENDATION_THRESHOLDS, 60);
    expect([set.compliance, set.experience, set.incidents, set.value, set.engagement].map((s) => s.score)).toEqual([
      66.7, 62.5, 44.4, 88.4, 62.5,
    ]);
    expect(set.incidents.parts.map((p) => p.score)).toEqual([0, 33.3, 100]);
    expect(set.value.parts.map((p) => p.score)).toEqual([97.6, 79.2]);
    expect(combined).toMatchObject({ score: 65.1, recommendation: "DEVELOP", change: 5.1 });
  });
});

describe("rounding: the overall score averages the unrounded sub-scores", () => {
  // Compliance 84.96 (shown 85.0) weighted 90, engagement 84.84 (shown 84.8) weighted 10:
  // unrounded 0.9 × 84.96 + 0.1 × 84.84 = 84.948 → 84.9 (Maintain); rounding the sub-scores first would
  // give 0.9 × 85.0 + 0.1 × 84.8 = 84.98 → 85.0 (Reward).
  const weights = { compliance: 90, experience: 0, incidents: 0, value: 0, engagement: 10 };
  const engagementAverage = 1 + (84.84 / 100) * 4;
  const inputs: ScorecardInputs = {
    compliance: { compliance: 84.96 },
    ...noActivity,
    engagement: {
      responses: 3,
      communication: engagementAverage,
      fairness: engagementAverage,
      tools: engagementAverage,
      support: engagementAverage,
    },
  };

  it("shows each sub-score rounded to one decimal", () => {
    const { set } = scorePartner(inputs, weights, DEFAULT_RECOMMENDATION_THRESHOLDS, null);
    expect(set.compliance.score).toBe(85);
    expect(set.engagement.score).toBe(84.8);
  });

  it("rounds only the overall result, so a partner just under a threshold stays under it", () => {
    const { combined } = scorePartner(inputs, weights, DEFAULT_RECOMMENDATION_THRESHOLDS, null);
    expect(combined.score).toBe(84.9);
    expect(combined.recommendation).toBe("MAINTAIN");
  });
});

describe('value "no data"', () => {
  it("means no CLV snapshot for the month", () => {
    expect(valueSubScore({ equityServed: null, equityServedLastMonth: 1000, equityAtRisk: null }).score).toBeNull();
  });

  it("means, with a snapshot, that the partner served no valued customer this month or last", () => {
    expect(valueSubScore({ equityServed: 0, equityServedLastMonth: 0, equityAtRisk: 0 }).score).toBeNull();
  });

  it("is not the case when the partner served valued customers last month but none now: growth scores 0", () => {
    const value = valueSubScore({ equityServed: 0, equityServedLastMonth: 5000, equityAtRisk: 0 });
    expect(value.score).toBe(0);
    expect(value.parts.map((p) => p.score)).toEqual([0, null]);
  });
});

describe("ties", () => {
  it("share a rank among partners of the same type, and the next rank skips (competition ranking)", () => {
    const ranks = rankAmongPeers([
      { partnerId: "a", type: "DELIVERY", score: 71.2 },
      { partnerId: "b", type: "DELIVERY", score: 71.2 },
      { partnerId: "c", type: "DELIVERY", score: 64 },
      { partnerId: "d", type: "INSTALLER", score: 50 },
      { partnerId: "e", type: "DELIVERY", score: null },
    ]);
    expect(ranks.map((r) => [r.partnerId, r.rank, r.peerCount])).toEqual([
      ["a", 1, 3],
      ["b", 1, 3],
      ["c", 3, 3],
      ["d", 1, 1],
      ["e", null, null],
    ]);
  });
});

describe("standard versions in force", () => {
  const at = (iso: string) => new Date(iso);
  const version = (id: string, n: number, createdAt: string, lineageId = "on-time") => ({
    id,
    lineageId,
    version: n,
    isCurrent: false,
    touchpointId: "delivery",
    weight: n,
    createdAt: at(createdAt),
  });
  const versions = [
    version("v1", 1, "2026-01-10T00:00:00Z"),
    version("v2", 2, "2026-09-15T00:00:00Z"),
    version("v3", 3, "2026-11-02T00:00:00Z"),
    version("young", 1, "2026-11-20T00:00:00Z", "pickup-ready"),
  ];
  const current = (end: string) =>
    versionsInForce(versions, at(end))
      .filter((v) => v.isCurrent)
      .map((v) => v.id);

  it("uses, per standard, the latest version created before the month's end", () => {
    expect(current("2026-09-01T00:00:00Z")).toEqual(["v1", "young"]); // August
    expect(current("2026-10-01T00:00:00Z")).toEqual(["v2", "young"]); // September
    expect(current("2026-12-01T00:00:00Z")).toEqual(["v3", "young"]); // November
  });

  it("counts a standard created after the month with its first version", () => {
    expect(versionsInForce(versions, at("2026-10-01T00:00:00Z")).find((v) => v.id === "young")?.isCurrent).toBe(true);
  });
});
