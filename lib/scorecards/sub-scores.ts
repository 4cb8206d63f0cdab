/**
 * Scorecard sub-scores: one partner's monthly inputs (plain numbers) → five 0–100 scores.
 *
 * Missing data is explicit: an input is `null` when there is no data, and a sub-score is `null` ("no data",
 * never 0) when none of its parts can be computed. combine.ts then leaves it out and re-weights the others.
 *
 * Each sub-score is made of parts; a part is null when its inputs are missing, and the sub-score is the
 * EQUAL-weight mean of the parts that are available. Every part score is clamped to 0–100. Formulas:
 *
 *   compliance   = compliance % as computed by lib/standards/compliance.ts (weight of met / weight of assessed
 *                  standards, verified assessments only)                     — null when nothing is assessed
 *   experience   (null when the partner had no interactions in the month)
 *     CSAT       = (average CSAT − 1) / 4 · 100                 (1 → 0, 3 → 50, 5 → 100)
 *     NPS        = (NPS + 100) / 2                              (−100 → 0, 0 → 50, +100 → 100)
 *     outcomes   = (successes + 0.5 · partials) / interactions · 100
 *   incidents    (null when the partner had neither interactions nor incidents)
 *     rate       = 100 − 10 · (incidents per 1,000 interactions), floored at 0   (10 per 1,000 → 0)
 *                  (needs interactions > 0)
 *     SLA        = incidents resolved within their target / incidents whose SLA outcome is known · 100
 *     MTTR       = 100 · min(1, target hours / mean hours to resolve)             (at or under target → 100)
 *   value        (null when there is no CLV snapshot, i.e. equity served is null)
 *     growth     = 50 + 2.5 · (% change of equity served vs last month), clamped  (−20% → 0, 0 → 50, +20% → 100)
 *                  (needs last month's equity served > 0)
 *     at risk    = 100 · (1 − min(1, 5 · equity at risk / equity served))         (20% or more at risk → 0)
 *                  (needs equity served > 0)
 *   engagement   = (mean of the question averages − 1) / 4 · 100 over communication, fairness, tools, support (1–5)
 *                  — null when there is no survey answer
 *
 * Scores are rounded to 1 decimal for storage and display; a sub-score is computed from the unrounded parts,
 * and the overall score (combine.ts) from the unrounded sub-scores (exactScore): rounding happens once per figure.
 * `null`/`undefined` means "no data"; a NaN or infinite input is a bug upstream and throws a RangeError.
 */

import { roundTo1 } from "@/lib/partners/alignment";
import type { ScorecardArea } from "@/lib/scorecards/weights";

interface SubScorePart {
  key: string;
  label: string;
  /** 0–100, 1 decimal; null = no data for this part (left out of the sub-score). */
  score: number | null;
  /** Human text for the "how is this computed" panel. */
  formula: string;
}

export interface SubScore<I> {
  area: ScorecardArea;
  /** 0–100, 1 decimal; null = "no data" (left out of the overall score, never shown as 0). */
  score: number | null;
  /** The same, unrounded: the overall score averages these, so rounding happens once, at the end. */
  exactScore: number | null;
  /** Human text for the "how is this computed" panel. */
  formula: string;
  /** The inputs, echoed for the panel and for Scorecard.details. */
  inputs: I;
  parts: SubScorePart[];
}

// ---------------------------------------------------------------- constants (documented in the formulas)

/** Incident-rate penalty: points lost per incident per 1,000 interactions (10 per 1,000 → 0). */
const INCIDENT_RATE_PENALTY_PER_1000 = 10;
/** Growth of equity served that maps to 0 (−) and 100 (+); 0% maps to 50. */
const EQUITY_GROWTH_SPAN_PCT = 20;
/** Equity at risk as a share of equity served that maps to 0 (20% → 0). */
const EQUITY_AT_RISK_ZERO_SHARE = 0.2;
/** Credit given to a PARTIAL interaction outcome (SUCCESS = 1, FAILURE = 0). */
const PARTIAL_OUTCOME_CREDIT = 0.5;

// ---------------------------------------------------------------- helpers

function clamp(x: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, x));
}

function clamp100(x: number): number {
  return clamp(x, 0, 100);
}

/** null/undefined → null; a finite number → itself; NaN/±Infinity → RangeError. */
function num(name: string, x: number | null | undefined): number | null {
  if (x === null || x === undefined) return null;
  if (typeof x !== "number" || !Number.isFinite(x))
    throw new RangeError(`Scorecard input ${name} must be a finite number or null (got ${String(x)})`);
  return x;
}

/** A count: null/undefined → 0; must be finite and ≥ 0. */
function count(name: string, x: number | null | undefined): number {
  const n = num(name, x) ?? 0;
  if (n < 0) throw new RangeError(`Scorecard input ${name} must not be negative (got ${n})`);
  return n;
}

interface RawPart {
  key: string;
  label: string;
  score: number | null;
  formula: string;
}

function finish<I>(area: ScorecardArea, formula: string, inputs: I, parts: RawPart[], forceNull = false): SubScore<I> {
  const available = parts.filter((p): p is RawPart & { score: number } => p.score !== null);
  const exactScore =
    forceNull || available.length === 0 ? null : available.reduce((s, p) => s + p.score, 0) / available.length;
  return {
    area,
    score: exactScore === null ? null : roundTo1(exactScore),
    exactScore,
    formula,
    inputs,
    parts: parts.map((p) => ({ ...p, score: forceNull || p.score === null ? null : roundTo1(p.score) })),
  };
}

// ---------------------------------------------------------------- compliance

export interface ComplianceInputs {
  /** Compliance % (0–100) from lib/standards/compliance.ts; null when no applicable standard was assessed. */
  compliance: number | null;
}

export const COMPLIANCE_FORMULA =
  "Share of the weight of the assessed standards that was met this month (verified assessments only; standards not assessed are left out).";

export function complianceSubScore(inputs: ComplianceInputs): SubScore<ComplianceInputs> {
  const value = num("compliance", inputs.compliance);
  return finish("compliance", COMPLIANCE_FORMULA, inputs, [
    {
      key: "compliance",
      label: "Standards met",
      score: value === null ? null : clamp100(value),
      formula: COMPLIANCE_FORMULA,
    },
  ]);
}

// ---------------------------------------------------------------- customer experience

export interface ExperienceInputs {
  /** Interactions in the month by outcome. */
  successes: number;
  partials: number;
  failures: number;
  /** Mean CSAT (1–5) of the interactions that have one; null when none has. */
  csatAverage: number | null;
  /** Net Promoter Score (−100…100) of the interactions that have an NPS answer (see npsFromCounts); null when none has. */
  nps: number | null;
}

const EXPERIENCE_CSAT_FORMULA = "CSAT score = (average CSAT − 1) ÷ 4 × 100, so 1/5 → 0, 3/5 → 50, 5/5 → 100.";
const EXPERIENCE_NPS_FORMULA = "NPS score = (NPS + 100) ÷ 2, so −100 → 0, 0 → 50, +100 → 100.";
const EXPERIENCE_OUTCOME_FORMULA =
  "Outcome score = (successes + 0.5 × partial successes) ÷ interactions × 100 (failures count 0).";
export const EXPERIENCE_FORMULA =
  "Equal-weight average of the available parts: CSAT score, NPS score and outcome score. " +
  `${EXPERIENCE_CSAT_FORMULA} ${EXPERIENCE_NPS_FORMULA} ${EXPERIENCE_OUTCOME_FORMULA} ` +
  "Parts without answers are left out; no interactions this month → no data.";

export function experienceSubScore(inputs: ExperienceInputs): SubScore<ExperienceInputs> {
  const successes = count("successes", inputs.successes);
  const partials = count("partials", inputs.partials);
  const failures = count("failures", inputs.failures);
  const csat = num("csatAverage", inputs.csatAverage);
  const nps = num("nps", inputs.nps);
  const interactions = successes + partials + failures;
  return finish(
    "experience",
    EXPERIENCE_FORMULA,
    inputs,
    [
      {
        key: "csat",
        label: "CSAT",
        score: csat === null ? null : clamp100(((csat - 1) / 4) * 100),
        formula: EXPERIENCE_CSAT_FORMULA,
      },
      {
        key: "nps",
        label: "NPS",
        score: nps === null ? null : clamp100((nps + 100) / 2),
        formula: EXPERIENCE_NPS_FORMULA,
      },
      {
        key: "outcomes",
        label: "Interaction outcomes",
        score:
          interactions === 0 ? null : clamp100(((successes + PARTIAL_OUTCOME_CREDIT * partials) / interactions) * 100),
        formula: EXPERIENCE_OUTCOME_FORMULA,
      },
    ],
    interactions === 0,
  );
}

/**
 * Net Promoter Score from 0–10 answers counted as promoters (9–10), passives (7–8) and detractors (0–6):
 * (promoters − detractors) ÷ answers × 100, in −100…100. Null when there is no answer.
 */
export function npsFromCounts(c: { promoters: number; passives: number; detractors: number }): number | null {
  const promoters = count("promoters", c.promoters);
  const passives = count("passives", c.passives);
  const detractors = count("detractors", c.detractors);
  const total = promoters + passives + detractors;
  return total === 0 ? null : ((promoters - detractors) / total) * 100;
}

// ---------------------------------------------------------------- incident performance

export interface IncidentInputs {
  /** Interactions in the month (the denominator of the incident rate). */
  interactions: number;
  /** Incidents opened in the month. */
  incidents: number;
  /**
   * Incidents whose resolution-SLA outcome became known in the month. The outcome is known at the earlier of
   * resolution and the resolve due time: met when resolved by the due time, missed once the due time passes
   * first (whether the incident is resolved later or is still open). Each incident counts once, in the month
   * of that instant (up to now for the current month). See docs/scorecards.md.
   */
  slaMeasured: number;
  /** Of slaMeasured, those resolved within their target. */
  slaMet: number;
  /** Mean hours to resolve of the incidents resolved in the month; null when none was resolved. */
  meanHoursToResolve: number | null;
  /**
   * Mean resolve window of those same incidents: resolve due time − opened, in wall-clock hours, so business
   * hours and pauses are included exactly as they are in the time to resolve; null when unknown.
   */
  targetHoursToResolve: number | null;
}

const INCIDENT_RATE_FORMULA =
  `Rate score = 100 − ${INCIDENT_RATE_PENALTY_PER_1000} × incidents per 1,000 interactions, never below 0 ` +
  `(so ${100 / INCIDENT_RATE_PENALTY_PER_1000} incidents per 1,000 interactions or more → 0). Needs at least one interaction.`;
const INCIDENT_SLA_FORMULA =
  "SLA score = incidents resolved by their due time ÷ incidents whose SLA outcome became known this month × 100. The outcome is known at the earlier of resolution and the due time, so an incident still open past its due time counts as missed in the month the due time passed.";
const INCIDENT_MTTR_FORMULA =
  "Time-to-resolve score = 100 × mean resolve window ÷ mean hours to resolve, capped at 100 (resolving at or under the window → 100). Both are wall-clock hours from opening, over the incidents resolved this month; the window is each incident's due time minus its opening.";
export const INCIDENT_FORMULA =
  "Equal-weight average of the available parts: rate score, SLA score and time-to-resolve score. " +
  `${INCIDENT_RATE_FORMULA} ${INCIDENT_SLA_FORMULA} ${INCIDENT_MTTR_FORMULA} ` +
  "Parts without data are left out; no interactions and no incidents this month → no data.";

export function incidentSubScore(inputs: IncidentInputs): SubScore<IncidentInputs> {
  const interactions = count("interactions", inputs.interactions);
  const incidents = count("incidents", inputs.incidents);
  const slaMeasured = count("slaMeasured", inputs.slaMeasured);
  const slaMet = count("slaMet", inputs.slaMet);
  if (slaMet > slaMeasured)
    throw new RangeError(`Scorecard input slaMet (${slaMet}) must not exceed slaMeasured (${slaMeasured})`);
  const mttr = num("meanHoursToResolve", inputs.meanHoursToResolve);
  const target = num("targetHoursToResolve", inputs.targetHoursToResolve);

  const ratePer1000 = interactions > 0 ? (incidents / interactions) * 1000 : null;
  let mttrScore: number | null = null;
  if (mttr !== null && target !== null && target > 0) mttrScore = mttr <= 0 ? 100 : 100 * clamp(target / mttr, 0, 1);

  return finish(
    "incidents",
    INCIDENT_FORMULA,
    inputs,
    [
      {
        key: "rate",
        label: "Incidents per 1,000 interactions",
        score: ratePer1000 === null ? null : Math.max(0, 100 - INCIDENT_RATE_PENALTY_PER_1000 * ratePer1000),
        formula: INCIDENT_RATE_FORMULA,
      },
      {
        key: "sla",
        label: "SLA adherence",
        score: slaMeasured === 0 ? null : (slaMet / slaMeasured) * 100,
        formula: INCIDENT_SLA_FORMULA,
      },
      { key: "mttr", label: "Mean time to resolve", score: mttrScore, formula: INCIDENT_MTTR_FORMULA },
    ],
    interactions === 0 && incidents === 0,
  );
}

/** Incidents per 1,000 interactions (null with no interactions), for display next to the rate score. */
export function incidentsPer1000(incidents: number, interactions: number): number | null {
  return interactions > 0 ? (incidents / interactions) * 1000 : null;
}

// ---------------------------------------------------------------- customer value

export interface ValueInputs {
  /** Customer equity (sum of CLV) served by the partner this month, through sales or interactions; null when there is no CLV snapshot. */
  equityServed: number | null;
  /** The same last month; null when there was no snapshot. */
  equityServedLastMonth: number | null;
  /** Equity at risk from the partner's incidents this month; pass 0 when no customer was affected, null when unknown. */
  equityAtRisk: number | null;
}

const VALUE_GROWTH_FORMULA =
  `Growth score = 50 + 2.5 × % change of equity served vs last month, clamped to 0–100 ` +
  `(−${EQUITY_GROWTH_SPAN_PCT}% or worse → 0, no change → 50, +${EQUITY_GROWTH_SPAN_PCT}% or better → 100). Needs last month's equity served.`;
const VALUE_RISK_FORMULA =
  `At-risk score = 100 × (1 − 5 × equity at risk ÷ equity served), clamped to 0–100 ` +
  `(nothing at risk → 100, ${EQUITY_AT_RISK_ZERO_SHARE * 100}% or more of the equity served at risk → 0).`;
export const VALUE_FORMULA =
  "Equal-weight average of the available parts: growth score and at-risk score. " +
  `${VALUE_GROWTH_FORMULA} ${VALUE_RISK_FORMULA} ` +
  "Equity served is the sum of the CLV of the customers the partner serves: those it sold to (transactions it served) " +
  "and those it met at a touchpoint (interactions naming the customer), whoever took the money; " +
  "no CLV snapshot this month → no data.";

export function valueSubScore(inputs: ValueInputs): SubScore<ValueInputs> {
  const served = num("equityServed", inputs.equityServed);
  const last = num("equityServedLastMonth", inputs.equityServedLastMonth);
  const risk = num("equityAtRisk", inputs.equityAtRisk);
  if (risk !== null && risk < 0)
    throw new RangeError(`Scorecard input equityAtRisk must not be negative (got ${risk})`);

  const growthPct = equityGrowthPct(served, last);
  const growthScore = growthPct === null ? null : clamp100(50 + (growthPct * 50) / EQUITY_GROWTH_SPAN_PCT);
  const riskScore =
    served !== null && served > 0 && risk !== null
      ? 100 * (1 - clamp(risk / served / EQUITY_AT_RISK_ZERO_SHARE, 0, 1))
      : null;

  return finish(
    "value",
    VALUE_FORMULA,
    inputs,
    [
      { key: "growth", label: "Growth of equity served", score: growthScore, formula: VALUE_GROWTH_FORMULA },
      { key: "risk", label: "Equity at risk", score: riskScore, formula: VALUE_RISK_FORMULA },
    ],
    served === null,
  );
}

/** % change of equity served vs last month (null when last month is missing or 0), for display. */
export function equityGrowthPct(served: number | null, lastMonth: number | null): number | null {
  return served !== null && lastMonth !== null && lastMonth > 0 ? ((served - lastMonth) / lastMonth) * 100 : null;
}

// ---------------------------------------------------------------- partner engagement

export interface EngagementInputs {
  /** Survey responses counted (the partner's users, latest survey quarter). */
  responses: number;
  /** Average answer (1–5) per question; null when nobody answered it. */
  communication: number | null;
  fairness: number | null;
  tools: number | null;
  support: number | null;
}

export const ENGAGEMENT_FORMULA =
  "Partner survey score = (average of the answered questions' averages − 1) ÷ 4 × 100, over communication, fairness, tools and support (each 1–5), so 1 → 0, 3 → 50, 5 → 100. No survey answer → no data.";

const ENGAGEMENT_QUESTIONS = [
  ["communication", "Communication"],
  ["fairness", "Fairness"],
  ["tools", "Tools"],
  ["support", "Support"],
] as const;

export function engagementSubScore(inputs: EngagementInputs): SubScore<EngagementInputs> {
  const responses = count("responses", inputs.responses);
  const parts = ENGAGEMENT_QUESTIONS.map(([key, label]) => {
    const avg = num(key, inputs[key]);
    return { key, label, score: avg === null ? null : clamp100(((avg - 1) / 4) * 100), formula: ENGAGEMENT_FORMULA };
  });
  // (mean of the averages − 1)/4·100 equals the mean of the per-question scores (the mapping is linear).
  return finish("engagement", ENGAGEMENT_FORMULA, inputs, parts, responses === 0);
}

// ---------------------------------------------------------------- all five

export interface ScorecardInputs {
  compliance: ComplianceInputs;
  experience: ExperienceInputs;
  incidents: IncidentInputs;
  value: ValueInputs;
  engagement: EngagementInputs;
}

export interface SubScoreSet {
  compliance: SubScore<ComplianceInputs>;
  experience: SubScore<ExperienceInputs>;
  incidents: SubScore<IncidentInputs>;
  value: SubScore<ValueInputs>;
  engagement: SubScore<EngagementInputs>;
}

export function computeSubScores(inputs: ScorecardInputs): SubScoreSet {
  return {
    compliance: complianceSubScore(inputs.compliance),
    experience: experienceSubScore(inputs.experience),
    incidents: incidentSubScore(inputs.incidents),
    value: valueSubScore(inputs.value),
    engagement: engagementSubScore(inputs.engagement),
  };
}
