import { describe, expect, it } from "vitest";
import { retentionClv } from "@/lib/value/models/retention-clv";

describe("retentionClv", () => {
  it("matches m·r/(1+d−r) for the textbook case", () => {
    // 100 · 0.8 / (1 + 0.1 − 0.8) = 80 / 0.3
    expect(retentionClv({ margin: 100, retention: 0.8, discountRate: 0.1 })).toBeCloseTo(266.6667, 4);
  });

  it("equals the explicit discounted sum of survival-weighted margins", () => {
    let sum = 0;
    for (let t = 1; t <= 2000; t++) sum += (50 * 0.9 ** t) / 1.05 ** t;
    expect(retentionClv({ margin: 50, retention: 0.9, discountRate: 0.05 })).toBeCloseTo(sum, 9);
  });

  it("is zero with zero retention and allows a zero discount rate", () => {
    expect(retentionClv({ margin: 100, retention: 0, discountRate: 0.1 })).toBe(0);
    expect(retentionClv({ margin: 10, retention: 0.5, discountRate: 0 })).toBeCloseTo(10, 12);
  });

  it("rejects inputs that make the value meaningless", () => {
    expect(() => retentionClv({ margin: 100, retention: 1, discountRate: 0.1 })).toThrow(RangeError);
    expect(() => retentionClv({ margin: 100, retention: -0.1, discountRate: 0.1 })).toThrow(/retention/);
    expect(() => retentionClv({ margin: 100, retention: 0.5, discountRate: -1 })).toThrow(/discountRate/);
    expect(() => retentionClv({ margin: 100, retention: 0.9, discountRate: -0.2 })).toThrow(/finite/);
    expect(() => retentionClv({ margin: NaN, retention: 0.5, discountRate: 0.1 })).toThrow(/margin/);
  });
});
