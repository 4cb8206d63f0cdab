/**
 * Deterministic random sampling for synthetic customer bases: parameter-recovery tests,
 * benchmarks and demo data. Seeded so results are reproducible run to run.
 */
import type { BgnbdParams } from "./bgnbd-params";
import type { GammaGammaParams } from "./gamma-gamma";

/** Uniform generator on [0, 1). */
export type Random = () => number;

/** mulberry32: tiny 32-bit PRNG, good enough for simulation (not for cryptography). */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Uniform on (0, 1): never exactly 0, so logs of it are finite. */
function openUniform(random: Random): number {
  let u = random();
  while (u === 0) u = random();
  return u;
}

function sampleNormal(random: Random): number {
  // Box-Muller; one of the pair is discarded to keep the generator stateless.
  return Math.sqrt(-2 * Math.log(openUniform(random))) * Math.cos(2 * Math.PI * random());
}

export function sampleExponential(random: Random, rate: number): number {
  return -Math.log(openUniform(random)) / rate;
}

/**
 * Gamma(shape, rate) by Marsaglia & Tsang (2000). For shape < 1 sample shape + 1 and scale
 * by U^(1/shape), the standard boost.
 */
export function sampleGamma(random: Random, shape: number, rate = 1): number {
  if (!(shape > 0) || !(rate > 0)) throw new RangeError("sampleGamma: shape and rate must be > 0");
  if (shape < 1) return sampleGamma(random, shape + 1, rate) * Math.pow(openUniform(random), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let z: number;
    let v: number;
    do {
      z = sampleNormal(random);
      v = 1 + c * z;
    } while (v <= 0);
    v = v * v * v;
    const u = openUniform(random);
    if (u < 1 - 0.0331 * z ** 4 || Math.log(u) < 0.5 * z * z + d * (1 - v + Math.log(v))) return (d * v) / rate;
  }
}

export function sampleBeta(random: Random, a: number, b: number): number {
  const x = sampleGamma(random, a);
  const y = sampleGamma(random, b);
  return x / (x + y);
}

export interface SimulatedBgnbdCustomers {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
}

/**
 * Customers drawn from the BG/NBD story: λ ~ Gamma(r, α), p ~ Beta(a, b); purchases follow
 * a Poisson process with rate λ after the first purchase at time 0; after each repeat
 * purchase the customer drops out with probability p. Observation lengths T are drawn
 * uniformly from [minT, maxT] (a cohort acquired over a period).
 */
export function simulateBgnbd(
  params: BgnbdParams,
  count: number,
  options: { minT: number; maxT: number; seed: number },
): SimulatedBgnbdCustomers {
  const random = mulberry32(options.seed);
  const x = new Float64Array(count);
  const tx = new Float64Array(count);
  const T = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const lambda = sampleGamma(random, params.r, params.alpha);
    const p = sampleBeta(random, params.a, params.b);
    const horizon = options.minT + (options.maxT - options.minT) * random();
    let time = 0;
    let purchases = 0;
    let last = 0;
    for (;;) {
      time += sampleExponential(random, lambda);
      if (time > horizon) break;
      purchases++;
      last = time;
      if (random() < p) break; // dropped out right after this purchase
    }
    x[i] = purchases;
    tx[i] = last;
    T[i] = horizon;
  }
  return { x, tx, T };
}

/**
 * Mean spend of x transactions per customer under the Gamma-Gamma model: ν ~ Gamma(q, γ),
 * each transaction ~ Gamma(p, ν). Customers with x = 0 get NaN (no repeat spend).
 */
export function simulateGammaGammaMeans(params: GammaGammaParams, x: ArrayLike<number>, seed: number): Float64Array {
  const random = mulberry32(seed);
  const means = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const nu = sampleGamma(random, params.q, params.gamma);
    if (x[i] === 0) {
      means[i] = NaN;
      continue;
    }
    // The sum of x Gamma(p, ν) draws is Gamma(px, ν): one draw instead of x.
    means[i] = sampleGamma(random, params.p * x[i], nu) / x[i];
  }
  return means;
}
