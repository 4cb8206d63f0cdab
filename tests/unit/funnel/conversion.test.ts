import { describe, expect, it } from "vitest";
import { conversionOf, nextStage, type FunnelEvent } from "@/lib/funnel/funnel";

const d = (s: string) => new Date(`${s}T12:00:00Z`);
const month = { from: d("2026-10-01"), to: new Date("2026-11-01T00:00:00Z") };

// The fixture of tests/integration/funnel/funnel.test.ts, computed by hand there and here.
const events: FunnelEvent[] = [
  { customerId: "c1", stage: "attract", at: d("2026-10-02") },
  { customerId: "c1", stage: "attract", at: d("2026-10-05") },
  { customerId: "c1", stage: "connect", at: d("2026-10-20") },
  { customerId: "c1", stage: "engage", at: d("2026-11-10") },
  { customerId: "c2", stage: "attract", at: d("2026-10-03") },
  { customerId: "c2", stage: "connect", at: d("2026-11-05") },
  { customerId: "c3", stage: "connect", at: d("2026-10-08") },
  { customerId: "c3", stage: "attract", at: d("2026-10-10") },
  { customerId: "c3", stage: "engage", at: d("2026-10-15") },
  { customerId: "c3", stage: "convert", at: d("2026-10-30") },
  { customerId: "c4", stage: "attract", at: d("2026-09-30") },
  { customerId: "c4", stage: "convert", at: d("2026-10-25") },
];
const purchases = [{ customerId: "c3", at: d("2026-11-02") }];

describe("conversion to the next stage", () => {
  it("counts a customer who reaches the next stage within 30 days of the first interaction at this stage in the month", () => {
    expect(conversionOf(events, purchases, month)).toEqual({
      // c1 → connect after 18 days; c2 after 33 days (too late); c3 reached connect before attract (does not count)
      attract: { reached: 3, converted: 1, rate: 1 / 3 },
      // c1 → engage on 11-10 (21 days, in the next month: still counts); c3 → engage after 7 days
      connect: { reached: 2, converted: 2, rate: 1 },
      engage: { reached: 1, converted: 1, rate: 1 },
      // c3 bought 3 days after converting; c4 never bought
      convert: { reached: 2, converted: 1, rate: 0.5 },
    });
  });

  it("has no rate when nobody was reached, and convert leads to a purchase", () => {
    expect(conversionOf([], [], month).engage).toEqual({ reached: 0, converted: 0, rate: null });
    expect(nextStage("attract")).toBe("connect");
    expect(nextStage("convert")).toBe("purchase");
  });
});
