import { describe, expect, it } from "vitest";
import { changeVsLastMonth, combineScorecard, overallScore, rankAmongPeers, recommend } from "@/lib/scorecards/combine";
import { DEFAULT_RECOMMENDATION_THRESHOLDS, DEFAULT_SCORECARD_WEIGHTS } from "@/lib/scorecards/weights";

const W = DEFAULT_SCORECARD_WEIGHTS; // 25/25/20/20/10
const T = DEFAULT_RECOMMENDATION_THRESHOLDS; // 85/70/55/40

describe("overallScore", () => {
  it("weighted mean when every sub-score is available", () => {
    // (25·80 + 25·60 + 20·90 + 20·70 + 10·50) / 100 = (2000 + 1500 + 1800 + 1400 + 500) / 100 = 72
    const r = overallScore({ compliance: 80, experience: 60, incidents: 90, value: 70, engagement: 50 }, W);
    expect(r.score).toBe(72);
    expect(r.usedWeight).toBe(100);
    expect(r.missing).toEqual([]);
    expect(r.effectiveWeights).toEqual({ compliance: 25, experience: 25, incidents: 20, value: 20, engagement: 10 });
  });

  it("re-weights over the available sub-scores (value and engagement missing → over 70)", () => {
    // (25·80 + 25·60 + 20·90) / 70 = 5300 / 70 = 75.714… → 75.7
    const r = overallScore({ compliance: 80, experience: 60, incidents: 90, value: null, engagement: null }, W);
    expect(r.score).toBe(75.7);
    expect(r.usedWeight).toBe(70);
    expect(r.missing).toEqual(["value", "engagement"]);
    expect(r.effectiveWeights.compliance).toBeCloseTo((25 / 70) * 100, 10); // 35.714…
    expect(r.effectiveWeights.experience).toBeCloseTo(35.714285, 5);
    expect(r.effectiveWeights.incidents).toBeCloseTo(28.571428, 5);
    expect(r.effectiveWeights.value).toBeNull();
    expect(r.effectiveWeights.engagement).toBeNull();
  });

  it("a sub-score of 0 counts (it is not missing)", () => {
    // (25·0 + 25·100) / 50 = 50
    expect(
      overallScore({ compliance: 0, experience: 100, incidents: null, value: null, engagement: null }, W).score,
    ).toBe(50);
  });

  it("all missing → null", () => {
    const r = overallScore({ compliance: null, experience: null, incidents: null, value: null, engagement: null }, W);
    expect(r.score).toBeNull();
    expect(r.usedWeight).toBe(0);
    expect(r.missing).toHaveLength(5);
    expect(Object.values(r.effectiveWeights).every((w) => w === null)).toBe(true);
  });

  it("only sub-scores weighted 0 available → null", () => {
    const w = { compliance: 30, experience: 30, incidents: 20, value: 20, engagement: 0 };
    expect(
      overallScore({ compliance: null, experience: null, incidents: null, value: null, engagement: 90 }, w).score,
    ).toBeNull();
    // … and a 0-weight area never moves the score: (30·60) / 30 = 60
    expect(
      overallScore({ compliance: 60, experience: null, incidents: null, value: null, engagement: 0 }, w).score,
    ).toBe(60);
  });
});

describe("recommend", () => {
  it("applies the thresholds inclusively at each boundary", () => {
    expect(recommend(100, T)).toBe("REWARD");
    expect(recommend(85, T)).toBe("REWARD");
    expect(recommend(84.9, T)).toBe("MAINTAIN");
    expect(recommend(70, T)).toBe("MAINTAIN");
    expect(recommend(69.9, T)).toBe("DEVELOP");
    expect(recommend(55, T)).toBe("DEVELOP");
    expect(recommend(54.9, T)).toBe("PROBATION");
    expect(recommend(40, T)).toBe("PROBATION");
    expect(recommend(39.9, T)).toBe("EXIT");
    expect(recommend(0, T)).toBe("EXIT");
  });
  it("uses the tenant's thresholds", () => {
    expect(recommend(85, { reward: 90, maintain: 80, develop: 60, probation: 30 })).toBe("MAINTAIN");
    expect(recommend(35, { reward: 90, maintain: 80, develop: 60, probation: 30 })).toBe("PROBATION");
  });
  it("no score → no recommendation", () => {
    expect(recommend(null, T)).toBeNull();
  });
});

describe("rankAmongPeers", () => {
  it("ranks within a partner type with competition ranking; unscored partners are unranked", () => {
    const r = rankAmongPeers([
      { partnerId: "A", type: "delivery", score: 90 },
      { partnerId: "F", type: "installer", score: 80 },
      { partnerId: "C", type: "delivery", score: 80 },
      { partnerId: "E", type: "delivery", score: null },
      { partnerId: "D", type: "delivery", score: 70 },
      { partnerId: "B", type: "delivery", score: 80 },
      { partnerId: "G", type: "installer", score: 95 },
    ]);
    expect(r.map((x) => [x.partnerId, x.rank, x.peerCount])).toEqual([
      ["A", 1, 4],
      ["F", 2, 2],
      ["C", 2, 4],
      ["E", null, null],
      ["D", 4, 4],
      ["B", 2, 4],
      ["G", 1, 2],
    ]);
    expect(r[0]).toEqual({ partnerId: "A", type: "delivery", score: 90, rank: 1, peerCount: 4 });
  });

  it("all tied → all first; a tie at the top skips the next rank", () => {
    const same = rankAmongPeers(["p", "q", "r"].map((partnerId) => ({ partnerId, type: "host", score: 50 })));
    expect(same.map((x) => x.rank)).toEqual([1, 1, 1]);
    const top = rankAmongPeers([
      { partnerId: "x", type: "t", score: 60.5 },
      { partnerId: "y", type: "t", score: 60.5 },
      { partnerId: "z", type: "t", score: 60.4 },
    ]);
    expect(top.map((x) => x.rank)).toEqual([1, 1, 3]);
  });

  it("empty input", () => {
    expect(rankAmongPeers([])).toEqual([]);
  });
});

describe("changeVsLastMonth", () => {
  it("is the difference to 1 decimal, null when either month has no score", () => {
    expect(changeVsLastMonth(75.7, 72)).toBe(3.7);
    expect(changeVsLastMonth(60.1, 60.3)).toBe(-0.2);
    expect(changeVsLastMonth(50, 50)).toBe(0);
    expect(changeVsLastMonth(null, 72)).toBeNull();
    expect(changeVsLastMonth(72, null)).toBeNull();
  });
});

describe("combineScorecard", () => {
  it("overall, recommendation and change together", () => {
    const r = combineScorecard(
      { compliance: 80, experience: 60, incidents: 90, value: null, engagement: null },
      W,
      T,
      72,
    );
    expect(r.score).toBe(75.7);
    expect(r.recommendation).toBe("MAINTAIN");
    expect(r.change).toBe(3.7);
    expect(r.missing).toEqual(["value", "engagement"]);
  });
  it("no data at all → no score, no recommendation, no change", () => {
    const r = combineScorecard(
      { compliance: null, experience: null, incidents: null, value: null, engagement: null },
      W,
      T,
      72,
    );
    expect([r.score, r.recommendation, r.change]).toEqual([null, null, null]);
  });
});
