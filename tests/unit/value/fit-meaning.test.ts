import { describe, expect, it } from "vitest";
import { fitMeaning } from "@/lib/value/fit-meaning";

describe("what a fit says about an average customer", () => {
  it("reads the CDNOW parameters of Fader, Hardie & Lee (2005) as a yearly rate, a drop-out chance and a mean margin", () => {
    // BG/NBD on CDNOW in weeks: r 0.243, α 4.414, a 0.793, b 2.426; Gamma-Gamma (2013 note): p 6.25, q 3.74, γ 15.44.
    const meaning = fitMeaning(
      "weeks",
      { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
      { p: 6.25, q: 3.74, gamma: 15.44 },
    );
    expect(meaning.purchasesPerYear).toBeCloseTo((0.243 / 4.414) * (365.25 / 7), 10);
    expect(meaning.purchasesPerYear).toBeCloseTo(2.873, 3);
    expect(meaning.dropoutAfterPurchase).toBeCloseTo(0.2463, 4);
    expect(meaning.marginPerPurchase).toBeCloseTo(35.22, 2);
  });

  it("scales a daily rate by the days of a year", () => {
    expect(fitMeaning("days", { r: 1, alpha: 365.25, a: 1, b: 1 }, null).purchasesPerYear).toBeCloseTo(1, 12);
  });

  it("has no mean margin without a spend fit or when q ≤ 1 (the mean is infinite)", () => {
    const bgnbd = { r: 1, alpha: 10, a: 1, b: 3 };
    expect(fitMeaning("weeks", bgnbd, null).marginPerPurchase).toBeNull();
    expect(fitMeaning("weeks", bgnbd, { p: 2, q: 1, gamma: 5 }).marginPerPurchase).toBeNull();
    expect(fitMeaning("weeks", bgnbd, { p: 2, q: 0.5, gamma: 5 }).marginPerPurchase).toBeNull();
  });
});
