import { describe, expect, it } from "vitest";
import { MIN_PEERS_FOR_QUARTILE, quartileOf } from "@/lib/portal/quartile";

describe("quartileOf", () => {
  it("puts a rank in the quartile of the share of peers that scored better", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((rank) => quartileOf(rank, 8))).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
    expect([1, 2, 3, 4].map((rank) => quartileOf(rank, 4))).toEqual([1, 2, 3, 4]);
    expect(quartileOf(1, 1000)).toBe(1);
    expect(quartileOf(1000, 1000)).toBe(4);
    expect(quartileOf(251, 1000)).toBe(2);
  });

  it("shows none with too few peers or no rank, and refuses a rank outside the peers", () => {
    expect(quartileOf(1, MIN_PEERS_FOR_QUARTILE - 1)).toBeNull();
    expect(quartileOf(null, 10)).toBeNull();
    expect(quartileOf(3, null)).toBeNull();
    expect(() => quartileOf(11, 10)).toThrow(RangeError);
    expect(() => quartileOf(0, 10)).toThrow(RangeError);
  });
});
