import type { ScorecardRow } from "@/lib/scorecards/types";
import type { TrendPoint } from "./trend-chart";

export function trendPoints(rows: ScorecardRow[]): TrendPoint[] {
  return rows.map((r) => ({
    month: r.month.toISOString().slice(0, 7),
    score: r.score,
    compliance: r.complianceScore,
    experience: r.experienceScore,
    incidents: r.incidentScore,
    value: r.valueScore,
    engagement: r.engagementScore,
  }));
}
