/**
 * The tenant's CLV models applied to its history (tenant-data.ts): fit, score every customer,
 * and measure fit quality. Pure: arrays in, arrays out; recompute.ts does the I/O.
 */
import { fitBgnbd, type BgnbdFit, type BgnbdParams } from "./models/bgnbd";
import { expectedPurchasesUnchecked, probabilityAlive } from "./models/bgnbd-predict";
import { LIFETIME_VALUE_SHARE, lifetimeDiscountedPurchases } from "./models/clv";
import { expectedAverageMargin, fitGammaGamma, type GammaGammaFit, type GammaGammaParams } from "./models/gamma-gamma";
import { retentionClv } from "./models/retention-clv";
import type { CustomerHistory, SegmentActivity } from "./tenant-data";
import { daysPerUnit, monthInUnits, type TimeUnit } from "./models/time-units";

const FIT_UNIT: TimeUnit = "weeks";
/** Holdout periods for the fit-quality check: up to 6 periods of 4 weeks. */
export const HOLDOUT_PERIOD_DAYS = 28;
const MAX_HOLDOUT_PERIODS = 6;
/** Fewer repeat customers than this and Gamma-Gamma is not fitted (each customer's own mean is used). */
const MIN_SPEND_CUSTOMERS = 20;
const MIN_BGNBD_CUSTOMERS = 20;

/** A problem with the tenant's data that the user can act on (shown as the job's error). */
export class ValueModelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ValueModelError";
  }
}

export type CustomerScores = {
  clv: Float64Array;
  probabilityAlive: Float64Array;
  expectedPurchases: Float64Array;
  expectedMargin: Float64Array;
};

export type BgnbdModelResult = {
  params: {
    unit: TimeUnit;
    bgnbd: BgnbdParams;
    gammaGamma: GammaGammaParams | null;
    /** Months of the "expected purchases" figure; the CLV itself is lifetime (see `clvBasis`). */
    horizonMonths: number;
    annualDiscountRate: number;
    clvBasis: ClvBasis;
  };
  bgnbdFit: BgnbdFit;
  spendFit: GammaGammaFit | null;
  /** Margin per purchase used for everyone when Gamma-Gamma could not be fitted. */
  fallbackMargin: number | null;
};

/**
 * The basis of every CLV: the discounted value over the customer's whole lifetime. BG/NBD sums
 * months until at least `share` of it is held (tenant-models → clv.ts lifetimeDiscountedPurchases);
 * the retention model m·r/(1+d−r) is infinite-horizon by construction.
 */
type ClvBasis = { kind: "LIFETIME"; share: number; longestMonths?: number };

const LIFETIME_BASIS: ClvBasis = { kind: "LIFETIME", share: LIFETIME_VALUE_SHARE };

/** BG/NBD inputs (in FIT_UNIT) from a history, up to and including `endDay`. */
export function bgnbdInputs(history: CustomerHistory, endDay: number) {
  const n = history.customerIds.length;
  const perUnit = daysPerUnit(FIT_UNIT);
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  const meanRepeatMargin = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = history.purchaseDays[i] - 1;
    tx[i] = (history.lastDay[i] - history.firstDay[i]) / perUnit;
    T[i] = (endDay - history.firstDay[i]) / perUnit;
    meanRepeatMargin[i] = x[i] > 0 ? (history.totalMargin[i] - history.firstDayMargin[i]) / x[i] : NaN;
  }
  return { x, tx, T, meanRepeatMargin };
}

export function fitBgnbdModel(
  history: CustomerHistory,
  endDay: number,
  settings: { horizonMonths: number; annualDiscountRate: number },
): BgnbdModelResult {
  const n = history.customerIds.length;
  const data = bgnbdInputs(history, endDay);
  const repeaters = data.x.reduce((s, v) => s + (v > 0 ? 1 : 0), 0);
  if (n < MIN_BGNBD_CUSTOMERS || repeaters === 0) {
    throw new ValueModelError(
      `BG/NBD needs at least ${MIN_BGNBD_CUSTOMERS} customers with purchases, some of them repeat buyers (found ${n} customers, ${repeaters} repeat buyers). Add transactions or use the retention model.`,
    );
  }
  const bgnbdFit = fitBgnbd({ x: data.x, tx: data.tx, T: data.T, unit: FIT_UNIT });
  let spendFit: GammaGammaFit | null = null;
  let fallbackMargin: number | null = null;
  const positiveRepeaters = data.x.filter((v, i) => v > 0 && data.meanRepeatMargin[i] > 0).length;
  if (positiveRepeaters >= MIN_SPEND_CUSTOMERS) {
    const fit = fitGammaGamma({ x: data.x, meanMargin: data.meanRepeatMargin });
    if (fit.params.q > 1 && !fit.degenerate) spendFit = fit;
  }
  if (!spendFit) {
    let total = 0;
    let days = 0;
    for (let i = 0; i < n; i++) {
      total += history.totalMargin[i];
      days += history.purchaseDays[i];
    }
    fallbackMargin = days > 0 ? Math.max(total / days, 0) : 0;
  }
  return {
    params: {
      unit: FIT_UNIT,
      bgnbd: bgnbdFit.params,
      gammaGamma: spendFit?.params ?? null,
      ...settings,
      clvBasis: LIFETIME_BASIS,
    },
    bgnbdFit,
    spendFit,
    fallbackMargin,
  };
}

/** P(alive), expected purchases over the horizon, expected margin per purchase and CLV for every customer. */
export function scoreBgnbd(model: BgnbdModelResult, history: CustomerHistory, endDay: number): CustomerScores {
  const data = bgnbdInputs(history, endDay);
  const pairs = distinctPairs(data);
  return scoresFrom(model, data, pairs, pairTerms(model.params.bgnbd, pairs, ...termSettings(model)));
}

/**
 * The same scores, with the (x, T) terms (most of the work: a hypergeometric series per month of each pair's
 * lifetime) computed half in this thread and half in another (./pair-terms-thread.mjs), on a machine's second core.
 * The pairs come in the order of the customers' ids, and the first half costs more (on the large bench tenant 2.5 s of
 * CPU against 0.6 s: a pair's cost grows with its lifetime's months). Every other pair to each thread would balance
 * them (score 2.0 → 1.5 s), but the two threads then overlap for 1.5 s instead of 0.6 s, and the web server's answers
 * during a recompute slowed from a p95 of 51 ms to 64-85 ms (docs/decisions/010, stop 25): the split stays as it is.
 */
export async function scoreBgnbdInParallel(
  model: BgnbdModelResult,
  history: CustomerHistory,
  endDay: number,
  otherThread: (pairs: PairKeys, settings: TermSettings) => Promise<Float64Array>,
): Promise<CustomerScores> {
  const data = bgnbdInputs(history, endDay);
  const pairs = distinctPairs(data);
  const settings = termSettings(model);
  const half = Math.ceil(pairs.x.length / 2);
  const there = otherThread(sliceOfPairs(pairs, half, pairs.x.length), settings);
  there.catch(() => undefined); // awaited below, after this thread's half
  const here = pairTerms(model.params.bgnbd, sliceOfPairs(pairs, 0, half), ...settings);
  const terms = new Float64Array(pairs.x.length * 3);
  terms.set(here);
  terms.set(await there, half * 3);
  return scoresFrom(model, data, pairs, terms);
}

export type TermSettings = [horizon: number, annualDiscountRate: number, month: number];
const termSettings = (model: BgnbdModelResult): TermSettings => [
  model.params.horizonMonths * monthInUnits(FIT_UNIT),
  model.params.annualDiscountRate,
  monthInUnits(FIT_UNIT),
];

function scoresFrom(model: BgnbdModelResult, data: BgnbdInputs, pairs: Pairs, terms: Float64Array): CustomerScores {
  const n = data.x.length;
  const { gammaGamma } = model.params;
  const expectedMargin = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (gammaGamma) {
      // A zero or negative mean (free or refunded repeat orders) is outside the gamma model: use 0.
      const has = data.x[i] > 0 && Number.isFinite(data.meanRepeatMargin[i]);
      expectedMargin[i] = expectedAverageMargin(
        gammaGamma,
        has ? Math.max(data.meanRepeatMargin[i], 0) : NaN,
        has ? data.x[i] : 0,
      );
    } else {
      expectedMargin[i] = model.fallbackMargin ?? 0;
    }
  }
  const { det, horizon, alive, longestMonths } = predictionsFrom(model.params.bgnbd, data, pairs, terms);
  model.params.clvBasis = { ...LIFETIME_BASIS, longestMonths };
  const clv = new Float64Array(n);
  for (let i = 0; i < n; i++) clv[i] = expectedMargin[i] * det[i];
  return { clv, probabilityAlive: alive, expectedPurchases: horizon, expectedMargin };
}

type BgnbdInputs = ReturnType<typeof bgnbdInputs>;
type Customers = { x: ArrayLike<number>; tx: ArrayLike<number>; T: ArrayLike<number> };

/** The distinct (x, T) pairs, in order of first appearance, and each customer's pair. */
export type Pairs = { x: Float64Array; T: Float64Array; ofCustomer: Int32Array };

function distinctPairs(data: Customers): Pairs {
  const n = data.x.length;
  const ofCustomer = new Int32Array(n);
  // By x·2²⁰ + T: T (whole days in weeks) is under 2²⁰ and its values lie 1/7 apart, far more than the sum rounds
  // away, so no two pairs meet (a number key hashes faster than a string built per customer).
  const index = new Map<number, number>();
  const xs: number[] = [];
  const Ts: number[] = [];
  for (let i = 0; i < n; i++) {
    const key = data.x[i] * 1_048_576 + data.T[i];
    let j = index.get(key);
    if (j === undefined) {
      j = xs.push(data.x[i]) - 1;
      Ts.push(data.T[i]);
      index.set(key, j);
    }
    ofCustomer[i] = j;
  }
  return { x: Float64Array.from(xs), T: Float64Array.from(Ts), ofCustomer };
}

/** The pairs alone, without the customers (what the terms are computed from). */
export type PairKeys = Pick<Pairs, "x" | "T">;

const sliceOfPairs = (pairs: Pairs, from: number, to: number): PairKeys => ({
  x: pairs.x.slice(from, to),
  T: pairs.T.slice(from, to),
});

/**
 * Per (x, T) pair, three numbers: the lifetime's discounted purchases and the horizon's expected purchases, each per
 * unit of P(alive) at t_x = T, and the months the lifetime sum ran (see groupedPredictions).
 */
export function pairTerms(
  params: BgnbdParams,
  pairs: PairKeys,
  horizon: number,
  annualDiscountRate: number,
  month: number,
): Float64Array {
  const terms = new Float64Array(pairs.x.length * 3);
  for (let j = 0; j < pairs.x.length; j++) {
    const x = pairs.x[j];
    const T = pairs.T[j];
    const alive0 = probabilityAlive(params, x, T, T);
    const lifetime = lifetimeDiscountedPurchases(params, x, T, T, annualDiscountRate, month);
    terms[j * 3] = lifetime.value / alive0;
    terms[j * 3 + 1] = expectedPurchasesUnchecked(params, horizon, x, T, T) / alive0;
    terms[j * 3 + 2] = lifetime.months;
  }
  return terms;
}

function predictionsFrom(params: BgnbdParams, data: Customers, pairs: Pairs, terms: Float64Array) {
  const n = data.x.length;
  const det = new Float64Array(n);
  const expected = new Float64Array(n);
  const alive = new Float64Array(n);
  let longestMonths = 0;
  for (let j = 0; j < pairs.x.length; j++) longestMonths = Math.max(longestMonths, terms[j * 3 + 2]);
  for (let i = 0; i < n; i++) {
    const j = pairs.ofCustomer[i];
    alive[i] = probabilityAlive(params, data.x[i], data.tx[i], data.T[i]);
    det[i] = terms[j * 3] * alive[i];
    expected[i] = terms[j * 3 + 1] * alive[i];
  }
  return { det, horizon: expected, alive, longestMonths };
}

/**
 * Per customer: P(alive), E[Y(horizon)] and the discounted expected purchases over the
 * lifetime, Σ_k ΔE[Y]_k w_k to ≥ 95 % of the whole (CLV per unit of margin, as in clv.ts).
 *
 * Speed: E[Y(t) | x, t_x, T] = E[Y(t) | alive, x, T] · P(alive | x, t_x, T) (FHL eq. 10), and
 * the first factor, which costs one hypergeometric series per month of the horizon, depends on
 * (x, T) only. Customers share (x, T) a lot (T is whole days), so it is evaluated once per
 * distinct pair — using t_x = T as the representative, for which P(alive) is far from 0 — and
 * scaled by each customer's own P(alive). Same numbers as customerLifetimeValues (to rounding;
 * ~1e-4 relative right at a = 1, where bgnbd-predict bridges the singularity).
 */
export function groupedPredictions(params: BgnbdParams, data: Customers, horizon: number, annualDiscountRate: number) {
  const pairs = distinctPairs(data);
  return predictionsFrom(
    params,
    data,
    pairs,
    pairTerms(params, pairs, horizon, annualDiscountRate, monthInUnits(FIT_UNIT)),
  );
}

type HoldoutPeriod = { period: number; fromDay: number; toDay: number; observed: number; expected: number };
export type HoldoutCheck = {
  periodDays: number;
  /** First holdout day (days since the epoch). */
  splitDay: number;
  calibrationCustomers: number;
  params: BgnbdParams;
  converged: boolean;
  periods: HoldoutPeriod[];
};

/** How many holdout periods the history supports (0: too short for a check). */
export function holdoutPeriods(firstDay: number, endDay: number): number {
  const span = endDay + 1 - firstDay;
  return Number.isFinite(span) ? Math.min(MAX_HOLDOUT_PERIODS, Math.floor(span / 3 / HOLDOUT_PERIOD_DAYS)) : 0;
}

/**
 * Fit quality: refit BG/NBD on the history before `splitDay` and compare, per 4-week holdout
 * period, the repeat purchases the calibration customers were expected to make with what they
 * did (`observed`, from holdoutPurchasesByPeriod).
 */
export function holdoutCheck(
  history: CustomerHistory,
  splitDay: number,
  periods: number,
  observed: Map<number, number>,
  initial?: BgnbdParams,
): HoldoutCheck | null {
  const perUnit = daysPerUnit(FIT_UNIT);
  const x: number[] = [];
  const tx: number[] = [];
  const T: number[] = [];
  for (let i = 0; i < history.customerIds.length; i++) {
    if (history.firstDay[i] >= splitDay) continue;
    const xi = history.calPurchaseDays[i] - 1;
    x.push(xi);
    tx.push(xi > 0 ? (history.calLastDay[i] - history.firstDay[i]) / perUnit : 0);
    T.push((splitDay - 1 - history.firstDay[i]) / perUnit);
  }
  if (x.length < MIN_BGNBD_CUSTOMERS || !x.some((v) => v > 0)) return null;
  // Warm start from the full fit: the calibration optimum is close by, so BFGS needs few steps.
  const fit = fitBgnbd({ x, tx, T, unit: FIT_UNIT }, { initial });
  const len = HOLDOUT_PERIOD_DAYS / perUnit;
  const cumulative = new Float64Array(periods + 1);
  // Expected purchases of the calibration customers in the first k periods after the split
  // (the split day is one day after calibration ends: shift the window by one day). As in
  // groupedPredictions, the (x, T)-only factor is computed once per distinct pair.
  const shift = 1 / perUnit;
  const cache = new Map<string, Float64Array>();
  for (let i = 0; i < x.length; i++) {
    const key = `${x[i]}|${T[i]}`;
    let perAlive = cache.get(key);
    if (!perAlive) {
      perAlive = new Float64Array(periods + 1);
      const alive0 = probabilityAlive(fit.params, x[i], T[i], T[i]);
      const before = expectedPurchasesUnchecked(fit.params, shift, x[i], T[i], T[i]);
      for (let k = 1; k <= periods; k++)
        perAlive[k] = (expectedPurchasesUnchecked(fit.params, shift + k * len, x[i], T[i], T[i]) - before) / alive0;
      cache.set(key, perAlive);
    }
    const a = probabilityAlive(fit.params, x[i], tx[i], T[i]);
    for (let k = 1; k <= periods; k++) cumulative[k] += perAlive[k] * a;
  }
  const rows: HoldoutPeriod[] = [];
  for (let k = 0; k < periods; k++) {
    rows.push({
      period: k + 1,
      fromDay: splitDay + k * HOLDOUT_PERIOD_DAYS,
      toDay: splitDay + (k + 1) * HOLDOUT_PERIOD_DAYS - 1,
      observed: observed.get(k) ?? 0,
      expected: Math.round((cumulative[k + 1] - cumulative[k]) * 100) / 100,
    });
  }
  return {
    periodDays: HOLDOUT_PERIOD_DAYS,
    splitDay,
    calibrationCustomers: x.length,
    params: fit.params,
    converged: fit.converged,
    periods: rows,
  };
}

// ------------------------------------------------------------------------------ retention

export type RetentionSegment = {
  segment: "B2B" | "B2C";
  /** Annual margin per customer active in the last 12 months. */
  margin: number;
  /** Share of the customers active 13–24 months ago who bought again in the last 12 months. */
  retention: number;
  activeNow: number;
  activeBefore: number;
  retained: number;
  /** CLV of an active customer: m·r/(1+d−r). */
  clvPerActive: number;
  /** True when the segment had no customers a year earlier and the tenant-wide retention was used. */
  retentionFromTenant: boolean;
};

const MAX_RETENTION = 0.95;

/** Margin and retention per segment from year-over-year activity, and the CLV of an active customer. */
export function retentionSegments(activity: SegmentActivity[], annualDiscountRate: number): RetentionSegment[] {
  const before = activity.reduce((s, a) => s + a.activeBefore, 0);
  const retained = activity.reduce((s, a) => s + a.retained, 0);
  const tenantRetention = before > 0 ? retained / before : 0;
  return (["B2B", "B2C"] as const).map((segment) => {
    const a = activity.find((row) => row.segment === segment) ?? {
      segment,
      activeNow: 0,
      marginNow: 0,
      activeBefore: 0,
      retained: 0,
    };
    const margin = a.activeNow > 0 ? a.marginNow / a.activeNow : 0;
    const fromTenant = a.activeBefore === 0;
    const retention = Math.min(MAX_RETENTION, fromTenant ? tenantRetention : a.retained / a.activeBefore);
    const clvPerActive = retentionClv({ margin, retention, discountRate: annualDiscountRate });
    return {
      segment,
      margin,
      retention,
      activeNow: a.activeNow,
      activeBefore: a.activeBefore,
      retained: a.retained,
      clvPerActive,
      retentionFromTenant: fromTenant,
    };
  });
}

/** Active customers (a purchase in the last 365 days) are worth their segment's m·r/(1+d−r); lapsed ones 0. */
export function scoreRetention(segments: RetentionSegment[], history: CustomerHistory, endDay: number): CustomerScores {
  const n = history.customerIds.length;
  const scores: CustomerScores = {
    clv: new Float64Array(n),
    probabilityAlive: new Float64Array(n),
    expectedPurchases: new Float64Array(n).fill(NaN),
    expectedMargin: new Float64Array(n),
  };
  const bySegment = new Map(segments.map((s) => [s.segment, s]));
  for (let i = 0; i < n; i++) {
    const s = bySegment.get(history.segments[i])!;
    const active = history.lastDay[i] > endDay - 365;
    scores.clv[i] = active ? s.clvPerActive : 0;
    scores.probabilityAlive[i] = active ? s.retention : 0;
    scores.expectedMargin[i] = s.margin;
  }
  return scores;
}
