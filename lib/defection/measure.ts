/**
 * Defection measured from the workspace's own history (issue 19, part 4): do customers who had
 * an incident (or a good-service interaction) buy again less (or more) than comparable
 * customers who did not, at the same date?
 *
 * Matching — coarsened exact matching. Every observation is a customer at an index date: for
 * the "treated" the date of their first incident (or first positive interaction), for the
 * comparison customers the first day of the same calendar month. Observations fall into a
 * stratum by
 *   - the index month (the "same date", coarsened to the month),
 *   - segment (B2B / B2C),
 *   - prior frequency: purchases in the 365 days before the index date, binned 0 | 1 | 2 | 3–5 | 6+,
 *   - recency: days since the last purchase before it, binned ≤ 30 | 31–90 | 91–180 | 181–365 | > 365 or never.
 * Strata without both a treated and a comparison customer are dropped (the treated left out are
 * counted). Within a segment the comparison customers are reweighted to the treated customers'
 * distribution over strata (the effect on the treated): control rate = Σ_s n_treated,s · rate_control,s / N_treated.
 *
 * Outcomes in the window after the index date (a setting, 180 days by default): bought again
 * (any purchase), and the change in spend (revenue in the window after minus the same window before).
 * "Bought more" is spend after > spend before. The defection attributable to incidents is the
 * share of the customers who would have bought again (the comparison rate) who did not:
 * 1 − treated rate / comparison rate, clamped to [0, 1].
 *
 * Confidence: a stratified bootstrap (resample treated and comparison customers with replacement
 * within each stratum), seeded, 1,000 resamples by default; the interval is the 2.5th–97.5th
 * percentiles. Pure TypeScript over per-customer outcome arrays (queries.ts pulls them in one
 * set-based query).
 */
import { createRng } from "@/lib/seed/random";

export type Segment = "B2B" | "B2C";

/** One customer at one index date, as the query returns it. */
export type Observation = {
  treated: boolean;
  segment: Segment;
  /** Index month as YYYY-MM. */
  month: string;
  priorPurchases: number;
  /** Days since the last purchase before the index date; null when none. */
  recencyDays: number | null;
  boughtAgain: boolean;
  spendBefore: number;
  spendAfter: number;
};

type Interval = { estimate: number; low: number; high: number };

export type GroupResult = {
  segment: Segment;
  /** Treated customers matched to at least one comparison customer in their stratum. */
  treated: number;
  /** Treated customers without any comparison customer in their stratum (left out). */
  unmatched: number;
  controls: number;
  strata: number;
  /** Fewer matched treated customers than the minimum: no figures. */
  tooLittleData: boolean;
  treatedRepurchase: number | null;
  controlRepurchase: number | null;
  /** 1 − treated / comparison repurchase, clamped to [0, 1]: defection attributable to the event. */
  attributableDefection: Interval | null;
  /** treated / comparison repurchase − 1: relative change in buying again. */
  repurchaseLift: Interval | null;
  /** Mean (spend after − spend before): treated minus comparison, in currency. */
  spendChangeDifference: Interval | null;
  /** Share who spent more in the window after than before: treated and comparison. */
  treatedBoughtMore: number | null;
  controlBoughtMore: number | null;
};

export function frequencyBin(purchases: number): number {
  if (purchases <= 0) return 0;
  if (purchases === 1) return 1;
  if (purchases === 2) return 2;
  return purchases <= 5 ? 3 : 4;
}

export function recencyBin(days: number | null): number {
  if (days === null || days > 365) return 4;
  if (days <= 30) return 0;
  if (days <= 90) return 1;
  return days <= 180 ? 2 : 3;
}

export const stratumKey = (o: Observation) =>
  `${o.month}|${o.segment}|${frequencyBin(o.priorPurchases)}|${recencyBin(o.recencyDays)}`;

type Arm = { bought: Uint8Array; change: Float64Array; more: Uint8Array };
type Stratum = { treated: Arm; control: Arm };

function arm(rows: Observation[]): Arm {
  return {
    bought: Uint8Array.from(rows, (r) => (r.boughtAgain ? 1 : 0)),
    change: Float64Array.from(rows, (r) => r.spendAfter - r.spendBefore),
    more: Uint8Array.from(rows, (r) => (r.spendAfter > r.spendBefore ? 1 : 0)),
  };
}

/** Matched strata of one segment: every stratum with at least one treated and one comparison customer. */
export function matchStrata(observations: Observation[]): { strata: Stratum[]; unmatched: number; controls: number } {
  const groups = new Map<string, { treated: Observation[]; control: Observation[] }>();
  for (const o of observations) {
    const key = stratumKey(o);
    let g = groups.get(key);
    if (!g) {
      g = { treated: [], control: [] };
      groups.set(key, g);
    }
    (o.treated ? g.treated : g.control).push(o);
  }
  const strata: Stratum[] = [];
  let unmatched = 0;
  let controls = 0;
  for (const g of groups.values()) {
    if (g.treated.length === 0) continue;
    if (g.control.length === 0) {
      unmatched += g.treated.length;
      continue;
    }
    controls += g.control.length;
    strata.push({ treated: arm(g.treated), control: arm(g.control) });
  }
  return { strata, unmatched, controls };
}

type Estimate = { treatedRate: number; controlRate: number; change: number; treatedMore: number; controlMore: number };

/**
 * Treated means and the comparison means reweighted to the treated customers' strata. With
 * `draw`, every arm is resampled (indices drawn with replacement).
 */
function estimate(strata: Stratum[], draw?: (n: number) => Uint32Array): Estimate {
  let n = 0;
  const e = { treatedRate: 0, controlRate: 0, change: 0, treatedMore: 0, controlMore: 0 };
  for (const s of strata) {
    const w = s.treated.bought.length;
    const t = means(s.treated, draw);
    const c = means(s.control, draw);
    n += w;
    e.treatedRate += w * t.bought;
    e.controlRate += w * c.bought;
    e.change += w * (t.change - c.change);
    e.treatedMore += w * t.more;
    e.controlMore += w * c.more;
  }
  return {
    treatedRate: e.treatedRate / n,
    controlRate: e.controlRate / n,
    change: e.change / n,
    treatedMore: e.treatedMore / n,
    controlMore: e.controlMore / n,
  };
}

/** The arm's three means, over all its customers or over a resample of them (one pass). */
function means(arm: Arm, draw?: (n: number) => Uint32Array) {
  const size = arm.bought.length;
  let bought = 0;
  let change = 0;
  let more = 0;
  if (draw) {
    const picks = draw(size);
    for (let i = 0; i < size; i++) {
      const k = picks[i];
      bought += arm.bought[k];
      change += arm.change[k];
      more += arm.more[k];
    }
  } else {
    for (let i = 0; i < size; i++) {
      bought += arm.bought[i];
      change += arm.change[i];
      more += arm.more[i];
    }
  }
  return { bought: bought / size, change: change / size, more: more / size };
}

const defection = (e: Estimate) =>
  e.controlRate > 0 ? Math.min(1, Math.max(0, 1 - e.treatedRate / e.controlRate)) : 0;
const lift = (e: Estimate) => (e.controlRate > 0 ? e.treatedRate / e.controlRate - 1 : 0);

function percentile(sorted: Float64Array, q: number): number {
  const position = q * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.min(lower + 1, sorted.length - 1);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

export type MeasureOptions = { resamples?: number; seed?: number; minimumTreated?: number };

/** Defaults: 1,000 resamples, seed 19, at least 30 matched treated customers per segment. */
export const MEASURE_DEFAULTS = { resamples: 1000, seed: 19, minimumTreated: 30 } as const;

/** The matched comparison of one segment, with bootstrap intervals. */
export function measureSegment(
  segment: Segment,
  observations: Observation[],
  options: MeasureOptions = {},
): GroupResult {
  const { resamples, seed, minimumTreated } = { ...MEASURE_DEFAULTS, ...options };
  const { strata, unmatched, controls } = matchStrata(observations.filter((o) => o.segment === segment));
  const treated = strata.reduce((s, st) => s + st.treated.bought.length, 0);
  const base = { segment, treated, unmatched, controls, strata: strata.length };
  if (treated < minimumTreated) {
    return {
      ...base,
      tooLittleData: true,
      treatedRepurchase: null,
      controlRepurchase: null,
      attributableDefection: null,
      repurchaseLift: null,
      spendChangeDifference: null,
      treatedBoughtMore: null,
      controlBoughtMore: null,
    };
  }
  const point = estimate(strata);
  const rng = createRng(seed);
  const buffer = new Uint32Array(
    Math.max(...strata.map((s) => Math.max(s.treated.bought.length, s.control.bought.length))),
  );
  const draw = (n: number) => {
    const picks = buffer.subarray(0, n);
    for (let i = 0; i < n; i++) picks[i] = Math.floor(rng.next() * n);
    return picks;
  };
  const defections = new Float64Array(resamples);
  const lifts = new Float64Array(resamples);
  const changes = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    const e = estimate(strata, draw);
    defections[b] = defection(e);
    lifts[b] = lift(e);
    changes[b] = e.change;
  }
  const interval = (values: Float64Array, value: number): Interval => {
    values.sort();
    return { estimate: value, low: percentile(values, 0.025), high: percentile(values, 0.975) };
  };
  return {
    ...base,
    tooLittleData: false,
    treatedRepurchase: point.treatedRate,
    controlRepurchase: point.controlRate,
    attributableDefection: interval(defections, defection(point)),
    repurchaseLift: interval(lifts, lift(point)),
    spendChangeDifference: interval(changes, point.change),
    treatedBoughtMore: point.treatedMore,
    controlBoughtMore: point.controlMore,
  };
}
