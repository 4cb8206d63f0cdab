import { combineScorecard, type CombinedScorecard, type SubScoreValues } from "./combine";
import { computeSubScores, type ScorecardInputs, type SubScoreSet } from "./sub-scores";
import { SCORECARD_AREAS, type RecommendationThresholds, type ScorecardWeights } from "./weights";

/**
 * One partner's month, scored: the five sub-scores, then the overall score from the UNROUNDED sub-scores
 * (rounded once, at the end; docs/scorecards.md "Rounding"), the recommendation and the change.
 */
export function scorePartner(
  inputs: ScorecardInputs,
  weights: ScorecardWeights,
  thresholds: RecommendationThresholds,
  previousScore: number | null,
): { set: SubScoreSet; combined: CombinedScorecard } {
  const set = computeSubScores(inputs);
  const exact = Object.fromEntries(SCORECARD_AREAS.map((area) => [area, set[area].exactScore])) as SubScoreValues;
  return { set, combined: combineScorecard(exact, weights, thresholds, previousScore) };
}
