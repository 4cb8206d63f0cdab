import { describe, expect, it } from "vitest";
import {
  frequencyBin,
  matchStrata,
  measureSegment,
  type Observation,
  recencyBin,
  stratumKey,
} from "@/lib/defection/measure";
import { createRng } from "@/lib/seed/random";

/**
 * A population where frequent, recent buyers buy again far more often (0.85) than rare, lapsed
 * ones (0.25), and incidents hit the rare buyers 4× as often (confounding). The planted effect:
 * an incident removes 40 % of the customers who would have bought again, whatever the stratum.
 */
function plantedFixture(seed: number, effect = 0.4, customers = 6000): Observation[] {
  const rng = createRng(seed);
  const out: Observation[] = [];
  for (let i = 0; i < customers; i++) {
    const frequent = rng.chance(0.5);
    const treated = rng.chance(frequent ? 0.05 : 0.2);
    const base = frequent ? 0.85 : 0.25;
    const p = treated ? base * (1 - effect) : base;
    const boughtAgain = rng.chance(p);
    const spendBefore = frequent ? 300 : 60;
    out.push({
      treated,
      segment: i % 3 === 0 ? "B2B" : "B2C",
      month: rng.chance(0.5) ? "2026-03" : "2026-04",
      priorPurchases: frequent ? 7 : 1,
      recencyDays: frequent ? 12 : 200,
      boughtAgain,
      spendBefore,
      spendAfter: boughtAgain ? spendBefore * (treated ? 0.8 : 1.1) : 0,
    });
  }
  return out;
}

describe("coarsened exact matching", () => {
  it("bins prior frequency and recency as documented", () => {
    expect([0, 1, 2, 3, 5, 6, 40].map(frequencyBin)).toEqual([0, 1, 2, 3, 3, 4, 4]);
    expect([0, 30, 31, 90, 91, 180, 181, 365, 366].map(recencyBin)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4]);
    expect(recencyBin(null)).toBe(4);
  });

  it("matches within month, segment and bins, and counts treated customers left without a match", () => {
    const o = (treated: boolean, month: string, priorPurchases: number): Observation => ({
      treated,
      segment: "B2C",
      month,
      priorPurchases,
      recencyDays: 10,
      boughtAgain: true,
      spendBefore: 0,
      spendAfter: 0,
    });
    const { strata, unmatched, controls } = matchStrata([
      o(true, "2026-03", 4),
      o(false, "2026-03", 5), // same bin 3–5: a match
      o(true, "2026-04", 4), // no comparison in April: unmatched
      o(false, "2026-05", 4), // a comparison customer with no treated: unused
    ]);
    expect(strata).toHaveLength(1);
    expect(unmatched).toBe(1);
    expect(controls).toBe(1);
    expect(stratumKey(o(true, "2026-03", 4))).toBe("2026-03|B2C|3|0");
  });
});

describe("measured defection with a bootstrap interval", () => {
  it("recovers a planted 40 % defection within its interval, where the naive comparison is biased", () => {
    const data = plantedFixture(7);
    const result = measureSegment("B2C", data);
    expect(result.tooLittleData).toBe(false);
    const d = result.attributableDefection!;
    expect(d.low).toBeLessThanOrEqual(0.4);
    expect(d.high).toBeGreaterThanOrEqual(0.4);
    expect(Math.abs(d.estimate - 0.4)).toBeLessThan(0.08);
    expect(d.high - d.low).toBeLessThan(0.25);
    // Without matching, treated customers look far worse than 40 % (they are mostly rare buyers).
    const b2c = data.filter((x) => x.segment === "B2C");
    const rate = (rows: Observation[]) => rows.filter((x) => x.boughtAgain).length / rows.length;
    const naive = 1 - rate(b2c.filter((x) => x.treated)) / rate(b2c.filter((x) => !x.treated));
    expect(naive).toBeGreaterThan(d.high);
    // Spend: treated change is lower than the comparison's.
    expect(result.spendChangeDifference!.high).toBeLessThan(0);
  });

  it("finds no effect when none is planted, and the interval covers 0", () => {
    const result = measureSegment("B2C", plantedFixture(11, 0));
    expect(result.attributableDefection!.low).toBe(0);
    expect(result.repurchaseLift!.low).toBeLessThan(0);
    expect(result.repurchaseLift!.high).toBeGreaterThan(0);
  });

  it("gives the intervals of per-customer resampling (the binomial and spend-change shortcuts are exact)", () => {
    const data = plantedFixture(13).filter((x) => x.segment === "B2C");
    const result = measureSegment("B2C", data, { resamples: 2000 });
    // Reference: resample every customer of every arm of every stratum, as the first version did.
    const strata = new Map<string, { t: Observation[]; c: Observation[] }>();
    for (const o of data) {
      const g = strata.get(stratumKey(o)) ?? { t: [], c: [] };
      (o.treated ? g.t : g.c).push(o);
      strata.set(stratumKey(o), g);
    }
    const rng = createRng(99);
    const pick = (rows: Observation[]) => Array.from(rows, () => rows[Math.floor(rng.next() * rows.length)]);
    const mean = (rows: Observation[], f: (o: Observation) => number) =>
      rows.reduce((s, o) => s + f(o), 0) / rows.length;
    const defections: number[] = [];
    const changes: number[] = [];
    for (let b = 0; b < 2000; b++) {
      let n = 0;
      let t = 0;
      let c = 0;
      let change = 0;
      for (const g of strata.values()) {
        if (!g.t.length || !g.c.length) continue;
        const [rt, rc] = [pick(g.t), pick(g.c)];
        const delta = (o: Observation) => o.spendAfter - o.spendBefore;
        n += g.t.length;
        t += g.t.length * mean(rt, (o) => +o.boughtAgain);
        c += g.t.length * mean(rc, (o) => +o.boughtAgain);
        change += g.t.length * (mean(rt, delta) - mean(rc, delta));
      }
      defections.push(Math.min(1, Math.max(0, 1 - t / c)));
      changes.push(change / n);
    }
    const q = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.round(p * (values.length - 1))];
    const d = result.attributableDefection!;
    expect(d.low).toBeCloseTo(q(defections, 0.025), 1);
    expect(d.high).toBeCloseTo(q(defections, 0.975), 1);
    const s = result.spendChangeDifference!;
    const width = q(changes, 0.975) - q(changes, 0.025);
    expect(Math.abs(s.low - q(changes, 0.025))).toBeLessThan(width * 0.1);
    expect(Math.abs(s.high - q(changes, 0.975))).toBeLessThan(width * 0.1);
  });

  it("is deterministic for a seed and says when there is too little data", () => {
    const data = plantedFixture(3);
    expect(measureSegment("B2B", data, { seed: 5 })).toEqual(measureSegment("B2B", data, { seed: 5 }));
    const few = measureSegment("B2B", data.slice(0, 60));
    expect(few.tooLittleData).toBe(true);
    expect(few.attributableDefection).toBeNull();
    expect(few.treated).toBeLessThan(30);
  });
});
