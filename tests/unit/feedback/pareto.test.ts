import { describe, expect, it } from "vitest";
import { pareto } from "@/lib/costs/pareto";

describe("pareto (causes by equity at risk, with cumulative shares)", () => {
  it("sorts largest first and accumulates shares to exactly 100%", () => {
    const rows = pareto([
      { key: "b", label: "Staff shortage", value: 200 },
      { key: "a", label: "Route overbooked", value: 600 },
      { key: "c", label: "Data error", value: 100 },
      { key: "d", label: "Weather", value: 100 },
    ]);
    expect(rows.map((r) => r.key)).toEqual(["a", "b", "c", "d"]);
    expect(rows.map((r) => r.share)).toEqual([0.6, 0.2, 0.1, 0.1]);
    expect(rows.map((r) => r.cumulativeShare)).toEqual([0.6, 0.8, 0.9, 1]);
  });

  it("leaves out causes with nothing at risk and returns nothing for no data", () => {
    expect(pareto([{ key: "x", label: "None", value: 0 }])).toEqual([]);
    expect(pareto([])).toEqual([]);
  });

  it("ends at exactly 1 even when floating-point sums do not", () => {
    const rows = pareto(Array.from({ length: 10 }, (_, i) => ({ key: String(i), label: `C${i}`, value: 0.1 })));
    expect(rows.at(-1)?.cumulativeShare).toBe(1);
    for (let i = 1; i < rows.length; i++)
      expect(rows[i].cumulativeShare).toBeGreaterThanOrEqual(rows[i - 1].cumulativeShare);
  });
});
