import { describe, expect, it } from "vitest";
import { formatMoney } from "@/lib/workspace/money";
import { rowsWithErrors } from "@/lib/import/error-rows";

describe("money in the workspace's currency", () => {
  it("shows the currency's symbol, whole amounts by default", () => {
    expect(formatMoney(1315419.4, "USD")).toBe("$1,315,419");
    expect(formatMoney(1315419.4, "EUR")).toBe("€1,315,419");
    expect(formatMoney(574.738, "GBP", { cents: true })).toBe("£574.74");
  });
  it("is compact on tiles and axes, and a dash when unknown", () => {
    expect(formatMoney(680_400, "USD", { compact: true })).toBe("$680.4K");
    expect(formatMoney(2_900_000, "EUR", { compact: true })).toBe("€2.9M");
    expect(formatMoney(null, "USD")).toBe("—");
    expect(formatMoney(Number.NaN, "USD")).toBe("—");
  });
});

describe("import summary", () => {
  it("counts rows with errors, not errors (one row with two bad fields is one row)", () => {
    expect(rowsWithErrors([{ row: 3 }, { row: 3 }])).toBe(1);
    expect(rowsWithErrors([{ row: 3 }, { row: 4 }, { row: 3 }])).toBe(2);
    expect(rowsWithErrors([])).toBe(0);
  });
});
