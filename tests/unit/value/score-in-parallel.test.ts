import { describe, expect, it } from "vitest";
import { LIFETIME_VALUE_SHARE } from "@/lib/value/models/clv";
import { pairTerms, scoreBgnbd, scoreBgnbdInParallel, type BgnbdModelResult } from "@/lib/value/tenant-models";
import type { CustomerHistory } from "@/lib/value/tenant-data";

const model: BgnbdModelResult = {
  params: {
    unit: "weeks",
    bgnbd: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
    gammaGamma: { p: 6.25, q: 3.74, gamma: 15.44 },
    horizonMonths: 36,
    annualDiscountRate: 0.1,
    clvBasis: { kind: "LIFETIME", share: LIFETIME_VALUE_SHARE },
  },
  bgnbdFit: {} as BgnbdModelResult["bgnbdFit"],
  spendFit: null,
  fallbackMargin: null,
};

/** 301 customers over 61 distinct (x, T) pairs, an odd number, some shared by several customers. */
function history(): CustomerHistory {
  const n = 301;
  const column = (f: (i: number) => number) => Int32Array.from({ length: n }, (_, i) => f(i));
  const firstDay = column((i) => (i % 61) * 5);
  const purchaseDays = column((i) => 1 + (((i * 7) % 61) % 9));
  const lastDay = column((i) => firstDay[i] + (purchaseDays[i] > 1 ? 100 + (i % 13) : 0));
  return {
    customerIds: Array.from({ length: n }, (_, i) => `c${i}`),
    segments: Array.from({ length: n }, (_, i) => (i % 3 === 0 ? "B2B" : "B2C")),
    firstDay,
    lastDay,
    purchaseDays,
    totalMargin: Float64Array.from({ length: n }, (_, i) => 20 + (i % 17) * 3.5),
    firstDayMargin: Float64Array.from({ length: n }, () => 10),
    calPurchaseDays: purchaseDays,
    calLastDay: lastDay,
    calMargin: Float64Array.from({ length: n }, (_, i) => 20 + (i % 17) * 3.5),
  };
}

describe("scoring with half of the pair terms in another thread", () => {
  it("gives exactly the one-thread scores, the other thread's terms put back in their pairs' places", async () => {
    const h = history();
    const alone = scoreBgnbd(model, h, 500);
    const sent: number[] = [];
    const parallel = await scoreBgnbdInParallel(model, h, 500, async (pairs, settings) => {
      sent.push(pairs.x.length);
      return pairTerms(model.params.bgnbd, pairs, ...settings);
    });
    // An odd number of pairs: the other thread gets the smaller half.
    expect(sent).toHaveLength(1);
    expect(sent[0]).toBeGreaterThan(10);
    for (const key of ["clv", "probabilityAlive", "expectedPurchases", "expectedMargin"] as const) {
      expect(parallel[key]).toHaveLength(h.customerIds.length);
      parallel[key].forEach((value, i) => {
        expect(Object.is(value, alone[key][i]), `${key}[${i}]`).toBe(true);
      });
    }
  });
});
