/**
 * The shapes a scorecard takes when it is read, exported and rendered. They live apart from the code that
 * computes, queries and renders cards so that each of those can name them without importing the others.
 */
import type { RecommendationThresholds, ScorecardWeights } from "./weights";

/** What a card records about how its score was reached: the weights in force and each sub-score's inputs and parts. */
export type ScorecardDetails = {
  weights: ScorecardWeights;
  thresholds: RecommendationThresholds;
  effectiveWeights: Record<string, number | null>;
  missing: string[];
  subScores: Record<
    string,
    { score: number | null; inputs: unknown; parts: { key: string; label: string; score: number | null }[] }
  >;
};

/** One partner's card of one month, with the partner's name and type. */
export type ScorecardRow = {
  id: string;
  partnerId: string;
  partnerName: string;
  partnerType: string;
  month: Date;
  version: number;
  status: "DRAFT" | "PUBLISHED" | "SUPERSEDED";
  complianceScore: number | null;
  experienceScore: number | null;
  incidentScore: number | null;
  valueScore: number | null;
  engagementScore: number | null;
  score: number | null;
  rank: number | null;
  peerCount: number | null;
  change: number | null;
  recommendation: "REWARD" | "MAINTAIN" | "DEVELOP" | "PROBATION" | "EXIT" | null;
  computedAt: Date;
  publishedAt: Date | null;
  equityServed: number | null;
};

/** A month's cards as exported (CSV and PDF). */
export type ScorecardExport = {
  month: Date;
  rows: ScorecardRow[];
  /** Per partner, its scores of the last 12 months up to the exported one (oldest first). */
  trends: Map<string, { month: Date; score: number | null }[]>;
};
