import { describe, expect, it } from "vitest";
import { createBinomialSampler } from "@/lib/defection/binomial";
import { createRng } from "@/lib/seed/random";

/** Exact Binomial(n, p) probabilities by the recurrence from f(0) = (1 − p)^n. */
function pmf(n: number, p: number): number[] {
  const f = [(1 - p) ** n];
  for (let k = 0; k < n; k++) f.push((f[k] * (n - k) * p) / ((k + 1) * (1 - p)));
  return f;
}

describe("seeded exact binomial sampler", () => {
  it.each([
    [20, 0.3],
    [60, 0.85],
    [400, 0.5],
    [1000, 0.02],
  ])("draws Binomial(%i, %f) with the exact probabilities (chi-square over 40,000 draws)", (n, p) => {
    const draw = createBinomialSampler(createRng(n), 2000);
    const draws = 40_000;
    const counts = new Array(n + 1).fill(0);
    for (let i = 0; i < draws; i++) counts[draw(n, p)]++;
    const f = pmf(n, p);
    // Pool the tails so every cell expects at least 20 draws.
    let chi = 0;
    let cells = 0;
    let observed = 0;
    let expected = 0;
    for (let k = 0; k <= n; k++) {
      observed += counts[k];
      expected += f[k] * draws;
      if (expected >= 20 || k === n) {
        chi += (observed - expected) ** 2 / expected;
        cells++;
        observed = 0;
        expected = 0;
      }
    }
    // 99.9th percentile of chi-square with (cells − 1) degrees of freedom, by Wilson–Hilferty.
    const df = cells - 1;
    const limit = df * (1 - 2 / (9 * df) + 3.09 * Math.sqrt(2 / (9 * df))) ** 3;
    expect(chi).toBeLessThan(limit);
  });

  it("handles the edges, is deterministic for a seed and rejects impossible arguments", () => {
    const draw = createBinomialSampler(createRng(1), 50);
    expect(draw(0, 0.5)).toBe(0);
    expect(draw(50, 0)).toBe(0);
    expect(draw(50, 1)).toBe(50);
    const a = createBinomialSampler(createRng(9), 100);
    const b = createBinomialSampler(createRng(9), 100);
    expect(Array.from({ length: 50 }, () => a(100, 0.4))).toEqual(Array.from({ length: 50 }, () => b(100, 0.4)));
    expect(() => draw(51, 0.5)).toThrow(/outside 0…50/);
    expect(() => draw(10, 1.5)).toThrow(/outside \[0, 1\]/);
  });
});
