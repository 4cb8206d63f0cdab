import { describe, expect, it } from "vitest";
import { pickMonth, recentMonths } from "@/lib/scorecards/month-choice";
import { parseExportQuery } from "@/lib/scorecards/export-response";
import { quarterOf } from "@/lib/scorecards/feedback";
import { monthBounds } from "@/lib/scorecards/inputs";

const NOW = new Date(Date.UTC(2026, 10, 23, 12));

describe("month picking", () => {
  it("lists the last 12 months, newest first", () => {
    const m = recentMonths(NOW);
    expect(m).toHaveLength(12);
    expect(m[0]).toBe("2026-11");
    expect(m[11]).toBe("2025-12");
  });
  it("takes a valid requested month, else the newest scored month, else last month", () => {
    expect(pickMonth("2026-03", [], NOW)).toBe("2026-03");
    expect(pickMonth("2027-01", [], NOW)).toBe("2026-10");
    expect(pickMonth("nonsense", [new Date(Date.UTC(2026, 7, 1))], NOW)).toBe("2026-08");
    expect(pickMonth(undefined, [], NOW)).toBe("2026-10");
  });
});

describe("month bounds and quarters", () => {
  it("cuts the current month at now and names its quarter", () => {
    const b = monthBounds(new Date(Date.UTC(2026, 10, 1)), NOW);
    expect(b.from.toISOString()).toBe("2026-11-01T00:00:00.000Z");
    expect(b.to.toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(b.prev.toISOString()).toBe("2026-10-01T00:00:00.000Z");
    expect(b.cutoff).toBe(NOW);
    expect(b.quarter).toBe("2026-Q4");
    expect(monthBounds(new Date(Date.UTC(2026, 0, 1)), NOW).prev.toISOString()).toBe("2025-12-01T00:00:00.000Z");
    expect(quarterOf(new Date(Date.UTC(2026, 2, 31)))).toBe("2026-Q1");
  });
});

describe("export query", () => {
  it("accepts a month and csv or pdf only", () => {
    expect(parseExportQuery(new URL("http://x/e?month=2026-09&format=pdf"))).toEqual({
      month: new Date("2026-09-01T00:00:00Z"),
      format: "pdf",
    });
    expect(parseExportQuery(new URL("http://x/e?month=2026-09"))?.format).toBe("csv");
    expect(parseExportQuery(new URL("http://x/e?month=2026-13&format=csv"))).toBeNull();
    expect(parseExportQuery(new URL("http://x/e?month=2026-09&format=xlsx"))).toBeNull();
    expect(parseExportQuery(new URL("http://x/e?month=../../etc"))).toBeNull();
  });
});
