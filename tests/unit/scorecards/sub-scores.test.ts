import { describe, expect, it } from "vitest";
import {
  complianceSubScore,
  computeSubScores,
  engagementSubScore,
  equityGrowthPct,
  experienceSubScore,
  incidentSubScore,
  incidentsPer1000,
  npsFromCounts,
  valueSubScore,
  type IncidentInputs,
} from "@/lib/scorecards/sub-scores";

const partScores = (r: { parts: { key: string; score: number | null }[] }) =>
  Object.fromEntries(r.parts.map((p) => [p.key, p.score]));

describe("complianceSubScore", () => {
  it("passes the compliance % through, with its formula and inputs", () => {
    const r = complianceSubScore({ compliance: 72.5 });
    expect(r.area).toBe("compliance");
    expect(r.score).toBe(72.5);
    expect(r.inputs).toEqual({ compliance: 72.5 });
    expect(r.formula).toMatch(/met/);
  });
  it("no assessment → no data (null, not 0)", () => {
    const r = complianceSubScore({ compliance: null });
    expect(r.score).toBeNull();
    expect(partScores(r)).toEqual({ compliance: null });
  });
  it("0% compliance is a real 0", () => {
    expect(complianceSubScore({ compliance: 0 }).score).toBe(0);
  });
});

describe("experienceSubScore", () => {
  // 80 successes, 10 partials, 10 failures: outcome = (80 + 0.5·10) / 100 · 100 = 85
  // CSAT 4.2: (4.2 − 1) / 4 · 100 = 80;   NPS 30: (30 + 100) / 2 = 65
  const base = { successes: 80, partials: 10, failures: 10 };

  it("averages CSAT, NPS and outcome scores equally", () => {
    const r = experienceSubScore({ ...base, csatAverage: 4.2, nps: 30 });
    expect(partScores(r)).toEqual({ csat: 80, nps: 65, outcomes: 85 });
    // (80 + 65 + 85) / 3 = 76.666… → 76.7
    expect(r.score).toBe(76.7);
    expect(r.inputs).toEqual({ ...base, csatAverage: 4.2, nps: 30 });
    expect(r.formula).toContain("(average CSAT − 1) ÷ 4 × 100");
    expect(r.formula).toContain("(NPS + 100) ÷ 2");
  });

  it("leaves out parts without answers", () => {
    // NPS missing: (80 + 85) / 2 = 82.5
    const noNps = experienceSubScore({ ...base, csatAverage: 4.2, nps: null });
    expect(noNps.score).toBe(82.5);
    expect(partScores(noNps).nps).toBeNull();
    // CSAT and NPS missing: outcomes only = 85
    expect(experienceSubScore({ ...base, csatAverage: null, nps: null }).score).toBe(85);
  });

  it("maps the ends of the scales: CSAT 1 → 0, 5 → 100; NPS −100 → 0, +100 → 100", () => {
    // all failures → outcome 0; CSAT 5 → 100; NPS −100 → 0: (100 + 0 + 0) / 3 = 33.3
    const r = experienceSubScore({ successes: 0, partials: 0, failures: 3, csatAverage: 5, nps: -100 });
    expect(partScores(r)).toEqual({ csat: 100, nps: 0, outcomes: 0 });
    expect(r.score).toBe(33.3);
    // CSAT 1 → 0, NPS 100 → 100, all successes → 100: 200/3 = 66.7
    expect(experienceSubScore({ successes: 2, partials: 0, failures: 0, csatAverage: 1, nps: 100 }).score).toBe(66.7);
    // NPS 0 → 50, CSAT 3 → 50, all partials → 50
    expect(experienceSubScore({ successes: 0, partials: 4, failures: 0, csatAverage: 3, nps: 0 }).score).toBe(50);
  });

  it("no interactions → no data, whatever else is passed", () => {
    const r = experienceSubScore({ successes: 0, partials: 0, failures: 0, csatAverage: 4, nps: 20 });
    expect(r.score).toBeNull();
    expect(partScores(r)).toEqual({ csat: null, nps: null, outcomes: null });
  });

  it("throws on NaN or negative counts (a bug upstream, not missing data)", () => {
    expect(() => experienceSubScore({ ...base, csatAverage: Number.NaN, nps: null })).toThrow(RangeError);
    expect(() => experienceSubScore({ ...base, successes: -1, csatAverage: null, nps: null })).toThrow(RangeError);
  });
});

describe("npsFromCounts", () => {
  it("is % promoters − % detractors", () => {
    // (50 − 20) / 100 · 100 = 30
    expect(npsFromCounts({ promoters: 50, passives: 30, detractors: 20 })).toBe(30);
    // (1 − 2) / 3 · 100 = −33.33…
    expect(npsFromCounts({ promoters: 1, passives: 0, detractors: 2 })).toBeCloseTo(-33.3333, 3);
    expect(npsFromCounts({ promoters: 0, passives: 0, detractors: 0 })).toBeNull();
  });
});

describe("incidentSubScore", () => {
  const none: IncidentInputs = {
    interactions: 0,
    incidents: 0,
    slaMeasured: 0,
    slaMet: 0,
    meanHoursToResolve: null,
    targetHoursToResolve: null,
  };

  it("averages rate, SLA and time-to-resolve scores", () => {
    // rate: 3 / 2,000 · 1,000 = 1.5 per 1,000 → 100 − 10 · 1.5 = 85
    // SLA: 3 / 4 = 75;  MTTR: 100 · 24 / 30 = 80;  (85 + 75 + 80) / 3 = 80
    const r = incidentSubScore({
      interactions: 2000,
      incidents: 3,
      slaMeasured: 4,
      slaMet: 3,
      meanHoursToResolve: 30,
      targetHoursToResolve: 24,
    });
    expect(partScores(r)).toEqual({ rate: 85, sla: 75, mttr: 80 });
    expect(r.score).toBe(80);
    expect(r.formula).toContain("100 − 10 × incidents per 1,000 interactions");
  });

  it("interactions and no incident → 100 (SLA and time to resolve have no data)", () => {
    const r = incidentSubScore({ ...none, interactions: 500 });
    expect(partScores(r)).toEqual({ rate: 100, sla: null, mttr: null });
    expect(r.score).toBe(100);
  });

  it("10 or more incidents per 1,000 interactions → rate score 0", () => {
    expect(incidentSubScore({ ...none, interactions: 1000, incidents: 10 }).score).toBe(0);
    expect(incidentSubScore({ ...none, interactions: 1000, incidents: 12 }).score).toBe(0);
    // 5 per 1,000 → 50
    expect(incidentSubScore({ ...none, interactions: 2000, incidents: 10 }).score).toBe(50);
  });

  it("incidents but no interactions: the rate is unknown and left out", () => {
    // SLA 1/2 = 50; MTTR 10 h vs 24 h target → 100; (50 + 100) / 2 = 75
    const r = incidentSubScore({
      interactions: 0,
      incidents: 2,
      slaMeasured: 2,
      slaMet: 1,
      meanHoursToResolve: 10,
      targetHoursToResolve: 24,
    });
    expect(partScores(r)).toEqual({ rate: null, sla: 50, mttr: 100 });
    expect(r.score).toBe(75);
  });

  it("no interactions and no incidents → no data", () => {
    const r = incidentSubScore(none);
    expect(r.score).toBeNull();
    expect(partScores(r)).toEqual({ rate: null, sla: null, mttr: null });
  });

  it("rounds the sub-score from unrounded parts", () => {
    // rate: 1 / 3,000 · 1,000 = 0.333… → 96.666…; SLA 2/3 → 66.666…; (96.666… + 66.666…) / 2 = 81.666… → 81.7
    const r = incidentSubScore({ ...none, interactions: 3000, incidents: 1, slaMeasured: 3, slaMet: 2 });
    expect(partScores(r)).toEqual({ rate: 96.7, sla: 66.7, mttr: null });
    expect(r.score).toBe(81.7);
  });

  it("time to resolve: at or under target → 100; no target → left out; 0 h → 100", () => {
    expect(
      partScores(incidentSubScore({ ...none, incidents: 1, meanHoursToResolve: 48, targetHoursToResolve: 24 })).mttr,
    ).toBe(50);
    expect(
      partScores(incidentSubScore({ ...none, incidents: 1, meanHoursToResolve: 0, targetHoursToResolve: 24 })).mttr,
    ).toBe(100);
    expect(
      partScores(incidentSubScore({ ...none, incidents: 1, meanHoursToResolve: 5, targetHoursToResolve: null })).mttr,
    ).toBeNull();
  });

  it("refuses slaMet above slaMeasured", () => {
    expect(() => incidentSubScore({ ...none, incidents: 1, slaMeasured: 1, slaMet: 2 })).toThrow(RangeError);
  });

  it("incidentsPer1000", () => {
    expect(incidentsPer1000(3, 2000)).toBe(1.5);
    expect(incidentsPer1000(3, 0)).toBeNull();
  });
});

describe("valueSubScore", () => {
  it("averages growth and at-risk scores", () => {
    // growth: (1,100,000 − 1,000,000) / 1,000,000 = +10% → 50 + 2.5 · 10 = 75
    // at risk: 22,000 / 1,100,000 = 2% → 100 · (1 − 5 · 0.02) = 90;   (75 + 90) / 2 = 82.5
    const r = valueSubScore({ equityServed: 1_100_000, equityServedLastMonth: 1_000_000, equityAtRisk: 22_000 });
    expect(partScores(r)).toEqual({ growth: 75, risk: 90 });
    expect(r.score).toBe(82.5);
    expect(r.inputs.equityServed).toBe(1_100_000);
  });

  it("maps growth −20% → 0, 0% → 50, +20% → 100 and clamps beyond", () => {
    const g = (served: number) =>
      partScores(valueSubScore({ equityServed: served, equityServedLastMonth: 1000, equityAtRisk: null })).growth;
    expect(g(800)).toBe(0);
    expect(g(1000)).toBe(50);
    expect(g(1200)).toBe(100);
    expect(g(700)).toBe(0);
    expect(g(1300)).toBe(100);
    expect(g(950)).toBe(37.5); // −5% → 50 − 12.5
  });

  it("maps equity at risk: none → 100, 5% → 75, 20% or more → 0", () => {
    const k = (risk: number) =>
      partScores(valueSubScore({ equityServed: 1_000_000, equityServedLastMonth: null, equityAtRisk: risk })).risk;
    expect(k(0)).toBe(100);
    expect(k(50_000)).toBe(75);
    expect(k(200_000)).toBe(0);
    expect(k(300_000)).toBe(0);
  });

  it("a big drop with nothing at risk: (0 + 100) / 2 = 50", () => {
    expect(valueSubScore({ equityServed: 700_000, equityServedLastMonth: 1_000_000, equityAtRisk: 0 }).score).toBe(50);
  });

  it("leaves out growth without last month (or last month 0) and risk when unknown", () => {
    expect(valueSubScore({ equityServed: 1_000_000, equityServedLastMonth: null, equityAtRisk: 50_000 }).score).toBe(
      75,
    );
    expect(valueSubScore({ equityServed: 1_000_000, equityServedLastMonth: 0, equityAtRisk: 50_000 }).score).toBe(75);
    expect(valueSubScore({ equityServed: 1_100_000, equityServedLastMonth: 1_000_000, equityAtRisk: null }).score).toBe(
      75,
    );
    expect(
      valueSubScore({ equityServed: 1_000_000, equityServedLastMonth: null, equityAtRisk: null }).score,
    ).toBeNull();
  });

  it("no CLV snapshot → no data", () => {
    const r = valueSubScore({ equityServed: null, equityServedLastMonth: 1_000_000, equityAtRisk: 0 });
    expect(r.score).toBeNull();
    expect(partScores(r)).toEqual({ growth: null, risk: null });
  });

  it("equityGrowthPct", () => {
    expect(equityGrowthPct(1_100_000, 1_000_000)).toBeCloseTo(10, 10);
    expect(equityGrowthPct(1_100_000, 0)).toBeNull();
    expect(equityGrowthPct(null, 1)).toBeNull();
  });
});

describe("engagementSubScore", () => {
  it("maps the mean of the question averages to 0–100", () => {
    // mean (4.5 + 3.5 + 3 + 4) / 4 = 3.75 → (3.75 − 1) / 4 · 100 = 68.75 → 68.8
    const r = engagementSubScore({ responses: 4, communication: 4.5, fairness: 3.5, tools: 3, support: 4 });
    expect(partScores(r)).toEqual({ communication: 87.5, fairness: 62.5, tools: 50, support: 75 });
    expect(r.score).toBe(68.8);
  });

  it("leaves out an unanswered question", () => {
    // 5 → 100, 1 → 0, 3 → 50: 150 / 3 = 50
    expect(engagementSubScore({ responses: 1, communication: 5, fairness: null, tools: 1, support: 3 }).score).toBe(50);
  });

  it("no survey answers → no data", () => {
    expect(
      engagementSubScore({ responses: 0, communication: null, fairness: null, tools: null, support: null }).score,
    ).toBeNull();
  });
});

describe("computeSubScores", () => {
  it("computes all five, missing ones as null", () => {
    const r = computeSubScores({
      compliance: { compliance: 80 },
      experience: { successes: 80, partials: 10, failures: 10, csatAverage: 4.2, nps: 30 },
      incidents: {
        interactions: 2000,
        incidents: 3,
        slaMeasured: 4,
        slaMet: 3,
        meanHoursToResolve: 30,
        targetHoursToResolve: 24,
      },
      value: { equityServed: null, equityServedLastMonth: null, equityAtRisk: null },
      engagement: { responses: 0, communication: null, fairness: null, tools: null, support: null },
    });
    expect([r.compliance.score, r.experience.score, r.incidents.score, r.value.score, r.engagement.score]).toEqual([
      80,
      76.7,
      80,
      null,
      null,
    ]);
  });
});
