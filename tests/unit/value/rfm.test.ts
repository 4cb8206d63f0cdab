import { describe, expect, it } from "vitest";
import { summarizeTransactionColumns, summarizeTransactions, type Transaction } from "@/lib/value/models/rfm";

const day = (n: number, hour = 12) => new Date(Date.UTC(2024, 0, 1 + n, hour));

describe("summarizeTransactions", () => {
  const transactions: Transaction[] = [
    // Customer A: two orders on the first day, two on day 3, one on day 10, one in holdout.
    { customerId: "A", at: day(0, 9), margin: 10 },
    { customerId: "A", at: day(0, 17), margin: 5 },
    { customerId: "A", at: day(3), margin: 20 },
    { customerId: "A", at: day(3, 20), margin: 7 },
    { customerId: "A", at: day(10), margin: 30 },
    { customerId: "A", at: day(20), margin: 99 },
    // Customer B: one purchase on the last calibration day.
    { customerId: "B", at: day(14), margin: 8 },
    // Customer C: born after calibration, not in the cohort.
    { customerId: "C", at: day(15), margin: 50 },
    // Customer D: repeat purchase on the last calibration day (t_x = T), listed out of order.
    { customerId: "D", at: day(14, 23), margin: 4 },
    { customerId: "D", at: day(7), margin: 6 },
  ];
  const calibrationEnd = day(14, 0);

  it("counts repeat purchase days and measures t_x and T from the first purchase day", () => {
    const s = summarizeTransactions(transactions, { calibrationEnd, holdoutEnd: day(28), unit: "days" });
    expect(s.customerIds).toEqual(["A", "B", "D"]);
    expect(Array.from(s.x)).toEqual([2, 0, 1]);
    expect(Array.from(s.tx)).toEqual([10, 0, 7]);
    expect(Array.from(s.T)).toEqual([14, 0, 7]);
    // A's repeat days are worth 27 (20 + 7 on day 3) and 30; the first day (15) is excluded.
    expect(s.meanRepeatMargin[0]).toBe(28.5);
    expect(s.meanRepeatMargin[1]).toBeNaN();
    expect(s.meanRepeatMargin[2]).toBe(4);
    expect(Array.from(s.firstPurchaseMargin)).toEqual([15, 8, 6]);
    expect(Array.from(s.holdoutPurchases)).toEqual([1, 0, 0]);
    expect(s.holdoutLength).toBe(14);
  });

  it("expresses the same summary in weeks", () => {
    const s = summarizeTransactions(transactions, { calibrationEnd, unit: "weeks" });
    expect(s.unit).toBe("weeks");
    expect(s.tx[0]).toBeCloseTo(10 / 7, 14);
    expect(s.T[0]).toBe(2);
    expect(s.holdoutLength).toBe(0);
  });

  it("buckets days in the business's time zone", () => {
    const late = [
      { customerId: "E", at: new Date(Date.UTC(2024, 0, 1, 12)), margin: 1 },
      { customerId: "E", at: new Date(Date.UTC(2024, 0, 1, 23, 30)), margin: 2 },
    ];
    const utc = summarizeTransactions(late, { calibrationEnd: day(5), unit: "days" });
    const plusOne = summarizeTransactions(late, { calibrationEnd: day(5), unit: "days", utcOffsetMinutes: 60 });
    expect(utc.x[0]).toBe(0); // same UTC day
    expect(plusOne.x[0]).toBe(1); // 00:30 next day at UTC+1
  });

  it("accepts columnar input and rejects bad rows", () => {
    const s = summarizeTransactionColumns(
      { customerId: ["A", "A"], atMs: [day(0).getTime(), day(2).getTime()], margin: [1, 2] },
      { calibrationEnd: day(2), unit: "days" },
    );
    expect(Array.from(s.x)).toEqual([1]);
    expect(() =>
      summarizeTransactions([{ customerId: "A", at: new Date(NaN), margin: 1 }], { calibrationEnd, unit: "days" }),
    ).toThrow(/invalid date/);
    expect(() =>
      summarizeTransactions([{ customerId: "A", at: day(0), margin: NaN }], { calibrationEnd, unit: "days" }),
    ).toThrow(/margin/);
  });
});
