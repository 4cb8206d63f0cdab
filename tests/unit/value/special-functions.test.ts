import { describe, expect, it } from "vitest";
import { hyp2f1, hyp2f1Series } from "@/lib/value/models/hypergeometric";
import { digamma, gammaSign, lgamma } from "@/lib/value/models/special-functions";

const relativeError = (actual: number, expected: number) => Math.abs(actual - expected) / Math.abs(expected);

describe("lgamma", () => {
  it("matches factorials and Γ(1/2) = √π", () => {
    let logFactorial = 0;
    for (let n = 1; n <= 30; n++) {
      expect(lgamma(n)).toBeCloseTo(logFactorial, 11); // Γ(n) = (n−1)!
      logFactorial += Math.log(n);
    }
    expect(lgamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
  });

  it("matches reference values (mpmath) including negative arguments", () => {
    expect(relativeError(lgamma(0.1), 2.252712651734206)).toBeLessThan(1e-14);
    expect(relativeError(lgamma(100.5), 361.4355404677776)).toBeLessThan(1e-14);
    // Γ(−2.5) = −0.9453087205: ln|Γ| = −0.0562437164977, sign −1
    expect(lgamma(-2.5)).toBeCloseTo(-0.0562437164976741, 13);
    expect(gammaSign(-2.5)).toBe(-1);
    expect(gammaSign(-1.5)).toBe(1);
    expect(gammaSign(-0.5)).toBe(-1);
    expect(lgamma(-3)).toBe(Infinity);
  });
});

describe("digamma", () => {
  it("matches reference values and the recurrence ψ(x+1) = ψ(x) + 1/x", () => {
    expect(digamma(1)).toBeCloseTo(-0.5772156649015329, 14); // −Euler–Mascheroni
    expect(digamma(0.3)).toBeCloseTo(-3.502524222200133, 13);
    expect(digamma(7.5)).toBeCloseTo(1.946757484246088, 14);
    for (const x of [0.01, 0.7, 3.3, 40]) expect(digamma(x + 1)).toBeCloseTo(digamma(x) + 1 / x, 11);
  });

  it("is the derivative of lgamma", () => {
    for (const x of [0.2, 1.7, 12.5]) {
      const h = 1e-5;
      expect(digamma(x)).toBeCloseTo((lgamma(x + h) - lgamma(x - h)) / (2 * h), 7);
    }
  });
});

describe("hyp2f1", () => {
  it("reproduces closed forms", () => {
    for (const z of [0.1, 0.5, 0.8, 0.95, 0.999]) {
      expect(relativeError(hyp2f1(1, 1, 2, z), -Math.log(1 - z) / z)).toBeLessThan(1e-12);
      expect(relativeError(hyp2f1(0.7, 1.3, 1.3, z), Math.pow(1 - z, -0.7))).toBeLessThan(1e-12); // 2F1(a,b;b;z) = (1−z)^−a
      const s = Math.sqrt(z);
      expect(relativeError(hyp2f1(0.5, 0.5, 1.5, z), Math.asin(s) / s)).toBeLessThan(1e-12);
    }
  });

  it("matches mpmath in both the series and the 1−z transformation regimes", () => {
    const cases: [number, number, number, number, number][] = [
      [0.5, 0.3, 1.7, 0.3, 1.02988747762867869734],
      [2.243, 4.426, 4.219, 0.55, 6.63567177217647893864],
      [12.243, 12.426, 12.219, 0.95, 15775976487330222.6926],
      [0.243, 2.426, 2.219, 0.999, 11.0965042886804939203],
      [1.5, 2.5, 3.0, -3.0, 0.164318527664948112849],
      [30.243, 32.426, 32.219, 0.9, 2.78508028151270471231e30],
      [1.2, 2.3, 3.5, 0.98, 8.15644192432203821983],
    ];
    for (const [a, b, c, z, expected] of cases) expect(relativeError(hyp2f1(a, b, c, z), expected)).toBeLessThan(1e-11);
  });

  it("agrees with the plain series where both converge well", () => {
    // Parameters shaped like the BG/NBD call 2F1(r+x, b+x; a+b+x−1; z), including a < 1.
    for (const [r, a, b] of [
      [0.243, 0.793, 2.426],
      [1.5, 2.2, 0.4],
      [0.05, 5, 9],
    ]) {
      for (const x of [0, 1, 3, 8]) {
        for (const z of [0.72, 0.8, 0.88]) {
          const direct = hyp2f1Series(r + x, b + x, a + b + x - 1, z);
          expect(relativeError(hyp2f1(r + x, b + x, a + b + x - 1, z), direct)).toBeLessThan(1e-10);
        }
      }
    }
  });

  it("rejects z >= 1 and poles in c", () => {
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(RangeError);
    expect(() => hyp2f1(1, 1, -2, 0.5)).toThrow(RangeError);
  });
});
