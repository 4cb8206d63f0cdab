/**
 * Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV: using iso-value curves
 * for customer base analysis"; Colombo & Jiang 1999).
 *
 * Each transaction value z ~ Gamma(p, ν) (shape p, rate ν) and ν ~ Gamma(q, γ) across
 * customers. For a customer with x repeat transactions averaging m̄, x·m̄ ~ Gamma(px, ν),
 * and integrating ν out gives the likelihood of m̄:
 *
 *   f(m̄ | p, q, γ, x) = Γ(px+q) / (Γ(px) Γ(q)) · γ^q m̄^(px−1) x^(px) / (γ + x m̄)^(px+q)
 *
 * Fitted on customers with x > 0 (the first purchase is excluded from m̄ by convention,
 * see rfm.ts). Like the BG/NBD fit we optimise log-parameters with BFGS and analytic
 * gradients, tabulating the log-gammas per distinct x.
 */
import { minimizeBfgs } from "./optimize-bfgs";
import { minimizeNelderMead } from "./optimize-nelder-mead";
import { digamma, lgamma } from "./special-functions";

export interface GammaGammaParams {
  /** Shape of the per-transaction gamma. */
  p: number;
  /** Shape of the gamma distribution of customers' rate ν. */
  q: number;
  /** Rate of that gamma, in currency units. */
  gamma: number;
}

export interface GammaGammaData {
  /** Repeat purchases per customer. */
  x: ArrayLike<number>;
  /** Mean value of those repeat purchases. */
  meanMargin: ArrayLike<number>;
}

export interface GammaGammaFitOptions {
  initial?: GammaGammaParams;
  maxIterations?: number;
  gradientTolerance?: number;
}

export interface GammaGammaFit {
  params: GammaGammaParams;
  logLikelihood: number;
  iterations: number;
  converged: boolean;
  /**
   * A parameter ran off towards 0 or ∞ (|ln θ| > 10, with γ measured relative to the mean
   * spend so the currency does not matter), typically because all customers
   * spend alike (no heterogeneity for q, γ to describe) or there are too few of them.
   */
  degenerate: boolean;
  /** Customers used (x > 0 and a positive, finite mean). */
  customers: number;
  /** Customers skipped because x = 0 or their mean margin was not positive. */
  excluded: number;
}

const LOG_PARAM_BOUND = 25;
const DEGENERATE_LOG_PARAM = 10; // θ outside [4.5e-5, 2.2e4]

interface SpendRows {
  x: Int32Array;
  logX: Float64Array;
  mean: Float64Array;
  logMean: Float64Array;
  distinctX: Int32Array;
  maxX: number;
}

/**
 * Keeps the rows the model applies to: x > 0 (no repeat spend otherwise) and m̄ > 0 (the
 * gamma density is zero at 0 — e.g. free repeat orders — so such customers cannot be used).
 */
function selectRows(data: GammaGammaData): { rows: SpendRows; excluded: number } {
  if (data.x.length !== data.meanMargin.length) throw new RangeError("x and meanMargin must have the same length");
  const x: number[] = [];
  const mean: number[] = [];
  for (let i = 0; i < data.x.length; i++) {
    const xi = data.x[i];
    const mi = data.meanMargin[i];
    if (!Number.isInteger(xi) || xi < 0) throw new RangeError(`x[${i}] must be a non-negative integer (got ${xi})`);
    if (xi > 0 && mi > 0 && Number.isFinite(mi)) {
      x.push(xi);
      mean.push(mi);
    }
  }
  if (x.length === 0)
    throw new RangeError("Gamma-Gamma needs at least one customer with x > 0 and a positive mean margin");
  const distinct = [...new Set(x)].sort((u, v) => u - v);
  return {
    rows: {
      x: Int32Array.from(x),
      logX: Float64Array.from(x, Math.log),
      mean: Float64Array.from(mean),
      logMean: Float64Array.from(mean, Math.log),
      distinctX: Int32Array.from(distinct),
      maxX: distinct[distinct.length - 1],
    },
    excluded: data.x.length - x.length,
  };
}

/** Mean negative log-likelihood in θ = (ln p, ln q, ln γ), with its gradient. */
function gammaGammaObjective(rows: SpendRows) {
  const size = rows.maxX + 1;
  const logGammaRatio = new Float64Array(size); // lnΓ(px+q) − lnΓ(px)
  const psiSum = new Float64Array(size); // ψ(px+q)
  const psiDiff = new Float64Array(size); // ψ(px+q) − ψ(px)
  const { x: xs, logX, mean, logMean, distinctX } = rows;
  const n = xs.length;

  return (theta: Float64Array, gradient: Float64Array): number => {
    for (let i = 0; i < 3; i++) if (!(Math.abs(theta[i]) <= LOG_PARAM_BOUND)) return Infinity;
    const p = Math.exp(theta[0]);
    const q = Math.exp(theta[1]);
    const gamma = Math.exp(theta[2]);
    const logGamma = theta[2];
    for (let k = 0; k < distinctX.length; k++) {
      const x = distinctX[k];
      const px = p * x;
      logGammaRatio[x] = lgamma(px + q) - lgamma(px);
      psiSum[x] = digamma(px + q);
      psiDiff[x] = psiSum[x] - digamma(px);
    }
    const lgQ = lgamma(q);
    const psiQ = digamma(q);

    let ll = 0;
    let gP = 0;
    let gQ = 0;
    let gGamma = 0;
    for (let i = 0; i < n; i++) {
      const x = xs[i];
      const px = p * x;
      const spend = gamma + x * mean[i];
      const logSpend = Math.log(spend);
      ll += logGammaRatio[x] - lgQ + q * logGamma + (px - 1) * logMean[i] + px * logX[i] - (px + q) * logSpend;
      gP += x * (psiDiff[x] + logMean[i] + logX[i] - logSpend);
      gQ += psiSum[x] - psiQ + logGamma - logSpend;
      gGamma += q / gamma - (px + q) / spend;
    }
    gradient[0] = (-p * gP) / n;
    gradient[1] = (-q * gQ) / n;
    gradient[2] = (-gamma * gGamma) / n;
    return -ll / n;
  };
}

export function gammaGammaLogLikelihood(params: GammaGammaParams, data: GammaGammaData): number {
  validateGammaGammaParams(params);
  const { rows } = selectRows(data);
  const value = gammaGammaObjective(rows)(toTheta(params), new Float64Array(3));
  return -value * rows.x.length;
}

export function fitGammaGamma(data: GammaGammaData, options: GammaGammaFitOptions = {}): GammaGammaFit {
  const { rows, excluded } = selectRows(data);
  const objective = gammaGammaObjective(rows);
  const start = toTheta(options.initial ?? defaultStart(rows));
  const maxIterations = options.maxIterations ?? 500;
  const gradientTolerance = options.gradientTolerance ?? 1e-9;

  let result = minimizeBfgs(objective, start, { maxIterations, gradientTolerance });
  let iterations = result.iterations;
  if (!result.converged) {
    const scratch = new Float64Array(3);
    const simplex = minimizeNelderMead((theta) => objective(theta, scratch), result.x, { maxEvaluations: 3000 });
    const polished = minimizeBfgs(objective, simplex.x, { maxIterations, gradientTolerance });
    iterations += simplex.iterations + polished.iterations;
    if (polished.value <= result.value) result = polished;
  }
  return {
    params: fromTheta(result.x),
    logLikelihood: -result.value * rows.x.length,
    iterations,
    converged: result.converged,
    degenerate: isDegenerate(result.x, rows),
    customers: rows.x.length,
    excluded,
  };
}

/**
 * E[M | m̄, x] = p(γ + x m̄) / (px + q − 1): a credibility-weighted blend of the population
 * mean pγ/(q−1) and the customer's own mean m̄, the latter weighted more as x grows.
 * With x = 0 (or no usable m̄) this is the population mean, which needs q > 1.
 */
export function expectedAverageMargin(params: GammaGammaParams, meanMargin: number, x: number): number {
  validateGammaGammaParams(params);
  const { p, q, gamma } = params;
  if (!Number.isInteger(x) || x < 0) throw new RangeError(`x must be a non-negative integer (got ${x})`);
  if (x > 0 && meanMargin < 0) {
    throw new RangeError(
      `Mean spend per purchase must not be negative (got ${meanMargin}): the Gamma-Gamma model is defined for positive spend only`,
    );
  }
  const hasHistory = x > 0 && Number.isFinite(meanMargin);
  const denominator = hasHistory ? p * x + q - 1 : q - 1;
  if (!(denominator > 0)) {
    throw new RangeError(
      `Expected spend is infinite when px + q <= 1 (p=${p}, q=${q}, x=${x}); the fit suggests q <= 1`,
    );
  }
  return hasHistory ? (p * (gamma + x * meanMargin)) / denominator : (p * gamma) / denominator;
}

/** Population mean transaction value pγ/(q−1) (requires q > 1). */
export function populationAverageMargin(params: GammaGammaParams): number {
  return expectedAverageMargin(params, NaN, 0);
}

function validateGammaGammaParams(params: GammaGammaParams): void {
  for (const key of ["p", "q", "gamma"] as const) {
    if (!(params[key] > 0) || !Number.isFinite(params[key])) {
      throw new RangeError(`Gamma-Gamma parameter ${key} must be finite and > 0 (got ${params[key]})`);
    }
  }
}

function isDegenerate(theta: Float64Array, rows: SpendRows): boolean {
  const scaleFree = [theta[0], theta[1], theta[2] - Math.log(meanSpend(rows))];
  return scaleFree.some((v) => Math.abs(v) > DEGENERATE_LOG_PARAM);
}

function meanSpend(rows: SpendRows): number {
  let sum = 0;
  for (let i = 0; i < rows.mean.length; i++) sum += rows.mean[i];
  return sum / rows.mean.length;
}

/** p = 1, q = 2 and γ chosen so the population mean pγ/(q−1) equals the sample mean. */
function defaultStart(rows: SpendRows): GammaGammaParams {
  return { p: 1, q: 2, gamma: meanSpend(rows) };
}

function toTheta(p: GammaGammaParams): Float64Array {
  return Float64Array.from([Math.log(p.p), Math.log(p.q), Math.log(p.gamma)]);
}

function fromTheta(theta: Float64Array): GammaGammaParams {
  return { p: Math.exp(theta[0]), q: Math.exp(theta[1]), gamma: Math.exp(theta[2]) };
}
