/**
 * BG/NBD predictions (Fader, Hardie & Lee 2005): probability a customer is still alive,
 * expected purchases in a future window, and population-level quantities for fit charts.
 * All times are in the unit the parameters were fitted in.
 */
import { validateParams, type BgnbdParams } from "./bgnbd-params";
import { hyp2f1 } from "./hypergeometric";
import { lgamma, logBeta } from "./special-functions";

/**
 * P(alive | x, t_x, T) = 1 / (1 + δ(x>0) · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x))  (FHL eq. 11).
 * A customer with no repeat purchase is alive with probability 1: in the BG/NBD dropout
 * can only happen right after a repeat purchase.
 */
export function probabilityAlive(params: BgnbdParams, x: number, tx: number, T: number): number {
  validateParams(params);
  validateCustomer(x, tx, T);
  return aliveUnchecked(params, x, tx, T);
}

function aliveUnchecked({ r, alpha, a, b }: BgnbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const logOdds = Math.log(a / (b + x - 1)) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  return 1 / (1 + Math.exp(logOdds));
}

/**
 * E[Y(t) | x, t_x, T]: expected purchases in (T, T+t] for a customer with that history
 * (FHL eq. 10):
 *
 *   (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · 2F1(r+x, b+x; a+b+x−1; t/(α+T+t))]
 *   · P(alive | x, t_x, T).
 *
 * Valid for a < 1 too (both factors change sign); a = 1 is a removable singularity which
 * we bridge by averaging a = 1 ± 1e-4.
 */
export function expectedPurchases(params: BgnbdParams, t: number, x: number, tx: number, T: number): number {
  validateParams(params);
  validateCustomer(x, tx, T);
  if (!(t >= 0) || !Number.isFinite(t)) throw new RangeError(`t must be finite and >= 0 (got ${t})`);
  return expectedPurchasesUnchecked(params, t, x, tx, T);
}

/** Same as expectedPurchases without argument checks, for hot loops over validated data. */
export function expectedPurchasesUnchecked(params: BgnbdParams, t: number, x: number, tx: number, T: number): number {
  if (t === 0) return 0;
  const { a } = params;
  if (Math.abs(a - 1) < 1e-6) {
    const below =
      expectedAliveUnchecked({ ...params, a: 1 - 1e-4 }, t, x, T) *
      aliveUnchecked({ ...params, a: 1 - 1e-4 }, x, tx, T);
    const above =
      expectedAliveUnchecked({ ...params, a: 1 + 1e-4 }, t, x, T) *
      aliveUnchecked({ ...params, a: 1 + 1e-4 }, x, tx, T);
    return (below + above) / 2;
  }
  return expectedAliveUnchecked(params, t, x, T) * aliveUnchecked(params, x, tx, T);
}

/**
 * The first two factors of FHL eq. 10: expected purchases given the customer is alive at T.
 *
 * Computed through Euler's transformation 2F1(A,B;C;z) = (1−z)^(C−A−B) 2F1(C−A, C−B; C; z):
 *   ((α+T)/(α+T+t))^(r+x) · 2F1(r+x, b+x; a+b+x−1; z) = (1−z)^(a−1) · 2F1(a+b−1−r, a−1; a+b+x−1; z).
 * The left form overflows double precision for frequent buyers (x in the hundreds, the 2F1
 * alone exceeds 1e308); on the right the upper parameters no longer grow with x, so the
 * series stays small and converges faster the larger x is.
 */
function expectedAliveUnchecked({ r, alpha, a, b }: BgnbdParams, t: number, x: number, T: number): number {
  const z = t / (alpha + T + t);
  const c = a + b + x - 1;
  const h = hyp2f1(a + b - 1 - r, a - 1, c, z);
  const logPower = (a - 1) * Math.log1p(-z); // ln (1−z)^(a−1)
  // 1 − e^L·h computed as −expm1(L + ln h) to keep digits when it is small (short t).
  const bracket = h > 0 ? -Math.expm1(logPower + Math.log(h)) : 1 - Math.exp(logPower) * h;
  return (c / (a - 1)) * bracket;
}

/**
 * E[X(t)]: expected repeat purchases in (0, t] for a randomly chosen new customer (FHL
 * eq. 9). Equals the conditional expectation of a customer just acquired (x = t_x = T = 0).
 */
export function expectedPurchasesUnconditional(params: BgnbdParams, t: number): number {
  return expectedPurchases(params, t, 0, 0, 0);
}

/**
 * P(X(t) = x): probability that a new customer makes exactly x repeat purchases in (0, t]
 * (FHL eq. 8), e.g. for the "predicted vs actual frequency" histogram.
 */
export function probabilityOfPurchases(params: BgnbdParams, t: number, x: number): number {
  validateParams(params);
  if (!Number.isInteger(x) || x < 0) throw new RangeError(`x must be a non-negative integer (got ${x})`);
  if (!(t >= 0) || !Number.isFinite(t)) throw new RangeError(`t must be finite and >= 0 (got ${t})`);
  const { r, alpha, a, b } = params;
  const logBetaAB = logBeta(a, b);
  const logStay = Math.log(alpha / (alpha + t)); // ln (α/(α+t))
  const z = t / (alpha + t);
  // Term 1: alive throughout and exactly x purchases (NBD pmf times beta-geometric survival).
  const logNbd = lgamma(r + x) - lgamma(r) - lgamma(x + 1) + r * logStay + (x > 0 ? x * Math.log(z) : 0);
  let probability = Math.exp(logBeta(a, b + x) - logBetaAB + logNbd);
  if (x > 0) {
    // Term 2: dropped out right after the x-th purchase, which needs at least x purchases
    // under the NBD: P(N ≥ x).
    probability += Math.exp(logBeta(a + 1, b + x - 1) - logBetaAB) * nbdUpperTail(r, logStay, z, x);
  }
  return probability;
}

const TAIL_TOLERANCE = 1e-17;
const MAX_TAIL_TERMS = 10_000_000;

/**
 * P(N ≥ x) for N ~ NBD(r, α/(α+t)), z = t/(α+t). Below the median it is 1 − Σ_{j<x} pmf(j)
 * (the sum is ≤ ½, so nothing cancels); beyond it the tail is tiny and 1 − Σ would cancel
 * (relative error ~1e7 at x = 500), so it is summed directly from pmf(x) upwards, the first
 * term taken in log space.
 */
function nbdUpperTail(r: number, logStay: number, z: number, x: number): number {
  if (x <= 0) return 1;
  let term = 1;
  let sum = 1;
  for (let j = 1; j < x; j++) {
    term *= ((r + j - 1) / j) * z;
    sum += term;
  }
  const below = Math.exp(r * logStay) * sum;
  if (below <= 0.5) return 1 - below;
  const logFirst = lgamma(r + x) - lgamma(r) - lgamma(x + 1) + r * logStay + x * Math.log(z);
  let tail = 1;
  term = 1;
  for (let j = x; j < x + MAX_TAIL_TERMS; j++) {
    const ratio = ((r + j) / (j + 1)) * z;
    term *= ratio;
    tail += term;
    if (ratio < 1 && term <= TAIL_TOLERANCE * tail) return Math.exp(logFirst) * tail;
  }
  throw new RangeError(`P(N >= ${x}) did not converge (r=${r}, z=${z})`);
}

export interface CustomerPredictions {
  probabilityAlive: Float64Array;
  /** Expected purchases in the next `horizon` time units. */
  expectedPurchases: Float64Array;
}

/** P(alive) and E[Y(horizon)] for every customer of a summary. */
export function predictCustomers(
  params: BgnbdParams,
  data: { x: ArrayLike<number>; tx: ArrayLike<number>; T: ArrayLike<number> },
  horizon: number,
): CustomerPredictions {
  validateParams(params);
  if (!(horizon >= 0) || !Number.isFinite(horizon))
    throw new RangeError(`horizon must be finite and >= 0 (got ${horizon})`);
  const n = data.x.length;
  const alive = new Float64Array(n);
  const expected = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    validateCustomer(data.x[i], data.tx[i], data.T[i]);
    alive[i] = aliveUnchecked(params, data.x[i], data.tx[i], data.T[i]);
    expected[i] = expectedPurchasesUnchecked(params, horizon, data.x[i], data.tx[i], data.T[i]);
  }
  return { probabilityAlive: alive, expectedPurchases: expected };
}

export function validateCustomer(x: number, tx: number, T: number): void {
  if (!Number.isInteger(x) || x < 0) throw new RangeError(`x must be a non-negative integer (got ${x})`);
  if (!(T >= 0) || !Number.isFinite(T)) throw new RangeError(`T must be finite and >= 0 (got ${T})`);
  if (x > 0 && !(tx >= 0 && tx <= T)) throw new RangeError(`tx must be in [0, T] (got ${tx}, T=${T})`);
}
