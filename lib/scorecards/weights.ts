/**
 * Tenant-set scorecard configuration: the weight of each sub-score and the recommendation thresholds.
 *
 * Weights: five whole numbers 0–100 that add up to exactly 100 (a weight of 0 switches an area off).
 * Thresholds: the minimum overall score (0–100) for reward, maintain, develop and probation, strictly
 * descending; a score below the probation threshold means exit. A score equal to a threshold reaches it
 * (score ≥ reward → reward). See recommend() in lib/scorecards/combine.ts.
 *
 * Both live in Tenant.settings (JSON) — readScorecardWeights / readRecommendationThresholds fall back to
 * the defaults when the stored value is missing or invalid, so a bad settings blob never breaks scoring.
 */

import { z } from "zod";

export const SCORECARD_AREAS = ["compliance", "experience", "incidents", "value", "engagement"] as const;
export type ScorecardArea = (typeof SCORECARD_AREAS)[number];

export const SCORECARD_AREA_LABELS: Record<ScorecardArea, string> = {
  compliance: "Standards compliance",
  experience: "Customer experience",
  incidents: "Incident performance",
  value: "Customer value",
  engagement: "Partner engagement",
};

/** Column headings. */
export const SCORECARD_AREA_SHORT_LABELS: Record<ScorecardArea, string> = {
  compliance: "Compliance",
  experience: "Experience",
  incidents: "Incidents",
  value: "Value",
  engagement: "Engagement",
};

function weightField(area: ScorecardArea) {
  const label = SCORECARD_AREA_LABELS[area];
  return z
    .number({ error: `${label} weight must be a number` })
    .int({ error: `${label} weight must be a whole number` })
    .min(0, { error: `${label} weight must be between 0 and 100` })
    .max(100, { error: `${label} weight must be between 0 and 100` });
}

export const scorecardWeightsSchema = z
  .object({
    compliance: weightField("compliance"),
    experience: weightField("experience"),
    incidents: weightField("incidents"),
    value: weightField("value"),
    engagement: weightField("engagement"),
  })
  .superRefine((weights, ctx) => {
    const sum = sumWeights(weights);
    if (sum !== 100) ctx.addIssue({ code: "custom", message: `Weights must add up to 100; they add up to ${sum}` });
  });

export type ScorecardWeights = z.infer<typeof scorecardWeightsSchema>;

export const DEFAULT_SCORECARD_WEIGHTS: Readonly<ScorecardWeights> = Object.freeze({
  compliance: 25,
  experience: 25,
  incidents: 20,
  value: 20,
  engagement: 10,
});

export function sumWeights(weights: Readonly<Record<ScorecardArea, number>>): number {
  return SCORECARD_AREAS.reduce((sum, area) => sum + weights[area], 0);
}

// ---------------------------------------------------------------- recommendation thresholds

export const THRESHOLD_LEVELS = ["reward", "maintain", "develop", "probation"] as const;
export type ThresholdLevel = (typeof THRESHOLD_LEVELS)[number];

export const THRESHOLD_LABELS: Record<ThresholdLevel, string> = {
  reward: "Reward",
  maintain: "Maintain",
  develop: "Develop",
  probation: "Probation",
};

function thresholdField(level: ThresholdLevel) {
  const label = THRESHOLD_LABELS[level];
  return z
    .number({ error: `${label} threshold must be a number` })
    .min(0, { error: `${label} threshold must be between 0 and 100` })
    .max(100, { error: `${label} threshold must be between 0 and 100` });
}

export const recommendationThresholdsSchema = z
  .object({
    reward: thresholdField("reward"),
    maintain: thresholdField("maintain"),
    develop: thresholdField("develop"),
    probation: thresholdField("probation"),
  })
  .superRefine((t, ctx) => {
    // Each threshold must be strictly below the one above it; the issue is reported on the lower field.
    for (let i = 1; i < THRESHOLD_LEVELS.length; i++) {
      const upper = THRESHOLD_LEVELS[i - 1];
      const lower = THRESHOLD_LEVELS[i];
      if (!(t[lower] < t[upper])) {
        ctx.addIssue({
          code: "custom",
          path: [lower],
          message: `${THRESHOLD_LABELS[lower]} threshold (${t[lower]}) must be lower than the ${THRESHOLD_LABELS[upper].toLowerCase()} threshold (${t[upper]})`,
        });
      }
    }
  });

export type RecommendationThresholds = z.infer<typeof recommendationThresholdsSchema>;

export const DEFAULT_RECOMMENDATION_THRESHOLDS: Readonly<RecommendationThresholds> = Object.freeze({
  reward: 85,
  maintain: 70,
  develop: 55,
  probation: 40,
});

// ---------------------------------------------------------------- reading stored settings

/** Weights from stored settings (e.g. Tenant.settings.scorecardWeights); the defaults when missing or invalid. */
export function readScorecardWeights(stored: unknown): ScorecardWeights {
  const parsed = scorecardWeightsSchema.safeParse(stored);
  return parsed.success ? parsed.data : { ...DEFAULT_SCORECARD_WEIGHTS };
}

/** Thresholds from stored settings (e.g. Tenant.settings.recommendationThresholds); the defaults when missing or invalid. */
export function readRecommendationThresholds(stored: unknown): RecommendationThresholds {
  const parsed = recommendationThresholdsSchema.safeParse(stored);
  return parsed.success ? parsed.data : { ...DEFAULT_RECOMMENDATION_THRESHOLDS };
}
