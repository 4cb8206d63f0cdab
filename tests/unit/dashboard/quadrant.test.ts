import { describe, expect, it } from "vitest";
import { median, quadrantOf } from "@/lib/dashboard/overview";

describe("quadrantOf", () => {
  it("labels score vs equity served: reward, develop, watch, exit", () => {
    expect(quadrantOf(80, 1000, 70, 500)).toBe("reward");
    expect(quadrantOf(60, 1000, 70, 500)).toBe("develop");
    expect(quadrantOf(80, 100, 70, 500)).toBe("watch");
    expect(quadrantOf(60, 100, 70, 500)).toBe("exit");
  });
  it("puts a partner exactly on a line on the high side", () => {
    expect(quadrantOf(70, 500, 70, 500)).toBe("reward");
  });
});

describe("median", () => {
  it("is the middle value, or the mean of the two middle ones", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBe(0);
  });
});
