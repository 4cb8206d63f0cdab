import { describe, expect, it } from "vitest";
import { fitBgnbd } from "@/lib/value/models/bgnbd";
import { expectedPurchases } from "@/lib/value/models/bgnbd-predict";
import { customerLifetimeValue, customerLifetimeValues, monthlyDiscountFactors } from "@/lib/value/models/clv";
import { fitGammaGamma } from "@/lib/value/models/gamma-gamma";
import { cdnowSamplePath, cdnowSummary } from "./cdnow-fixture";

const CDNOW = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const CUSTOMER_1 = { x: 2, tx: 213 / 7, T: 272 / 7 };

describe("monthlyDiscountFactors", () => {
  it("compounds to the annual rate after twelve months", () => {
    const w = monthlyDiscountFactors(24, 0.1);
    expect(w).toHaveLength(24);
    expect(w[11]).toBeCloseTo(1 / 1.1, 14);
    expect(w[23]).toBeCloseTo(1 / 1.21, 14);
    expect(w[0]).toBeCloseTo(Math.pow(1.1, -1 / 12), 14);
    expect(() => monthlyDiscountFactors(1.5, 0.1)).toThrow(/horizonMonths/);
    expect(() => monthlyDiscountFactors(12, -1)).toThrow(/annualDiscountRate/);
  });
});

describe("customerLifetimeValue", () => {
  it("sums discounted monthly increments of E[Y] with months converted to weeks (hand-checked)", () => {
    const month = 365.25 / 12 / 7; // 4.348 weeks
    let expected = 0;
    let previous = 0;
    for (let k = 1; k <= 12; k++) {
      const cumulative = expectedPurchases(CDNOW, k * month, CUSTOMER_1.x, CUSTOMER_1.tx, CUSTOMER_1.T);
      expected += ((cumulative - previous) * 40) / Math.pow(1.1, k / 12);
      previous = cumulative;
    }
    const clv = customerLifetimeValue({
      bgnbd: CDNOW,
      customer: CUSTOMER_1,
      expectedMargin: 40,
      horizonMonths: 12,
      annualDiscountRate: 0.1,
      unit: "weeks",
    });
    expect(clv).toBeCloseTo(expected, 10);
    // Independent value from mpmath: discounted expected purchases 1.4901125498 × $40.
    expect(clv).toBeCloseTo(59.6045019938, 8);
  });

  it("without discounting equals margin × E[Y(horizon)]", () => {
    const clv = customerLifetimeValue({
      bgnbd: CDNOW,
      customer: CUSTOMER_1,
      expectedMargin: 25,
      horizonMonths: 24,
      annualDiscountRate: 0,
      unit: "weeks",
    });
    const purchases = expectedPurchases(CDNOW, (24 * 365.25) / 12 / 7, CUSTOMER_1.x, CUSTOMER_1.tx, CUSTOMER_1.T);
    expect(clv).toBeCloseTo(25 * purchases, 10);
  });

  it("is zero for a zero horizon and needs a margin source", () => {
    expect(
      customerLifetimeValue({
        bgnbd: CDNOW,
        customer: CUSTOMER_1,
        expectedMargin: 40,
        horizonMonths: 0,
        annualDiscountRate: 0.1,
        unit: "weeks",
      }),
    ).toBe(0);
    expect(() =>
      customerLifetimeValues({
        params: { bgnbd: CDNOW },
        customers: { x: [0], tx: [0], T: [1] },
        horizonMonths: 12,
        annualDiscountRate: 0.1,
        unit: "weeks",
      }),
    ).toThrow(/gammaGamma or expectedMargin/);
  });

  it("uses Gamma-Gamma margins: the population mean for customers without repeat spend", () => {
    const spend = { p: 6.25, q: 3.74, gamma: 15.44 };
    const values = customerLifetimeValues({
      params: { bgnbd: CDNOW, gammaGamma: spend },
      customers: { x: [0, 2], tx: [0, CUSTOMER_1.tx], T: [20, CUSTOMER_1.T], meanRepeatMargin: [NaN, 40] },
      horizonMonths: 12,
      annualDiscountRate: 0.1,
      unit: "weeks",
    });
    const single = (margin: number, customer: { x: number; tx: number; T: number }) =>
      customerLifetimeValue({
        bgnbd: CDNOW,
        customer,
        expectedMargin: margin,
        horizonMonths: 12,
        annualDiscountRate: 0.1,
        unit: "weeks",
      });
    expect(values[0]).toBeCloseTo(single((6.25 * 15.44) / 2.74, { x: 0, tx: 0, T: 20 }), 10);
    expect(values[1]).toBeCloseTo(single((6.25 * (15.44 + 80)) / (12.5 + 2.74), CUSTOMER_1), 10);
  });
});

describe.skipIf(!cdnowSamplePath)("CLV is independent of the time unit of the fit", () => {
  it("gives the same CLV from a fit in days as from a fit in weeks", () => {
    const results = (["weeks", "days"] as const).map((unit) => {
      const summary = cdnowSummary(unit);
      const bgnbd = fitBgnbd(summary);
      const spend = fitGammaGamma({ x: summary.x, meanMargin: summary.meanRepeatMargin });
      const clv = customerLifetimeValues({
        params: { bgnbd: bgnbd.params, gammaGamma: spend.params },
        customers: summary,
        horizonMonths: 36,
        annualDiscountRate: 0.1,
        unit,
      });
      return { summary, bgnbd, clv };
    });
    const [weeks, days] = results;
    // Same shape parameters, α scales with the unit, LL shifts by Σx·ln 7 (λ^x is per unit time).
    expect(days.bgnbd.params.r).toBeCloseTo(weeks.bgnbd.params.r, 5);
    expect(days.bgnbd.params.alpha / weeks.bgnbd.params.alpha).toBeCloseTo(7, 4);
    const repeatPurchases = weeks.summary.x.reduce((sum, x) => sum + x, 0);
    expect(days.bgnbd.logLikelihood).toBeCloseTo(weeks.bgnbd.logLikelihood - repeatPurchases * Math.log(7), 4);

    const total = (values: Float64Array) => values.reduce((sum, v) => sum + v, 0);
    expect(Math.abs(total(days.clv) / total(weeks.clv) - 1)).toBeLessThan(0.01);
    for (let i = 0; i < weeks.clv.length; i++) {
      expect(Math.abs(days.clv[i] - weeks.clv[i])).toBeLessThanOrEqual(0.01 * Math.abs(weeks.clv[i]));
    }
    expect(total(weeks.clv)).toBeGreaterThan(0);
  });
});
