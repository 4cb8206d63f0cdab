import { describe, expect, it } from "vitest";
import { expectedPurchases, probabilityOfPurchases } from "@/lib/value/models/bgnbd-predict";
import { customerLifetimeValue, LIFETIME_VALUE_SHARE, lifetimeDiscountedPurchases } from "@/lib/value/models/clv";
import { expectedAverageMargin } from "@/lib/value/models/gamma-gamma";
import { logBeta } from "@/lib/value/models/special-functions";
import { monthInUnits } from "@/lib/value/models/time-units";
import { scoreBgnbd, type BgnbdModelResult } from "@/lib/value/tenant-models";
import { degenerateFallbackReason } from "@/lib/value/recompute";
import type { CustomerHistory } from "@/lib/value/tenant-data";

const CDNOW = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const MONTH = monthInUnits("weeks");
const relativeError = (actual: number, expected: number) => Math.abs(actual - expected) / Math.abs(expected);

/** Σ_k ΔE[Y]_k w_k summed until the terms no longer change the total (the reference lifetime value). */
function convergedLifetime(params: typeof CDNOW, x: number, tx: number, T: number, rate: number): number {
  let total = 0;
  let previous = 0;
  for (let k = 1; k <= 6000; k++) {
    const cumulative = expectedPurchases(params, k * MONTH, x, tx, T);
    const step = (cumulative - previous) * Math.pow(1 + rate, -k / 12);
    total += step;
    previous = cumulative;
    if (k > 120 && step < 1e-15 * total) break;
  }
  return total;
}

describe("lifetime CLV basis", () => {
  const customers = [
    { x: 0, tx: 0, T: 38 },
    { x: 2, tx: 30.43, T: 38.86 },
    { x: 7, tx: 35, T: 38 },
    { x: 25, tx: 70, T: 78 },
  ];
  const slowDropout = { r: 2, alpha: 20, a: 0.2, b: 40 }; // customers who almost never leave

  it("holds at least 95 % of the value summed to convergence, for fast and slow dropout", () => {
    for (const params of [CDNOW, slowDropout]) {
      for (const c of customers) {
        for (const rate of [0.05, 0.1, 0.3]) {
          const lifetime = lifetimeDiscountedPurchases(params, c.x, c.tx, c.T, rate, MONTH);
          const reference = convergedLifetime(params, c.x, c.tx, c.T, rate);
          expect(lifetime.value / reference).toBeGreaterThanOrEqual(LIFETIME_VALUE_SHARE);
          expect(lifetime.value / reference).toBeLessThanOrEqual(1 + 1e-12);
        }
      }
    }
  });

  it("is far more than the old 36-month horizon, which held about half the value on CDNOW", () => {
    const c = customers[1];
    const horizon36 = customerLifetimeValue({
      bgnbd: CDNOW,
      customer: c,
      expectedMargin: 1,
      horizonMonths: 36,
      annualDiscountRate: 0.1,
      unit: "weeks",
    });
    const reference = convergedLifetime(CDNOW, c.x, c.tx, c.T, 0.1);
    expect(horizon36 / reference).toBeLessThan(0.7);
    expect(lifetimeDiscountedPurchases(CDNOW, c.x, c.tx, c.T, 0.1, MONTH).value / reference).toBeGreaterThan(0.95);
  });

  it("scores tenants on the lifetime basis and records it with the fit", () => {
    const model: BgnbdModelResult = {
      params: {
        unit: "weeks",
        bgnbd: CDNOW,
        gammaGamma: null,
        horizonMonths: 36,
        annualDiscountRate: 0.1,
        clvBasis: { kind: "LIFETIME", share: LIFETIME_VALUE_SHARE },
      },
      bgnbdFit: {} as BgnbdModelResult["bgnbdFit"],
      spendFit: null,
      fallbackMargin: 10,
    };
    const history: CustomerHistory = {
      customerIds: ["a"],
      segments: ["B2C"],
      firstDay: new Int32Array([0]),
      lastDay: new Int32Array([213]),
      purchaseDays: new Int32Array([3]),
      totalMargin: new Float64Array([30]),
      firstDayMargin: new Float64Array([10]),
      calPurchaseDays: new Int32Array([3]),
      calLastDay: new Int32Array([213]),
      calMargin: new Float64Array([30]),
    };
    const scores = scoreBgnbd(model, history, 272);
    const reference = convergedLifetime(CDNOW, 2, 213 / 7, 272 / 7, 0.1) * 10;
    expect(scores.clv[0] / reference).toBeGreaterThanOrEqual(0.95);
    expect(model.params.clvBasis.longestMonths).toBeGreaterThan(36);
  });
});

describe("probabilityOfPurchases far in the tail", () => {
  // With r = 2 the NBD tail has a closed form: P(N ≥ x) = z^x ((x+1)(1−z) + z), z = t/(α+t),
  // which double precision evaluates to ~1e-15 relative error however small it is.
  const params = { r: 2, alpha: 10, a: 0.8, b: 2.5 };
  const reference = (t: number, x: number) => {
    const z = t / (params.alpha + t);
    const pmf = (x + 1) * (1 - z) ** 2 * z ** x;
    const tail = Math.exp(x * Math.log(z)) * ((x + 1) * (1 - z) + z);
    const lb = logBeta(params.a, params.b);
    return (
      Math.exp(logBeta(params.a, params.b + x) - lb) * pmf +
      Math.exp(logBeta(params.a + 1, params.b + x - 1) - lb) * tail
    );
  };

  it("matches the closed form to 1e-10 at x = 500 (where 1 − Σ lost every digit)", () => {
    for (const [t, x] of [
      [100, 500],
      [50, 300],
      [100, 20],
      [100, 5],
    ]) {
      const value = probabilityOfPurchases(params, t, x);
      expect(value).toBeGreaterThan(0);
      expect(relativeError(value, reference(t, x))).toBeLessThan(1e-10);
    }
  });

  it("still sums to 1 over x", () => {
    let total = 0;
    for (let x = 0; x < 2000; x++) total += probabilityOfPurchases(CDNOW, 52, x);
    expect(total).toBeCloseTo(1, 6);
  });
});

describe("Gamma-Gamma expected margin", () => {
  it("refuses a negative mean spend with a clear error", () => {
    expect(() => expectedAverageMargin({ p: 6, q: 4, gamma: 16 }, -5, 3)).toThrow(
      /Mean spend per purchase must not be negative \(got -5\)/,
    );
    expect(expectedAverageMargin({ p: 6, q: 4, gamma: 16 }, 0, 3)).toBeCloseTo((6 * 16) / (18 + 3), 12);
  });
});

describe("degenerate BG/NBD fit", () => {
  it("names the parameters when the fit falls back to the retention model", () => {
    const reason = degenerateFallbackReason({ r: 1e9, alpha: 2, a: 1, b: 3 });
    expect(reason).toMatch(/r=1\.00e\+9/);
    expect(reason).toMatch(/retention model was used instead/);
  });
});
