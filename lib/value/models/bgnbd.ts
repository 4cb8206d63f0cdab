/**
 * BG/NBD model (Fader, Hardie & Lee 2005, "Counting your customers the easy way"):
 * likelihood and maximum-likelihood fit. Predictions live in bgnbd-predict.ts.
 *
 * Per customer with summary (x, t_x, T) the likelihood is (FHL eq. 6)
 *
 *   L = B(a, b+x)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+T)^(r+x))
 *     + δ(x>0) · B(a+1, b+x-1)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+t_x)^(r+x)),
 *
 * evaluated in log space as  A(x) + ln[(α+T)^-(r+x) + δ a/(b+x-1) (α+t_x)^-(r+x)]  with
 * A(x) = lnΓ(r+x) − lnΓ(r) + r ln α + lnΓ(b+x) + lnΓ(a+b) − lnΓ(b) − lnΓ(a+b+x), and the
 * log-sum computed as max + log1p(exp(−|d|)) so neither term can under/overflow.
 *
 * Speed: everything that depends only on x (all the log-gammas and digammas) is tabulated
 * once per evaluation for the distinct x values, identical (x, t_x, T) rows are merged with
 * weights, and the per-customer loop then costs two logs, one exp and one log1p with no
 * allocation. The gradient is analytic and nearly free, so BFGS needs few evaluations.
 *
 * Parameters are optimised as logs (so they stay positive) and confined to
 * |ln θ| <= LOG_PARAM_BOUND; outside that box the objective is +∞ and the line search
 * backs off.
 */
import { compileBgnbdData, type BgnbdData, type CompiledBgnbdData } from "./bgnbd-data";
import { minimizeBfgs } from "./optimize-bfgs";
import { minimizeNelderMead } from "./optimize-nelder-mead";
import { digamma, lgamma } from "./special-functions";
import type { TimeUnit } from "./time-units";
import { validateParams, type BgnbdParams } from "./bgnbd-params";

export type { BgnbdParams } from "./bgnbd-params";
export { compileBgnbdData, type BgnbdData } from "./bgnbd-data";

export interface BgnbdFitOptions {
  initial?: BgnbdParams;
  maxIterations?: number;
  /** Tolerance on the gradient of the mean log-likelihood w.r.t. the log-parameters. */
  gradientTolerance?: number;
}

export interface BgnbdFit {
  params: BgnbdParams;
  /** Total log-likelihood (depends on the time unit: densities are per unit of time). */
  logLikelihood: number;
  iterations: number;
  converged: boolean;
  /**
   * A parameter ran off towards 0 or ∞ (|ln θ| > DEGENERATE_LOG_PARAM, with α measured
   * relative to the mean T so the check does not depend on the time unit): the data cannot
   * pin the model down (e.g. nobody repeated, or nobody lapsed). The optimum may still be
   * "converged", but its predictions deserve suspicion.
   */
  degenerate: boolean;
  customers: number;
  unit?: TimeUnit;
}

const LOG_PARAM_BOUND = 25;
const DEGENERATE_LOG_PARAM = 10; // θ outside [4.5e-5, 2.2e4]: far beyond any plausible fit

/**
 * Mean negative log-likelihood as a function of θ = (ln r, ln α, ln a, ln b), with its
 * gradient w.r.t. θ. Scratch tables are allocated once, here, not per evaluation.
 */
export function bgnbdObjective(data: CompiledBgnbdData) {
  const size = data.maxX + 1;
  const base = new Float64Array(size); // A(x)
  const logRatioCoef = new Float64Array(size); // ln a − ln(b+x−1)
  const invBx1 = new Float64Array(size); // 1/(b+x−1)
  const dBaseDr = new Float64Array(size);
  const dBaseDa = new Float64Array(size);
  const dBaseDb = new Float64Array(size);
  const { x: xs, tx: txs, T: Ts, weight: ws, distinctX, totalWeight } = data;
  const rows = xs.length;

  return (theta: Float64Array, gradient: Float64Array): number => {
    for (let i = 0; i < 4; i++) if (!(Math.abs(theta[i]) <= LOG_PARAM_BOUND)) return Infinity;
    const r = Math.exp(theta[0]);
    const alpha = Math.exp(theta[1]);
    const a = Math.exp(theta[2]);
    const b = Math.exp(theta[3]);
    const logAlpha = theta[1];
    const logA = theta[2];
    const lgR = lgamma(r);
    const lgB = lgamma(b);
    const lgAB = lgamma(a + b);
    const psiR = digamma(r);
    const psiB = digamma(b);
    const psiAB = digamma(a + b);
    for (let k = 0; k < distinctX.length; k++) {
      const x = distinctX[k];
      const lgABX = lgamma(a + b + x);
      const psiABX = digamma(a + b + x);
      base[x] = lgamma(r + x) - lgR + r * logAlpha + lgamma(b + x) - lgB + lgAB - lgABX;
      dBaseDr[x] = digamma(r + x) - psiR + logAlpha;
      dBaseDa[x] = psiAB - psiABX;
      dBaseDb[x] = psiAB + digamma(b + x) - psiB - psiABX;
      if (x > 0) {
        invBx1[x] = 1 / (b + x - 1);
        logRatioCoef[x] = logA - Math.log(b + x - 1);
      }
    }

    let ll = 0;
    let gR = 0;
    let gAlpha = 0;
    let gA = 0;
    let gB = 0;
    for (let i = 0; i < rows; i++) {
      const x = xs[i];
      const w = ws[i];
      const rx = r + x;
      const alphaT = alpha + Ts[i];
      const logAlphaT = Math.log(alphaT);
      let li = base[x] - rx * logAlphaT;
      let dr = dBaseDr[x] - logAlphaT;
      let dAlpha = -rx / alphaT;
      let da = dBaseDa[x];
      let db = dBaseDb[x];
      if (x > 0) {
        const alphaTx = alpha + txs[i];
        const logGap = logAlphaT - Math.log(alphaTx);
        // d = ln(second term / first term). The second term's share of the likelihood is the
        // posterior probability of having dropped out after the last purchase, 1 − P(alive).
        const d = logRatioCoef[x] + rx * logGap;
        let share: number;
        if (d > 0) {
          const e = Math.exp(-d);
          li += d + Math.log1p(e);
          share = 1 / (1 + e);
        } else {
          const e = Math.exp(d);
          li += Math.log1p(e);
          share = e / (1 + e);
        }
        dr += share * logGap;
        dAlpha += share * rx * (1 / alphaT - 1 / alphaTx);
        da += share / a;
        db -= share * invBx1[x];
      }
      ll += w * li;
      gR += w * dr;
      gAlpha += w * dAlpha;
      gA += w * da;
      gB += w * db;
    }
    gAlpha += (totalWeight * r) / alpha; // from r ln α, identical for every customer
    // Chain rule to log-parameters, negated and averaged (we minimise the mean NLL).
    gradient[0] = (-r * gR) / totalWeight;
    gradient[1] = (-alpha * gAlpha) / totalWeight;
    gradient[2] = (-a * gA) / totalWeight;
    gradient[3] = (-b * gB) / totalWeight;
    return -ll / totalWeight;
  };
}

/** Total log-likelihood of the data under `params` (weeks vs days shifts it by a constant). */
export function bgnbdLogLikelihood(params: BgnbdParams, data: BgnbdData): number {
  validateParams(params);
  const compiled = compileBgnbdData(data);
  const objective = bgnbdObjective(compiled);
  const value = objective(toTheta(params), new Float64Array(4));
  return -value * compiled.totalWeight;
}

export function fitBgnbd(data: BgnbdData, options: BgnbdFitOptions = {}): BgnbdFit {
  const compiled = compileBgnbdData(data);
  const objective = bgnbdObjective(compiled);
  const start = toTheta(options.initial ?? defaultStart(compiled));
  const maxIterations = options.maxIterations ?? 500;
  const gradientTolerance = options.gradientTolerance ?? 1e-9;

  let result = minimizeBfgs(objective, start, { maxIterations, gradientTolerance });
  let iterations = result.iterations;
  if (!result.converged) {
    // Rare: BFGS stalled (flat or awkward region). Let the simplex walk out of it, then polish.
    const scratch = new Float64Array(4);
    const simplex = minimizeNelderMead((theta) => objective(theta, scratch), result.x, { maxEvaluations: 4000 });
    iterations += simplex.iterations;
    const polished = minimizeBfgs(objective, simplex.x, { maxIterations, gradientTolerance });
    iterations += polished.iterations;
    result = polished.value <= result.value ? polished : result;
  }
  return {
    params: fromTheta(result.x),
    logLikelihood: -result.value * compiled.totalWeight,
    iterations,
    converged: result.converged,
    degenerate: isDegenerate(result.x, compiled),
    customers: compiled.totalWeight,
    unit: data.unit,
  };
}

function isDegenerate(theta: Float64Array, data: CompiledBgnbdData): boolean {
  let sumT = 0;
  for (let i = 0; i < data.T.length; i++) sumT += data.weight[i] * data.T[i];
  const logMeanT = Math.log(Math.max(sumT / data.totalWeight, 1e-12));
  const scaleFree = [theta[0], theta[1] - logMeanT, theta[2], theta[3]];
  return scaleFree.some((v) => Math.abs(v) > DEGENERATE_LOG_PARAM);
}

/** Start at r = a = b = 1 with α matched to the observed purchase rate (unit-invariant). */
function defaultStart(data: CompiledBgnbdData): BgnbdParams {
  let sumX = 0;
  let sumT = 0;
  for (let i = 0; i < data.x.length; i++) {
    sumX += data.weight[i] * data.x[i];
    sumT += data.weight[i] * data.T[i];
  }
  const rate = sumX / Math.max(sumT, 1e-12);
  const alpha = rate > 0 ? 1 / rate : Math.max(sumT / data.totalWeight, 1);
  return { r: 1, alpha: Math.min(Math.max(alpha, 1e-6), 1e6), a: 1, b: 1 };
}

function toTheta(p: BgnbdParams): Float64Array {
  return Float64Array.from([Math.log(p.r), Math.log(p.alpha), Math.log(p.a), Math.log(p.b)]);
}

function fromTheta(theta: Float64Array): BgnbdParams {
  return { r: Math.exp(theta[0]), alpha: Math.exp(theta[1]), a: Math.exp(theta[2]), b: Math.exp(theta[3]) };
}
