import { describe, expect, it } from "vitest";
import { retentionClv } from "@/lib/value/models/retention-clv";
import { holdoutPeriods, retentionSegments, scoreRetention, bgnbdInputs } from "@/lib/value/tenant-models";
import { valuePeriod } from "@/lib/value/tenant-data";
import type { CustomerHistory } from "@/lib/value/tenant-data";

describe("retention model per segment", () => {
  it("is m·r/(1+d−r): m=100, r=0.8, d=0.1 → 266.67", () => {
    expect(retentionClv({ margin: 100, retention: 0.8, discountRate: 0.1 })).toBeCloseTo(266.67, 2);
    const [b2b] = retentionSegments(
      [{ segment: "B2B", activeNow: 10, marginNow: 1000, activeBefore: 10, retained: 8 }],
      0.1,
    );
    expect(b2b).toMatchObject({ segment: "B2B", margin: 100, retention: 0.8 });
    expect(b2b.clvPerActive).toBeCloseTo(266.67, 2);
  });

  it("uses the tenant-wide retention for a segment without last year's customers, and caps retention", () => {
    const segments = retentionSegments(
      [
        { segment: "B2B", activeNow: 4, marginNow: 400, activeBefore: 4, retained: 2 },
        { segment: "B2C", activeNow: 2, marginNow: 50, activeBefore: 0, retained: 0 },
      ],
      0.1,
    );
    expect(segments[1]).toMatchObject({ segment: "B2C", margin: 25, retention: 0.5, retentionFromTenant: true });
    const capped = retentionSegments(
      [{ segment: "B2B", activeNow: 1, marginNow: 100, activeBefore: 1, retained: 1 }],
      0.1,
    )[0];
    expect(capped.retention).toBe(0.95);
    expect(capped.clvPerActive).toBeCloseTo(633.33, 2);
  });

  it("values active customers only", () => {
    const history = {
      customerIds: ["a", "b"],
      segments: ["B2B", "B2B"],
      lastDay: Int32Array.from([1000, 600]),
    } as unknown as CustomerHistory;
    const segments = retentionSegments(
      [{ segment: "B2B", activeNow: 10, marginNow: 1000, activeBefore: 10, retained: 8 }],
      0.1,
    );
    const scores = scoreRetention(segments, history, 1000);
    expect(Array.from(scores.clv).map((v) => Math.round(v * 100) / 100)).toEqual([266.67, 0]);
  });
});

describe("time units and periods", () => {
  it("summarises in weeks from day-level history", () => {
    const history = {
      customerIds: ["a", "b"],
      firstDay: Int32Array.from([0, 14]),
      lastDay: Int32Array.from([21, 14]),
      purchaseDays: Int32Array.from([3, 1]),
      totalMargin: Float64Array.from([60, 10]),
      firstDayMargin: Float64Array.from([20, 10]),
    } as unknown as CustomerHistory;
    const d = bgnbdInputs(history, 27);
    expect(Array.from(d.x)).toEqual([2, 0]);
    expect(Array.from(d.tx)).toEqual([3, 0]);
    expect(Array.from(d.T)).toEqual([27 / 7, 13 / 7]);
    expect(d.meanRepeatMargin[0]).toBe(20);
    expect(Number.isNaN(d.meanRepeatMargin[1])).toBe(true);
  });

  it("clips the current month to today and ends past months on their last day", () => {
    const now = new Date("2026-11-23T11:00:00Z");
    const current = valuePeriod("2026-11", now);
    expect(current.asOf.toISOString()).toBe("2026-11-01T00:00:00.000Z");
    expect(current.cutoff.toISOString()).toBe("2026-11-24T00:00:00.000Z");
    const past = valuePeriod("2026-02", now);
    expect(past.cutoff.toISOString()).toBe("2026-03-01T00:00:00.000Z");
    expect(past.endDay).toBe(Date.UTC(2026, 1, 28) / 86_400_000);
  });

  it("keeps a holdout of at most 6 four-week periods and at most a third of the history", () => {
    expect(holdoutPeriods(0, 1000)).toBe(6);
    expect(holdoutPeriods(0, 167)).toBe(2);
    expect(holdoutPeriods(0, 50)).toBe(0);
  });
});

describe("grouped predictions", () => {
  it("equal the per-customer CLV and predictions of clv.ts / bgnbd-predict.ts", async () => {
    const { simulateBgnbd } = await import("@/lib/value/models/sampling");
    const { customerLifetimeValues } = await import("@/lib/value/models/clv");
    const { predictCustomers } = await import("@/lib/value/models/bgnbd-predict");
    const { monthInUnits } = await import("@/lib/value/models/time-units");
    const { groupedPredictions } = await import("@/lib/value/tenant-models");
    const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    const sim = simulateBgnbd(params, 2000, { minT: 10, maxT: 60, seed: 7 });
    // whole days, as the tenant data is: many customers share (x, T)
    const T = sim.T.map((t) => Math.round(t * 7) / 7);
    const tx = sim.tx.map((t, i) => Math.min(Math.round(t * 7) / 7, T[i]));
    const data = { x: sim.x, tx, T };
    const grouped = groupedPredictions(params, data, 24 * monthInUnits("weeks"), 0.1);
    const margin = new Float64Array(2000).fill(1);
    // The lifetime basis sums each customer until ≥ 95 % of the value is held: compare with
    // the per-customer sum over exactly the months that customer needed.
    const { lifetimeDiscountedPurchases } = await import("@/lib/value/models/clv");
    const clv = data.x.map((x, i) => {
      const { months } = lifetimeDiscountedPurchases(params, x, T[i], T[i], 0.1, monthInUnits("weeks"));
      return customerLifetimeValues({
        params: { bgnbd: params },
        customers: { x: [x], tx: [tx[i]], T: [T[i]] },
        horizonMonths: months,
        annualDiscountRate: 0.1,
        unit: "weeks",
        expectedMargin: [margin[i]],
      })[0];
    });
    const predictions = predictCustomers(params, data, 24 * monthInUnits("weeks"));
    for (let i = 0; i < 2000; i++) {
      expect(grouped.det[i]).toBeCloseTo(clv[i], 9);
      expect(grouped.horizon[i]).toBeCloseTo(predictions.expectedPurchases[i], 9);
      expect(grouped.alive[i]).toBeCloseTo(predictions.probabilityAlive[i], 12);
    }
  });
});
