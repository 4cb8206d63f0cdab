/**
 * Experience-standard targets: is a measurement valid, is the target met, how to say it.
 * String values match the Prisma `MetricKind` and `Comparator` enums.
 */

export const METRIC_KINDS = ["PERCENTAGE", "RATING", "DURATION", "PASS_FAIL"] as const;
export type MetricKind = (typeof METRIC_KINDS)[number];

export const COMPARATORS = ["GTE", "LTE"] as const;
export type Comparator = (typeof COMPARATORS)[number];

export const METRIC_KIND_LABELS: Record<MetricKind, string> = {
  PERCENTAGE: "Percentage",
  RATING: "Rating",
  DURATION: "Duration (minutes)",
  PASS_FAIL: "Pass / fail",
};

const COMPARATOR_SYMBOLS: Record<Comparator, string> = { GTE: "≥", LTE: "≤" };
export const COMPARATOR_LABELS: Record<Comparator, string> = { GTE: "at least", LTE: "at most" };

export interface StandardTarget {
  metricKind: MetricKind;
  comparator: Comparator;
  target: number;
  /** For RATING, the scale suffix (default "/5"); ignored for the other kinds. */
  unit?: string | null;
  name?: string | null;
}

export class MeasurementError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MeasurementError";
  }
}

function isMetricKind(value: unknown): value is MetricKind {
  return typeof value === "string" && (METRIC_KINDS as readonly string[]).includes(value);
}

function isComparator(value: unknown): value is Comparator {
  return typeof value === "string" && (COMPARATORS as readonly string[]).includes(value);
}

/** Error message for a measured value of this kind, or null when valid. */
export function validateMeasurement(kind: MetricKind, value: number): string | null {
  if (typeof value !== "number" || !Number.isFinite(value)) return "The value must be a number";
  switch (kind) {
    case "PERCENTAGE":
      return value < 0 || value > 100 ? "A percentage must be between 0 and 100" : null;
    case "RATING":
      return value < 0 ? "A rating must be 0 or more" : null;
    case "DURATION":
      return value < 0 ? "A duration must be 0 minutes or more" : null;
    case "PASS_FAIL":
      return value === 0 || value === 1 ? null : "A pass/fail result must be 1 (pass) or 0 (fail)";
    default:
      return `Unknown metric kind "${String(kind)}"`;
  }
}

/**
 * Error message for a standard's target definition, or null when valid.
 * PASS_FAIL must be "GTE 1" (met = passed); the target must itself be a valid measurement.
 */
export function validateStandardDefinition(def: {
  metricKind: MetricKind;
  comparator: Comparator;
  target: number;
  weight?: number;
}): string | null {
  if (!isMetricKind(def.metricKind)) return `Unknown metric kind "${String(def.metricKind)}"`;
  if (!isComparator(def.comparator)) return `Unknown comparator "${String(def.comparator)}"`;
  if (def.metricKind === "PASS_FAIL" && (def.comparator !== "GTE" || def.target !== 1)) {
    return "A pass/fail standard must have comparator GTE and target 1 (met when passed)";
  }
  const targetError = validateMeasurement(def.metricKind, def.target);
  if (targetError) return `Invalid target: ${targetError}`;
  if (def.weight !== undefined && !(Number.isFinite(def.weight) && def.weight > 0)) {
    return "The weight must be a number greater than 0";
  }
  return null;
}

/** Whether `value` meets the standard. Throws MeasurementError on an invalid value. */
export function isMet(standard: Pick<StandardTarget, "metricKind" | "comparator" | "target">, value: number): boolean {
  const error = validateMeasurement(standard.metricKind, value);
  if (error) throw new MeasurementError(error);
  if (standard.metricKind === "PASS_FAIL") return value === 1;
  switch (standard.comparator) {
    case "GTE":
      return value >= standard.target;
    case "LTE":
      return value <= standard.target;
    default:
      throw new MeasurementError(`Unknown comparator "${String(standard.comparator)}"`);
  }
}

/** 95 → "95", 4.5 → "4.5", 1/3 → "0.33" */
function formatNumber(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** The value with its unit: "96%", "4.2/5", "135 min", "pass" / "fail". */
export function formatMeasurement(standard: Pick<StandardTarget, "metricKind" | "unit">, value: number): string {
  switch (standard.metricKind) {
    case "PERCENTAGE":
      return `${formatNumber(value)}%`;
    case "RATING":
      return `${formatNumber(value)}${ratingScale(standard.unit)}`;
    case "DURATION":
      return `${formatNumber(value)} min`;
    case "PASS_FAIL":
      return value === 1 ? "pass" : "fail";
    default:
      return formatNumber(value);
  }
}

function ratingScale(unit: string | null | undefined): string {
  const u = unit?.trim();
  if (!u) return "/5";
  return u.startsWith("/") ? u : ` ${u}`;
}

/**
 * Human target: "on-time ≥ 95%", "CSAT ≥ 4.5/5", "first response ≤ 120 min", "uniform audit: pass".
 * Without a name: "≥ 95%", "pass".
 */
export function describeTarget(standard: StandardTarget): string {
  const name = standard.name?.trim();
  if (standard.metricKind === "PASS_FAIL") return name ? `${name}: pass` : "pass";
  const text = `${COMPARATOR_SYMBOLS[standard.comparator]} ${formatMeasurement(standard, standard.target)}`;
  return name ? `${name} ${text}` : text;
}
