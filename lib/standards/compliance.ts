/**
 * Standards compliance of one partner for one period (a month).
 *
 * Applicable standards = the current versions whose touchpoint the partner handles.
 * For each, the latest *counted* assessment of the period decides met / not met
 * (counted = verification VERIFIED; PENDING and REJECTED self-reports do not count).
 * Assessments recorded against an older version of the same lineage still count
 * (their `met` was computed against the version they measured).
 * Standards with no counted assessment are "not assessed" and left out of the score:
 *   score    = metWeight / assessedWeight · 100   (null when nothing is assessed)
 *   coverage = assessedWeight / totalWeight · 100 (null when no standard applies)
 */

import { roundTo1 } from "@/lib/partners/alignment";

const VERIFICATIONS = ["PENDING", "VERIFIED", "REJECTED"] as const;
type Verification = (typeof VERIFICATIONS)[number];

export interface ComplianceStandard {
  id: string;
  /** Defaults to `id` (a standard that has never been versioned). */
  lineageId?: string;
  /** Defaults to true. Pass old versions too, so assessments made against them can be matched by lineage. */
  isCurrent?: boolean;
  touchpointId: string;
  weight: number;
  name?: string;
}

export interface ComplianceAssessment {
  id: string;
  standardId: string;
  /** Any instant in the month it covers (the DB stores the first day of the month). */
  period: Date;
  met: boolean;
  value?: number;
  verification: Verification;
  /** Orders assessments of the same period: the latest one counts. */
  createdAt: Date;
}

type StandardComplianceStatus = "MET" | "NOT_MET" | "NOT_ASSESSED";

interface StandardCompliance {
  standardId: string;
  lineageId: string;
  name?: string;
  weight: number;
  status: StandardComplianceStatus;
  /** The counted assessment that decided the status (null when not assessed). */
  assessmentId: string | null;
  value: number | null;
  /** A self-report for this standard in the period is still waiting for verification. */
  pendingVerification: boolean;
}

export interface ComplianceResult {
  /** 0–100, 1 decimal; null when no applicable standard has a counted assessment. */
  score: number | null;
  /** Assessed weight as a share of the applicable weight, 0–100, 1 decimal; null when nothing applies. */
  coverage: number | null;
  metWeight: number;
  assessedWeight: number;
  totalWeight: number;
  perStandard: StandardCompliance[];
}

export interface ComplianceInput {
  /** Standards of the tenant (or just the relevant ones); non-current versions are used only for lineage matching. */
  standards: readonly ComplianceStandard[];
  /** Touchpoints the partner handles. */
  partnerTouchpointIds: readonly string[];
  /** This partner's assessments (other periods are ignored). */
  assessments: readonly ComplianceAssessment[];
  /** Any instant in the month to score (compared by UTC year and month). */
  period: Date;
}

function isCountedAssessment(a: Pick<ComplianceAssessment, "verification">): boolean {
  return a.verification === "VERIFIED";
}

function samePeriod(a: Date, b: Date): boolean {
  return a.getUTCFullYear() === b.getUTCFullYear() && a.getUTCMonth() === b.getUTCMonth();
}

/** Current standards that apply to a partner through its touchpoints. */
export function applicableStandards<T extends ComplianceStandard>(
  standards: readonly T[],
  partnerTouchpointIds: readonly string[],
): T[] {
  const touchpoints = new Set(partnerTouchpointIds);
  return standards.filter((s) => s.isCurrent !== false && touchpoints.has(s.touchpointId));
}

export function computeCompliance(input: ComplianceInput): ComplianceResult {
  const lineageOf = new Map<string, string>();
  for (const s of input.standards) lineageOf.set(s.id, s.lineageId ?? s.id);

  // Latest counted assessment and pending flag per lineage, for the period.
  const latestByLineage = new Map<string, { a: ComplianceAssessment; index: number }>();
  const pendingLineages = new Set<string>();
  input.assessments.forEach((a, index) => {
    if (!samePeriod(a.period, input.period)) return;
    const lineage = lineageOf.get(a.standardId);
    if (lineage === undefined) return;
    if (a.verification === "PENDING") pendingLineages.add(lineage);
    if (!isCountedAssessment(a)) return;
    const prev = latestByLineage.get(lineage);
    // Later createdAt wins; on a tie the one later in the input wins.
    if (!prev || a.createdAt.getTime() >= prev.a.createdAt.getTime()) latestByLineage.set(lineage, { a, index });
  });

  let metWeight = 0;
  let assessedWeight = 0;
  let totalWeight = 0;
  const perStandard: StandardCompliance[] = [];
  for (const s of applicableStandards(input.standards, input.partnerTouchpointIds)) {
    const lineageId = s.lineageId ?? s.id;
    const latest = latestByLineage.get(lineageId)?.a;
    totalWeight += s.weight;
    let status: StandardComplianceStatus = "NOT_ASSESSED";
    if (latest) {
      assessedWeight += s.weight;
      if (latest.met) {
        metWeight += s.weight;
        status = "MET";
      } else {
        status = "NOT_MET";
      }
    }
    perStandard.push({
      standardId: s.id,
      lineageId,
      ...(s.name !== undefined ? { name: s.name } : {}),
      weight: s.weight,
      status,
      assessmentId: latest?.id ?? null,
      value: latest?.value ?? null,
      pendingVerification: pendingLineages.has(lineageId),
    });
  }

  return {
    score: assessedWeight > 0 ? roundTo1((metWeight / assessedWeight) * 100) : null,
    coverage: totalWeight > 0 ? roundTo1((assessedWeight / totalWeight) * 100) : null,
    metWeight,
    assessedWeight,
    totalWeight,
    perStandard,
  };
}

/**
 * The standard versions in force at `at` (a month's end): per lineage, the latest version created before `at`,
 * or its first version when the whole lineage is younger (it can then count only through assessments recorded
 * for that month). The returned versions carry `isCurrent` for that time instead of today's.
 */
export function versionsInForce<T extends ComplianceStandard & { version: number; createdAt: Date }>(
  versions: readonly T[],
  at: Date,
): T[] {
  const chosen = new Map<string, T>();
  for (const v of [...versions].sort((a, b) => a.version - b.version)) {
    const lineage = v.lineageId ?? v.id;
    if (!chosen.has(lineage) || v.createdAt.getTime() < at.getTime()) chosen.set(lineage, v);
  }
  const inForce = new Set([...chosen.values()].map((v) => v.id));
  return versions.map((v) => ({ ...v, isCurrent: inForce.has(v.id) }));
}
