import { describe, expect, it } from "vitest";
import { METRIC_HELP } from "@/lib/help/metrics";
import { SCORECARD_AREAS } from "@/lib/scorecards/weights";
import {
  distributionSummary,
  equityTrendSummary,
  holdoutSummary,
  incidentsByTouchpointSummary,
  quadrantSummary,
  rollupSummary,
  scoreTrendSummary,
} from "@/lib/help/chart-summaries";

describe("help texts", () => {
  it("cover CLV, P(alive), customer equity, equity at risk, the overall score and every sub-score, each with a setting", () => {
    for (const key of ["clv", "pAlive", "customerEquity", "equityAtRisk", "score", ...SCORECARD_AREAS] as const) {
      const help = METRIC_HELP[key];
      expect(help.means.length, key).toBeGreaterThan(40);
      expect(help.computed.length, key).toBeGreaterThan(40);
      expect(help.settings.length, key).toBeGreaterThan(0);
      for (const s of help.settings) expect(s.path, key).toMatch(/^[a-z][a-z/-]*$/);
    }
  });
});

describe("chart text alternatives", () => {
  it("say what each chart shows from its data", () => {
    expect(
      equityTrendSummary([
        { month: "2026-01", equity: 1_000_000 },
        { month: "2026-06", equity: 1_250_000 },
      ]),
    ).toBe("Customer equity went from 1M in 2026-01 to 1.3M in 2026-06 (+25.0 %).");
    expect(equityTrendSummary([])).toBe("No customer equity computed yet.");
    expect(
      rollupSummary("Equity by segment", [
        { label: "B2C", equity: 300 },
        { label: "B2B", equity: 700 },
      ]),
    ).toBe("Equity by segment: largest B2B (700, 70 % of the total), then B2C (300).");
    expect(
      holdoutSummary([
        { observed: 100, expected: 90 },
        { observed: 100, expected: 100 },
      ]),
    ).toBe("Over 2 holdout periods: 200 repeat purchases observed, 190 expected by the model (-5.0 % vs observed).");
    expect(
      distributionSummary([
        { bucket: "60–70", partners: 3 },
        { bucket: "70–80", partners: 5 },
      ]),
    ).toBe("8 partners scored; the most (5) in the 70–80 band.");
    expect(quadrantSummary([{ quadrant: "reward" }, { quadrant: "exit" }, { quadrant: "reward" }])).toBe(
      "3 partners by score and equity served: 2 reward, 0 develop, 0 watch, 1 exit.",
    );
    expect(
      incidentsByTouchpointSummary([
        { name: "Door", incidents: 4, open: 1 },
        { name: "Call", incidents: 9, open: 2 },
      ]),
    ).toBe("13 incidents at 2 touchpoints; most at Call 9 (2 open), Door 4 (1 open).");
    expect(
      scoreTrendSummary([
        { month: "2026-01", score: 70 },
        { month: "2026-02", score: null },
        { month: "2026-03", score: 82.5 },
        { month: "2026-04", score: 76.5 },
      ]),
    ).toBe("Overall score from 70.0 in 2026-01 to 76.5 in 2026-04; highest 82.5 (2026-03), lowest 70.0 (2026-01).");
  });
});
