/**
 * Performance smoke test: prints how long the BG/NBD fit of 200,000 synthetic customers
 * takes. Deliberately no time assertion — machines vary; benchmark scripts own the budget.
 */
import { describe, expect, it } from "vitest";
import { benchmarkFit } from "@/lib/value/models/bench";

describe("benchmarkFit", () => {
  it("fits 200,000 synthetic customers", () => {
    const seconds = benchmarkFit(200_000);
    console.log(`BG/NBD fit of 200,000 customers: ${seconds.toFixed(2)} s`);
    expect(seconds).toBeGreaterThan(0);
  });
});
