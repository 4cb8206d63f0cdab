import { describe, expect, it } from "vitest";
import { bgnbdLogLikelihood, bgnbdObjective, compileBgnbdData, fitBgnbd } from "@/lib/value/models/bgnbd";
import {
  expectedPurchases,
  expectedPurchasesUnconditional,
  predictCustomers,
  probabilityAlive,
  probabilityOfPurchases,
} from "@/lib/value/models/bgnbd-predict";
import { simulateBgnbd } from "@/lib/value/models/sampling";

const CDNOW = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
// Customer 1 of the CDNOW sample, in weeks: purchases on 1 Jan, 18 Jan and 2 Aug 1997.
const CUSTOMER_1 = { x: 2, tx: 213 / 7, T: 272 / 7 };
const relativeError = (actual: number, expected: number) => Math.abs(actual - expected) / Math.abs(expected);

describe("BG/NBD predictions", () => {
  it("P(alive) follows FHL eq. 11 (hand-computed)", () => {
    // a/(b+x−1) = 0.793/3.426 = 0.231465; ((α+T)/(α+t_x))^(r+x) = (43.2711/34.8426)^2.243 = 1.62585
    // P = 1 / (1 + 0.231465 · 1.62585) = 0.726590
    const { x, tx, T } = CUSTOMER_1;
    const odds = (CDNOW.a / (CDNOW.b + x - 1)) * Math.pow((CDNOW.alpha + T) / (CDNOW.alpha + tx), CDNOW.r + x);
    expect(odds).toBeCloseTo(0.37628, 4);
    expect(probabilityAlive(CDNOW, x, tx, T)).toBeCloseTo(1 / (1 + odds), 14);
    expect(probabilityAlive(CDNOW, x, tx, T)).toBeCloseTo(0.7265897218, 9); // mpmath
  });

  it("P(alive) is exactly 1 without repeat purchases, and falls with time since the last purchase", () => {
    expect(probabilityAlive(CDNOW, 0, 0, 38)).toBe(1);
    expect(probabilityAlive(CDNOW, 0, 0, 0)).toBe(1);
    // Purchase on the last day: the second likelihood term dominates less, P(alive) is highest.
    const recent = probabilityAlive(CDNOW, 5, 38, 38);
    const lapsed = probabilityAlive(CDNOW, 5, 5, 38);
    expect(recent).toBeGreaterThan(0.8);
    expect(lapsed).toBeLessThan(0.1);
  });

  it("E[Y(t) | x, t_x, T] matches an independent evaluation of FHL eq. 10", () => {
    const { x, tx, T } = CUSTOMER_1;
    const { r, alpha, a, b } = CDNOW;
    const t = 52;
    // Plain series for 2F1 (z = 52/95.27 = 0.546 converges quickly).
    const z = t / (alpha + T + t);
    let term = 1;
    let hyper = 1;
    for (let n = 0; n < 500; n++) {
      term *= (((r + x + n) * (b + x + n)) / ((a + b + x - 1 + n) * (n + 1))) * z;
      hyper += term;
    }
    const alive = ((a + b + x - 1) / (a - 1)) * (1 - Math.pow((alpha + T) / (alpha + T + t), r + x) * hyper);
    const pAlive = 1 / (1 + (a / (b + x - 1)) * Math.pow((alpha + T) / (alpha + tx), r + x));
    expect(expectedPurchases(CDNOW, t, x, tx, T)).toBeCloseTo(alive * pAlive, 12);
    expect(expectedPurchases(CDNOW, t, x, tx, T)).toBeCloseTo(1.55882897181284, 10); // mpmath
  });

  it("E[Y] is 0 at t = 0, increasing in t, and handles long horizons (z → 1)", () => {
    expect(expectedPurchases(CDNOW, 0, 2, 30, 38)).toBe(0);
    let previous = 0;
    for (const t of [1, 4, 13, 52, 260, 520, 5200]) {
      const value = expectedPurchases(CDNOW, t, 10, 30, 38);
      expect(value).toBeGreaterThan(previous);
      previous = value;
    }
    expect(expectedPurchases(CDNOW, 520, 10, 30, 38)).toBeCloseTo(24.10402418948352, 8); // mpmath
    // Reference values from mpmath: a very frequent buyer (the naive 2F1 overflows a double)
    // and new customers over very long horizons (z = 0.9999).
    expect(relativeError(expectedPurchases(CDNOW, 520, 300, 51.5, 52), 866.1452893714593)).toBeLessThan(1e-10);
    expect(relativeError(expectedPurchases(CDNOW, 52000, 0, 0, 0), 24.7013445921399)).toBeLessThan(1e-10);
    expect(relativeError(expectedPurchases(CDNOW, 5200, 0, 0, 1), 11.32606337921628)).toBeLessThan(1e-10);
  });

  it("E[X(t)] equals the mean of the P(X(t) = x) distribution (FHL eqs. 8 and 9)", () => {
    for (const t of [13, 39, 78]) {
      let total = 0;
      let mean = 0;
      for (let x = 0; x < 400; x++) {
        const p = probabilityOfPurchases(CDNOW, t, x);
        total += p;
        mean += x * p;
      }
      expect(total).toBeCloseTo(1, 8);
      expect(relativeError(expectedPurchasesUnconditional(CDNOW, t), mean)).toBeLessThan(1e-8);
    }
    expect(expectedPurchasesUnconditional(CDNOW, 39)).toBeCloseTo(1.196723193320817, 10); // mpmath
    expect(expectedPurchasesUnconditional(CDNOW, 78)).toBeCloseTo(1.860519057942769, 10);
  });

  it("bridges the removable singularity at a = 1", () => {
    const near = (a: number) => expectedPurchases({ ...CDNOW, a }, 26, 3, 20, 30);
    expect(near(1)).toBeCloseTo((near(1 - 1e-3) + near(1 + 1e-3)) / 2, 5);
  });

  it("predicts vectors and validates inputs", () => {
    const predictions = predictCustomers(CDNOW, { x: [0, 2], tx: [0, CUSTOMER_1.tx], T: [10, CUSTOMER_1.T] }, 52);
    expect(predictions.probabilityAlive[0]).toBe(1);
    expect(predictions.expectedPurchases[1]).toBeCloseTo(1.55882897181284, 10);
    expect(() => probabilityAlive(CDNOW, 1.5, 1, 2)).toThrow(RangeError);
    expect(() => probabilityAlive(CDNOW, 2, 5, 2)).toThrow(/tx/);
    expect(() => expectedPurchases({ ...CDNOW, r: -1 }, 1, 0, 0, 1)).toThrow(/r must be/);
  });
});

describe("BG/NBD likelihood", () => {
  it("matches FHL eq. 6 computed directly for one customer", () => {
    const { x, tx, T } = CUSTOMER_1;
    const { r, alpha, a, b } = CDNOW;
    const lg = (v: number) => logGammaByProduct(v);
    const beta = (p: number, q: number) => Math.exp(lg(p) + lg(q) - lg(p + q));
    const common = Math.exp(lg(r + x) - lg(r)) * Math.pow(alpha, r);
    const likelihood =
      (beta(a, b + x) / beta(a, b)) * common * Math.pow(alpha + T, -(r + x)) +
      (beta(a + 1, b + x - 1) / beta(a, b)) * common * Math.pow(alpha + tx, -(r + x));
    expect(bgnbdLogLikelihood(CDNOW, { x: [x], tx: [tx], T: [T] })).toBeCloseTo(Math.log(likelihood), 10);
  });

  it("has an analytic gradient that matches finite differences", () => {
    const data = simulateBgnbd(CDNOW, 2000, { minT: 10, maxT: 40, seed: 7 });
    const objective = bgnbdObjective(compileBgnbdData(data));
    const theta = Float64Array.from([Math.log(0.4), Math.log(3), Math.log(0.6), Math.log(2)]);
    const gradient = new Float64Array(4);
    objective(theta, gradient);
    const scratch = new Float64Array(4);
    for (let i = 0; i < 4; i++) {
      const h = 1e-6;
      const plus = Float64Array.from(theta);
      const minus = Float64Array.from(theta);
      plus[i] += h;
      minus[i] -= h;
      const numeric = (objective(plus, scratch) - objective(minus, scratch)) / (2 * h);
      expect(gradient[i]).toBeCloseTo(numeric, 7);
    }
  });

  it("merges identical rows without changing the likelihood", () => {
    const rows = { x: [0, 2, 2, 0], tx: [0, 5, 5, 0], T: [10, 20, 20, 10] };
    const compiled = compileBgnbdData(rows);
    expect(compiled.x.length).toBe(2);
    expect(Array.from(compiled.weight)).toEqual([2, 2]);
    const weighted = bgnbdLogLikelihood(CDNOW, { x: [0, 2], tx: [0, 5], T: [10, 20], weight: [2, 2] });
    expect(bgnbdLogLikelihood(CDNOW, rows)).toBeCloseTo(weighted, 10);
  });
});

describe("BG/NBD fit: parameter recovery", () => {
  const truth = { r: 0.25, alpha: 4, a: 0.8, b: 2.5 };
  const data = simulateBgnbd(truth, 50_000, { minT: 26, maxT: 52, seed: 12345 });
  const fit = fitBgnbd({ ...data, unit: "weeks" });

  it("converges to the maximum likelihood near the true parameters", () => {
    expect(fit.converged).toBe(true);
    expect(fit.degenerate).toBe(false);
    expect(fit.customers).toBe(50_000);
    // Sampling error with 50k customers is a few percent for r, α and ~10 % for a, b.
    expect(relativeError(fit.params.r, truth.r)).toBeLessThan(0.05);
    expect(relativeError(fit.params.alpha, truth.alpha)).toBeLessThan(0.05);
    expect(relativeError(fit.params.a, truth.a)).toBeLessThan(0.15);
    expect(relativeError(fit.params.b, truth.b)).toBeLessThan(0.15);
    // An MLE can never be worse than the truth on its own data.
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(bgnbdLogLikelihood(truth, data));
    expect(fit.logLikelihood).toBeCloseTo(bgnbdLogLikelihood(fit.params, data), 6);
  });

  it("reaches the same optimum from a poor starting point", () => {
    const other = fitBgnbd(data, { initial: { r: 5, alpha: 100, a: 5, b: 0.1 } });
    expect(other.converged).toBe(true);
    expect(other.logLikelihood).toBeCloseTo(fit.logLikelihood, 4);
    expect(relativeError(other.params.b, fit.params.b)).toBeLessThan(1e-4);
  });

  it("flags degenerate data instead of pretending to identify the model", () => {
    // Nobody ever repeats: the purchase-rate distribution collapses towards zero.
    const fit = fitBgnbd({ x: [0, 0, 0], tx: [0, 0, 0], T: [5, 10, 20] });
    expect(fit.degenerate).toBe(true);
  });

  it("rejects malformed data", () => {
    expect(() => fitBgnbd({ x: [1], tx: [5], T: [3] })).toThrow(/tx\[0\]/);
    expect(() => fitBgnbd({ x: [-1], tx: [0], T: [3] })).toThrow(/x\[0\]/);
    expect(() => fitBgnbd({ x: [], tx: [], T: [] })).toThrow(/at least one/);
  });
});

/** ln Γ(v) for v > 0 from the recurrence and Stirling with many correction terms — an independent check. */
function logGammaByProduct(v: number): number {
  let shift = 0;
  while (v < 30) {
    shift -= Math.log(v);
    v += 1;
  }
  const inv = 1 / v;
  return (
    shift + (v - 0.5) * Math.log(v) - v + 0.5 * Math.log(2 * Math.PI) + inv / 12 - inv ** 3 / 360 + inv ** 5 / 1260
  );
}
