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
 * percentiles. Pure TypeScript over per-stratum counts and spend changes (queries.ts has the
 * database match and count them in one set-based query). A resample draws the buyers of each arm as one exact Binomial (see
 * binomial.ts), and the spend change only over the customers whose spend changed (see bootstrap):
 * O(resamples × strata) for buying again, O(resamples × customers with a spend change) for spend.
 */
import { createRng, type Rng } from "@/lib/seed/random";
import { binomialInverse, logFactorials } from "./binomial";

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

/**
 * One arm of a stratum, reduced to what the bootstrap needs: its size, how many bought again
 * and bought more, the sum of spend changes, and the spend changes that are not zero (customers
 * with no spend before or after change by 0 and need no resampling of their own).
 */
type Arm = { size: number; bought: number; more: number; changeSum: number; nonzero: Float64Array };
type Stratum = { treated: Arm; control: Arm };
/** The matched strata of one segment, with the treated customers left without a match and the comparison customers used. */
export type Matched = { strata: Stratum[]; unmatched: number; controls: number };

/** An arm from its counts and its spend changes that are not zero (what the database groups, queries.ts). */
export function armOf(size: number, bought: number, more: number, nonzero: ArrayLike<number>): Arm {
  const values = Float64Array.from(nonzero);
  return { size, bought, more, changeSum: values.reduce((a, b) => a + b, 0), nonzero: values };
}

function arm(rows: Observation[]): Arm {
  const changes = rows.map((r) => r.spendAfter - r.spendBefore);
  return armOf(
    rows.length,
    rows.filter((r) => r.boughtAgain).length,
    rows.filter((r) => r.spendAfter > r.spendBefore).length,
    changes.filter((c) => c !== 0),
  );
}

/** Matched strata of one segment: every stratum with at least one treated and one comparison customer. */
export function matchStrata(observations: Observation[]): Matched {
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

/** Treated means and the comparison means reweighted to the treated customers' strata. */
function estimate(strata: Stratum[]): Estimate {
  let n = 0;
  const e = { treatedRate: 0, controlRate: 0, change: 0, treatedMore: 0, controlMore: 0 };
  for (const { treated: t, control: c } of strata) {
    const w = t.size;
    n += w;
    e.treatedRate += (w * t.bought) / t.size;
    e.controlRate += (w * c.bought) / c.size;
    e.change += w * (t.changeSum / t.size - c.changeSum / c.size);
    e.treatedMore += (w * t.more) / t.size;
    e.controlMore += (w * c.more) / c.size;
  }
  return {
    treatedRate: e.treatedRate / n,
    controlRate: e.controlRate / n,
    change: e.change / n,
    treatedMore: e.treatedMore / n,
    controlMore: e.controlMore / n,
  };
}

/**
 * The bootstrap's resampled rates and spend change, `resamples` of each, drawn arm by arm (each
 * arm's tables stay at hand for its thousand draws). One resample of an arm (n customers with
 * replacement) is exact and cheap:
 *   - buyers: exactly Binomial(n, bought / n), one draw per arm;
 *   - spend change: how many of the n picks land on a customer whose change is not zero is
 *     Binomial(n, nonzero / n), and given that count the picks are uniform over those customers,
 *     so only they are drawn one by one (the zeros add nothing to the sum).
 * The two are drawn independently of each other, and the arms of each other, which leaves each
 * figure's bootstrap distribution (and so its percentile interval) exactly that of per-customer
 * resampling.
 */
function bootstrap(strata: Stratum[], resamples: number, rng: Rng) {
  const treatedRate = new Float64Array(resamples);
  const controlRate = new Float64Array(resamples);
  const change = new Float64Array(resamples);
  const n = strata.reduce((s, st) => s + st.treated.size, 0);
  const logFactorial = logFactorials(Math.max(...strata.map((s) => Math.max(s.treated.size, s.control.size))));
  const next = () => rng.next();
  for (const { treated, control } of strata) {
    const weight = treated.size / n;
    for (const [a, rate, sign] of [
      [treated, treatedRate, 1],
      [control, controlRate, -1],
    ] as const) {
      const buyers = binomialInverse(logFactorial, a.size, a.bought / a.size);
      const picks = binomialInverse(logFactorial, a.size, a.nonzero.length / a.size);
      const values = a.nonzero;
      const length = values.length;
      const perCustomer = weight / a.size;
      for (let b = 0; b < resamples; b++) {
        rate[b] += buyers(next) * perCustomer;
        const count = picks(next);
        let sum = 0;
        for (let i = 0; i < count; i++) sum += values[Math.floor(rng.next() * length)];
        change[b] += sign * sum * perCustomer;
      }
    }
  }
  return { treatedRate, controlRate, change };
}

type Rates = Pick<Estimate, "treatedRate" | "controlRate">;
const defection = (e: Rates) => (e.controlRate > 0 ? Math.min(1, Math.max(0, 1 - e.treatedRate / e.controlRate)) : 0);
const lift = (e: Rates) => (e.controlRate > 0 ? e.treatedRate / e.controlRate - 1 : 0);

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
  return measureStrata(segment, matchStrata(observations.filter((o) => o.segment === segment)), options);
}

/** The figures and bootstrap intervals of one segment's matched strata (matched here or by the database). */
export function measureStrata(
  segment: Segment,
  { strata, unmatched, controls }: Matched,
  options: MeasureOptions = {},
): GroupResult {
  const { resamples, seed, minimumTreated } = { ...MEASURE_DEFAULTS, ...options };
  const treated = strata.reduce((s, st) => s + st.treated.size, 0);
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
  const drawn = bootstrap(strata, resamples, createRng(seed));
  const defections = new Float64Array(resamples);
  const lifts = new Float64Array(resamples);
  const changes = drawn.change;
  for (let b = 0; b < resamples; b++) {
    const e = { treatedRate: drawn.treatedRate[b], controlRate: drawn.controlRate[b] };
    defections[b] = defection(e);
    lifts[b] = lift(e);
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
