/**
 * Combining sub-scores into a scorecard: overall score, recommendation, rank among peers, change vs last month.
 *
 *   overall = Σ (weightᵢ · subScoreᵢ) / Σ weightᵢ over the AVAILABLE sub-scores (non-null), rounded to 1 decimal.
 *   The sub-scores passed in are unrounded (SubScore.exactScore): rounding them first would let the shown
 *   score differ by 0.1 from the weighted average, and flip a recommendation at a threshold.
 *   A missing sub-score is left out and the others are re-weighted (weights 25/25/20/20/10 with value and
 *   engagement missing → 25/70, 25/70, 20/70). All missing (or all available ones weighted 0) → null.
 *
 *   recommendation: score ≥ reward → REWARD, ≥ maintain → MAINTAIN, ≥ develop → DEVELOP, ≥ probation → PROBATION,
 *   otherwise EXIT; null score → null.
 *
 *   rank: among partners of the same type, 1 = best, competition ranking (scores 90, 80, 80, 70 → 1, 2, 2, 4);
 *   partners without a score are unranked (rank null) and not counted in peerCount.
 *
 *   change = this month's score − last month's, 1 decimal; null when either is null.
 */

import { roundTo1 } from "@/lib/partners/alignment";
import {
  SCORECARD_AREAS,
  type RecommendationThresholds,
  type ScorecardArea,
  type ScorecardWeights,
} from "@/lib/scorecards/weights";

export const RECOMMENDATIONS = ["REWARD", "MAINTAIN", "DEVELOP", "PROBATION", "EXIT"] as const;
/** Same values as the Prisma enum Recommendation. */
export type Recommendation = (typeof RECOMMENDATIONS)[number];

export const RECOMMENDATION_LABELS: Record<Recommendation, string> = {
  REWARD: "Reward",
  MAINTAIN: "Maintain",
  DEVELOP: "Develop",
  PROBATION: "Probation",
  EXIT: "Exit",
};

export type SubScoreValues = Record<ScorecardArea, number | null>;

export interface OverallScore {
  /** 0–100, 1 decimal; null when no weighted sub-score is available. */
  score: number | null;
  /** Sum of the weights of the available sub-scores (the re-normalisation base), 0–100. */
  usedWeight: number;
  /** Each area's share of the overall score in % after re-normalisation (unrounded); null for a missing area. */
  effectiveWeights: Record<ScorecardArea, number | null>;
  /** Areas left out for lack of data. */
  missing: ScorecardArea[];
}

export const OVERALL_FORMULA =
  "Overall score = weighted average of the available sub-scores with the tenant's weights; sub-scores with no data are left out and the weights of the others are scaled up to add up to 100. " +
  "It is computed from the unrounded sub-scores and rounded once, so it can differ by 0.1 from averaging the rounded ones shown.";

export function overallScore(subScores: SubScoreValues, weights: ScorecardWeights): OverallScore {
  let usedWeight = 0;
  let weighted = 0;
  const missing: ScorecardArea[] = [];
  for (const area of SCORECARD_AREAS) {
    const s = subScores[area];
    if (s === null || s === undefined) {
      missing.push(area);
      continue;
    }
    if (!Number.isFinite(s))
      throw new RangeError(`Sub-score ${area} must be a finite number or null (got ${String(s)})`);
    usedWeight += weights[area];
    weighted += weights[area] * s;
  }
  const effectiveWeights = {} as Record<ScorecardArea, number | null>;
  for (const area of SCORECARD_AREAS) {
    const s = subScores[area];
    effectiveWeights[area] =
      s === null || s === undefined || usedWeight === 0 ? null : (weights[area] / usedWeight) * 100;
  }
  return { score: usedWeight > 0 ? roundTo1(weighted / usedWeight) : null, usedWeight, effectiveWeights, missing };
}

export function recommend(score: number | null, thresholds: RecommendationThresholds): Recommendation | null {
  if (score === null) return null;
  if (score >= thresholds.reward) return "REWARD";
  if (score >= thresholds.maintain) return "MAINTAIN";
  if (score >= thresholds.develop) return "DEVELOP";
  if (score >= thresholds.probation) return "PROBATION";
  return "EXIT";
}

export interface PeerScore {
  partnerId: string;
  /** Partner type (delivery, installer, …): partners are ranked only against their own type. */
  type: string;
  score: number | null;
}

export interface PeerRank {
  partnerId: string;
  type: string;
  score: number | null;
  /** 1 = best; ties share a rank (1, 2, 2, 4); null when the partner has no score. */
  rank: number | null;
  /** Number of ranked partners of the same type (null when this partner is unranked). */
  peerCount: number | null;
}

/** Ranks every partner among the scored partners of its type. Output is in input order. */
export function rankAmongPeers(rows: readonly PeerScore[]): PeerRank[] {
  const scoresByType = new Map<string, number[]>();
  for (const r of rows) {
    if (r.score === null) continue;
    if (!Number.isFinite(r.score))
      throw new RangeError(`Score of partner ${r.partnerId} must be a finite number or null`);
    const list = scoresByType.get(r.type) ?? [];
    list.push(r.score);
    scoresByType.set(r.type, list);
  }
  // Competition rank of a score = 1 + number of strictly better peers = 1 + index of its first occurrence, sorted descending.
  const rankByType = new Map<string, { ranks: Map<number, number>; count: number }>();
  for (const [type, scores] of scoresByType) {
    const sorted = [...scores].sort((a, b) => b - a);
    const ranks = new Map<number, number>();
    sorted.forEach((s, i) => {
      if (!ranks.has(s)) ranks.set(s, i + 1);
    });
    rankByType.set(type, { ranks, count: sorted.length });
  }
  return rows.map((r) => {
    if (r.score === null) return { partnerId: r.partnerId, type: r.type, score: null, rank: null, peerCount: null };
    const peers = rankByType.get(r.type)!;
    return {
      partnerId: r.partnerId,
      type: r.type,
      score: r.score,
      rank: peers.ranks.get(r.score)!,
      peerCount: peers.count,
    };
  });
}

/** This month's score minus last month's, 1 decimal; null when either is missing. */
export function changeVsLastMonth(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null) return null;
  return roundTo1(current - previous);
}

export interface CombinedScorecard extends OverallScore {
  recommendation: Recommendation | null;
  change: number | null;
}

/** Overall score, recommendation and change for one partner (rank needs all peers: see rankAmongPeers). */
export function combineScorecard(
  subScores: SubScoreValues,
  weights: ScorecardWeights,
  thresholds: RecommendationThresholds,
  previousScore: number | null,
): CombinedScorecard {
  const overall = overallScore(subScores, weights);
  return {
    ...overall,
    recommendation: recommend(overall.score, thresholds),
    change: changeVsLastMonth(overall.score, previousScore),
  };
}
