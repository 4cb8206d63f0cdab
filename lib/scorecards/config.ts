/**
 * The tenant's scorecard configuration, stored in Tenant.settings.scorecards = { weights, thresholds }.
 * Reading is lenient (a missing or invalid value falls back to the defaults, see weights.ts).
 */
import type { Db } from "@/lib/db/scope";
import {
  readRecommendationThresholds,
  readScorecardWeights,
  type RecommendationThresholds,
  type ScorecardWeights,
} from "./weights";

export type ScorecardConfig = { weights: ScorecardWeights; thresholds: RecommendationThresholds };

/** The scorecards section of Tenant.settings ({} when absent or malformed). */
export function scorecardSettingsSection(settings: unknown): Record<string, unknown> {
  const s =
    settings && typeof settings === "object" && !Array.isArray(settings)
      ? (settings as Record<string, unknown>).scorecards
      : undefined;
  return s && typeof s === "object" && !Array.isArray(s) ? (s as Record<string, unknown>) : {};
}

export async function readScorecardConfig(db: Db, tenantId: string): Promise<ScorecardConfig> {
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { settings: true } });
  const s = scorecardSettingsSection(tenant?.settings);
  return { weights: readScorecardWeights(s.weights), thresholds: readRecommendationThresholds(s.thresholds) };
}

/** Saves validated weights and thresholds, keeping every other settings section as stored. */
export async function saveScorecardConfig(db: Db, tenantId: string, config: ScorecardConfig): Promise<void> {
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { settings: true } });
  const stored =
    tenant?.settings && typeof tenant.settings === "object" && !Array.isArray(tenant.settings)
      ? (tenant.settings as Record<string, unknown>)
      : {};
  await db.tenant.update({ where: { id: tenantId }, data: { settings: { ...stored, scorecards: config } as object } });
}
