import { describe, expect, it } from "vitest";
import {
  expectedAverageMargin,
  fitGammaGamma,
  gammaGammaLogLikelihood,
  populationAverageMargin,
} from "@/lib/value/models/gamma-gamma";
import { simulateBgnbd, simulateGammaGammaMeans } from "@/lib/value/models/sampling";
import { lgamma } from "@/lib/value/models/special-functions";

const CDNOW_SPEND = { p: 6.25, q: 3.74, gamma: 15.44 };
const relativeError = (actual: number, expected: number) => Math.abs(actual - expected) / Math.abs(expected);

describe("Gamma-Gamma expected spend", () => {
  it("blends the population mean and the customer's mean (hand-computed)", () => {
    // p(γ + x m̄)/(px + q − 1) = 6.25 · (15.44 + 2·40) / (12.5 + 2.74) = 596.5 / 15.24
    expect(expectedAverageMargin(CDNOW_SPEND, 40, 2)).toBeCloseTo(39.1404199, 6);
    // x = 0: population mean pγ/(q − 1) = 96.5 / 2.74
    expect(populationAverageMargin(CDNOW_SPEND)).toBeCloseTo(35.2189781, 6);
    expect(expectedAverageMargin(CDNOW_SPEND, NaN, 0)).toBeCloseTo(35.2189781, 6);
  });

  it("moves towards the customer's own mean as x grows", () => {
    const few = expectedAverageMargin(CDNOW_SPEND, 100, 1);
    const many = expectedAverageMargin(CDNOW_SPEND, 100, 50);
    expect(few).toBeLessThan(many);
    expect(many).toBeLessThan(100);
    expect(relativeError(many, 100)).toBeLessThan(0.03);
  });

  it("refuses an infinite population mean (q <= 1)", () => {
    expect(() => populationAverageMargin({ p: 2, q: 0.9, gamma: 10 })).toThrow(/infinite/);
  });
});

describe("Gamma-Gamma likelihood and fit", () => {
  it("matches the closed-form density for one customer", () => {
    const { p, q, gamma } = CDNOW_SPEND;
    const [x, m] = [3, 27.5];
    const expected =
      lgamma(p * x + q) -
      lgamma(p * x) -
      lgamma(q) +
      q * Math.log(gamma) +
      (p * x - 1) * Math.log(m) +
      p * x * Math.log(x) -
      (p * x + q) * Math.log(gamma + x * m);
    expect(gammaGammaLogLikelihood(CDNOW_SPEND, { x: [x], meanMargin: [m] })).toBeCloseTo(expected, 10);
  });

  it("recovers known parameters from simulated spend", () => {
    const truth = { p: 6, q: 4, gamma: 15 };
    const customers = simulateBgnbd({ r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, 50_000, { minT: 26, maxT: 52, seed: 12345 });
    const means = simulateGammaGammaMeans(truth, customers.x, 12346);
    const fit = fitGammaGamma({ x: customers.x, meanMargin: means });
    expect(fit.converged).toBe(true);
    expect(fit.degenerate).toBe(false);
    expect(fit.customers + fit.excluded).toBe(50_000);
    expect(fit.customers).toBeGreaterThan(20_000);
    // q and γ trade off against each other; the population mean pγ/(q−1) is pinned down well.
    expect(relativeError(fit.params.p, truth.p)).toBeLessThan(0.1);
    expect(relativeError(fit.params.q, truth.q)).toBeLessThan(0.1);
    expect(relativeError(fit.params.gamma, truth.gamma)).toBeLessThan(0.15);
    expect(relativeError(populationAverageMargin(fit.params), 30)).toBeLessThan(0.02);
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(
      gammaGammaLogLikelihood(truth, { x: customers.x, meanMargin: means }),
    );
  });

  it("skips customers without usable repeat spend and rejects empty input", () => {
    const fit = fitGammaGamma({ x: [0, 1, 2, 3, 1, 4, 2], meanMargin: [NaN, 10, 0, 12, 30, 18, 25] });
    expect(fit.customers).toBe(5);
    expect(fit.excluded).toBe(2);
    expect(() => fitGammaGamma({ x: [0, 0], meanMargin: [NaN, NaN] })).toThrow(/at least one/);
  });

  it("flags a degenerate fit when every customer spends the same", () => {
    const fit = fitGammaGamma({ x: [1, 2, 3, 4], meanMargin: [10, 10, 10, 10] });
    expect(fit.degenerate).toBe(true);
    // …but not merely because spend is measured in a small currency unit.
    const customers = simulateBgnbd({ r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, 5_000, { minT: 26, maxT: 52, seed: 3 });
    const dong = simulateGammaGammaMeans({ p: 6, q: 4, gamma: 15 * 25_000 }, customers.x, 4);
    expect(fitGammaGamma({ x: customers.x, meanMargin: dong }).degenerate).toBe(false);
  });
});
