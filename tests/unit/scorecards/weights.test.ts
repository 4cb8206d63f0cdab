import { describe, expect, it } from "vitest";
import {
  DEFAULT_RECOMMENDATION_THRESHOLDS,
  DEFAULT_SCORECARD_WEIGHTS,
  readRecommendationThresholds,
  readScorecardWeights,
  recommendationThresholdsSchema,
  scorecardWeightsSchema,
  sumWeights,
} from "@/lib/scorecards/weights";

function messages(result: { success: boolean; error?: { issues: { message: string }[] } }): string[] {
  return result.success ? [] : result.error!.issues.map((i) => i.message);
}

describe("scorecardWeightsSchema", () => {
  it("accepts the defaults 25/25/20/20/10, which add up to 100", () => {
    expect(DEFAULT_SCORECARD_WEIGHTS).toEqual({
      compliance: 25,
      experience: 25,
      incidents: 20,
      value: 20,
      engagement: 10,
    });
    expect(sumWeights(DEFAULT_SCORECARD_WEIGHTS)).toBe(100);
    expect(scorecardWeightsSchema.parse(DEFAULT_SCORECARD_WEIGHTS)).toEqual(DEFAULT_SCORECARD_WEIGHTS);
  });

  it("accepts all the weight on one area and 0 elsewhere", () => {
    const w = { compliance: 100, experience: 0, incidents: 0, value: 0, engagement: 0 };
    expect(scorecardWeightsSchema.safeParse(w).success).toBe(true);
  });

  it("refuses weights adding up to 95 with the sum in the message", () => {
    const r = scorecardWeightsSchema.safeParse({
      compliance: 25,
      experience: 25,
      incidents: 20,
      value: 20,
      engagement: 5,
    });
    expect(r.success).toBe(false);
    expect(messages(r)).toEqual(["Weights must add up to 100; they add up to 95"]);
    expect(r.error!.issues[0].path).toEqual([]);
  });

  it("refuses weights adding up to 105", () => {
    const r = scorecardWeightsSchema.safeParse({
      compliance: 30,
      experience: 25,
      incidents: 20,
      value: 20,
      engagement: 10,
    });
    expect(messages(r)).toEqual(["Weights must add up to 100; they add up to 105"]);
  });

  it("refuses a fractional weight, naming the area", () => {
    const r = scorecardWeightsSchema.safeParse({
      compliance: 25.5,
      experience: 24.5,
      incidents: 20,
      value: 20,
      engagement: 10,
    });
    expect(messages(r)).toContain("Standards compliance weight must be a whole number");
    expect(messages(r)).toContain("Customer experience weight must be a whole number");
  });

  it("refuses weights outside 0–100", () => {
    const r = scorecardWeightsSchema.safeParse({
      compliance: -10,
      experience: 110,
      incidents: 0,
      value: 0,
      engagement: 0,
    });
    expect(messages(r)).toContain("Standards compliance weight must be between 0 and 100");
    expect(messages(r)).toContain("Customer experience weight must be between 0 and 100");
    expect(r.error!.issues.find((i) => i.message.startsWith("Standards"))!.path).toEqual(["compliance"]);
  });

  it("refuses a missing or non-numeric weight", () => {
    const r = scorecardWeightsSchema.safeParse({ compliance: "25", experience: 25, incidents: 20, value: 20 });
    expect(messages(r)).toContain("Standards compliance weight must be a number");
    expect(messages(r)).toContain("Partner engagement weight must be a number");
  });

  it("readScorecardWeights falls back to the defaults when stored weights are missing or invalid", () => {
    expect(readScorecardWeights(undefined)).toEqual(DEFAULT_SCORECARD_WEIGHTS);
    expect(readScorecardWeights({ compliance: 50 })).toEqual(DEFAULT_SCORECARD_WEIGHTS);
    const custom = { compliance: 40, experience: 30, incidents: 10, value: 10, engagement: 10 };
    expect(readScorecardWeights(custom)).toEqual(custom);
  });
});

describe("recommendationThresholdsSchema", () => {
  it("accepts the defaults 85/70/55/40", () => {
    expect(DEFAULT_RECOMMENDATION_THRESHOLDS).toEqual({ reward: 85, maintain: 70, develop: 55, probation: 40 });
    expect(recommendationThresholdsSchema.safeParse(DEFAULT_RECOMMENDATION_THRESHOLDS).success).toBe(true);
  });

  it("accepts the extremes 100 and 0 and decimals", () => {
    expect(
      recommendationThresholdsSchema.safeParse({ reward: 100, maintain: 50.5, develop: 50, probation: 0 }).success,
    ).toBe(true);
  });

  it("refuses equal thresholds, on the lower field", () => {
    const r = recommendationThresholdsSchema.safeParse({ reward: 85, maintain: 85, develop: 55, probation: 40 });
    expect(r.success).toBe(false);
    expect(r.error!.issues).toHaveLength(1);
    expect(r.error!.issues[0].path).toEqual(["maintain"]);
    expect(r.error!.issues[0].message).toBe("Maintain threshold (85) must be lower than the reward threshold (85)");
  });

  it("refuses thresholds out of order", () => {
    const r = recommendationThresholdsSchema.safeParse({ reward: 85, maintain: 70, develop: 75, probation: 40 });
    expect(r.error!.issues.map((i) => [i.path, i.message])).toEqual([
      [["develop"], "Develop threshold (75) must be lower than the maintain threshold (70)"],
    ]);
    const r2 = recommendationThresholdsSchema.safeParse({ reward: 85, maintain: 70, develop: 55, probation: 60 });
    expect(messages(r2)).toEqual(["Probation threshold (60) must be lower than the develop threshold (55)"]);
  });

  it("refuses thresholds outside 0–100", () => {
    const r = recommendationThresholdsSchema.safeParse({ reward: 101, maintain: 70, develop: 55, probation: -1 });
    expect(messages(r)).toContain("Reward threshold must be between 0 and 100");
    expect(messages(r)).toContain("Probation threshold must be between 0 and 100");
  });

  it("readRecommendationThresholds falls back to the defaults when invalid", () => {
    expect(readRecommendationThresholds(null)).toEqual(DEFAULT_RECOMMENDATION_THRESHOLDS);
    expect(readRecommendationThresholds({ reward: 50, maintain: 60, develop: 55, probation: 40 })).toEqual(
      DEFAULT_RECOMMENDATION_THRESHOLDS,
    );
    const custom = { reward: 90, maintain: 80, develop: 60, probation: 30 };
    expect(readRecommendationThresholds(custom)).toEqual(custom);
  });
});
