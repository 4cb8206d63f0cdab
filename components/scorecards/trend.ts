import type { ScorecardRow } from "@/lib/scorecards/types";
import { formatMonth } from "@/lib/months";
import type { TrendPoint } from "./trend-chart";

export function trendPoints(rows: ScorecardRow[]): TrendPoint[] {
  return rows.map((r) => ({
    month: formatMonth(r.month),
    score: r.score,
    compliance: r.complianceScore,
    experience: r.experienceScore,
    incidents: r.incidentScore,
    value: r.valueScore,
    engagement: r.engagementScore,
  }));
}
