import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  bandFor,
  DEFAULT_INCENTIVE_RULES,
  DEFAULT_TIERS,
  incentiveRulesSchema,
  nextTier,
  poolShares,
  toCents,
} from "@/lib/incentives/rules";

describe("bands", () => {
  it("puts a score in the best tier whose minimum it reaches", () => {
    expect(bandFor(90, DEFAULT_TIERS)).toBe("Platinum");
    expect(bandFor(89.9, DEFAULT_TIERS)).toBe("Gold");
    expect(bandFor(55, DEFAULT_TIERS)).toBe("Bronze");
    expect(bandFor(12, DEFAULT_TIERS)).toBe("Watch");
    expect(bandFor(null, DEFAULT_TIERS)).toBeNull();
  });
});

describe("tier hysteresis (2 months)", () => {
  it("moves up only after two consecutive months in the higher band", () => {
    expect(nextTier("Silver", ["Silver", "Gold"], 2)).toMatchObject({ tier: "Silver", changed: false, streak: 1 });
    expect(nextTier("Silver", ["Silver", "Gold", "Gold"], 2)).toMatchObject({ tier: "Gold", changed: true, streak: 2 });
  });
  it("moves down only after two consecutive months in the lower band", () => {
    expect(nextTier("Gold", ["Gold", "Bronze"], 2).tier).toBe("Gold");
    expect(nextTier("Gold", ["Gold", "Bronze", "Bronze"], 2)).toMatchObject({ tier: "Bronze", changed: true });
  });
  it("keeps the tier of a partner flapping between two bands", () => {
    const bands = ["Gold", "Silver", "Gold", "Silver", "Gold", "Silver"];
    let tier: string | null = "Gold";
    for (let i = 1; i <= bands.length; i++) tier = nextTier(tier, bands.slice(0, i), 2).tier;
    expect(tier).toBe("Gold");
  });
  it("counts a run of two different lower bands as no streak", () => {
    expect(nextTier("Gold", ["Silver", "Bronze"], 2).tier).toBe("Gold");
  });
  it("gives a new partner the band of its first scored month at once", () => {
    expect(nextTier(null, ["Silver"], 2)).toMatchObject({ tier: "Silver", changed: true });
  });
  it("keeps the tier through a month without a score", () => {
    expect(nextTier("Gold", ["Gold", null], 2)).toMatchObject({ tier: "Gold", changed: false, streak: 0 });
    expect(nextTier(null, [null], 2).tier).toBeNull();
  });
  it("moves at once with one month of hysteresis", () => {
    expect(nextTier("Gold", ["Watch"], 1)).toMatchObject({ tier: "Watch", changed: true });
  });
});

describe("pool shares", () => {
  it("shares in proportion to score × equity served, the floor applied, summing to the pool in cents", () => {
    const result = poolShares(
      100_000,
      [
        { partnerId: "a", score: 90, equityServed: 1000 },
        { partnerId: "b", score: 80, equityServed: 1000 },
        { partnerId: "c", score: 69.9, equityServed: 5000 },
        { partnerId: "d", score: 70, equityServed: 100 },
        { partnerId: "e", score: null, equityServed: 100 },
      ],
      70,
    );
    const by = Object.fromEntries(result.shares.map((s) => [s.partnerId, s]));
    // weights 90,000 / 80,000 / 7,000 → 177,000
    expect(by.a.payoutCents).toBe(50_847);
    expect(by.b.payoutCents).toBe(45_198);
    expect(by.d.payoutCents).toBe(3_955);
    expect(by.c).toMatchObject({ eligible: false, payoutCents: 0, reason: "Score below the floor of 70" });
    expect(by.e).toMatchObject({ eligible: false, payoutCents: 0, reason: "No score this month" });
    expect(result.paidCents).toBe(100_000);
    expect(result.shares.reduce((s, x) => s + x.payoutCents, 0)).toBe(100_000);
    expect(result.note).toBeNull();
  });
  it("gives the leftover cents to the largest remainders", () => {
    const result = poolShares(
      100,
      ["a", "b", "c"].map((partnerId) => ({ partnerId, score: 80, equityServed: 10 })),
      0,
    );
    expect(result.shares.map((s) => s.payoutCents)).toEqual([34, 33, 33]);
  });
  it("pays nothing, and says so, when no partner reaches the floor with equity served", () => {
    const result = poolShares(
      500_000,
      [
        { partnerId: "a", score: 60, equityServed: 1000 },
        { partnerId: "b", score: 95, equityServed: 0 },
      ],
      70,
    );
    expect(result.paidCents).toBe(0);
    expect(result.shares.every((s) => s.payoutCents === 0)).toBe(true);
    expect(result.note).toMatch(/No partner scored at or above the floor of 70/);
  });
  it("always sums exactly to the pool when someone is eligible (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000_000 }),
        fc.array(
          fc.record({
            score: fc.option(fc.double({ min: 0, max: 100, noNaN: true })),
            equityServed: fc.option(fc.double({ min: 0, max: 1e10, noNaN: true })),
          }),
          { minLength: 1, maxLength: 40 },
        ),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (pool, list, floor) => {
          const partners = list.map((p, i) => ({ partnerId: `p${i}`, ...p }));
          const result = poolShares(pool, partners, floor);
          const sum = result.shares.reduce((s, x) => s + x.payoutCents, 0);
          expect(sum).toBe(result.paidCents);
          expect(result.shares.every((s) => s.payoutCents >= 0 && Number.isInteger(s.payoutCents))).toBe(true);
          const anyEligible = result.shares.some((s) => s.eligible && s.weight > 0);
          expect(result.paidCents).toBe(anyEligible ? pool : 0);
          for (const s of result.shares) if (!s.eligible) expect(s.payoutCents).toBe(0);
        },
      ),
    );
  });
  it("converts amounts to cents", () => {
    expect(toCents(10_000.5)).toBe(1_000_050);
    expect(toCents(0.29)).toBe(29);
  });
});

describe("rules schema", () => {
  it("defaults to five tiers, two months, a pool and a floor", () => {
    expect(DEFAULT_INCENTIVE_RULES.hysteresisMonths).toBe(2);
    expect(DEFAULT_INCENTIVE_RULES.tiers.map((t) => t.name)).toEqual(["Platinum", "Gold", "Silver", "Bronze", "Watch"]);
  });
  it("refuses duplicate tiers and a lowest tier above 0 with clear messages", () => {
    const dup = incentiveRulesSchema.safeParse({
      tiers: [
        { name: "Gold", minScore: 80 },
        { name: "gold", minScore: 0 },
      ],
    });
    expect(dup.success).toBe(false);
    expect(dup.error?.issues.map((i) => i.message)).toContain("Two tiers have the same name");
    const high = incentiveRulesSchema.safeParse({
      tiers: [
        { name: "Gold", minScore: 80 },
        { name: "Silver", minScore: 50 },
      ],
    });
    expect(high.error?.issues.map((i) => i.message)).toContain(
      "The lowest tier must start at 0, so every score has a tier",
    );
  });
});
