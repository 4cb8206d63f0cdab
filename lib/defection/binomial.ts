/**
 * An exact, seeded Binomial(n, p) sampler for the defection bootstrap (issue 19, part 4).
 *
 * Resampling n customers with replacement from an arm where k bought again gives exactly
 * Binomial(n, k/n) buyers, so one draw per arm replaces n per-customer draws.
 *
 * Method: inversion with one uniform, searching outward from the mode (Kemp's alternating
 * search): the uniform is compared with the running sum of f(mode), f(mode − 1), f(mode + 1),
 * f(mode − 2), … until it falls below it. Any fixed order of the outcomes is an exact
 * inversion; starting at the mode makes the expected number of steps O(√(n·p·(1 − p))) instead
 * of O(n·p). f(mode) comes from a table of log-factorials; the neighbours follow by the ratio
 * f(k + 1) / f(k) = (n − k) / (k + 1) · p / (1 − p). No approximation (no normal, no BTPE
 * acceptance region): the only error is floating-point rounding of the probabilities, and a
 * uniform left over after every outcome (total mass rounding below 1) returns the mode.
 *
 * The bootstrap draws each arm's (n, p) a thousand times, so the search's order and running
 * probabilities are tabled once per (n, p) (binomialInverse) and a draw only compares its uniform.
 */
import type { Rng } from "@/lib/seed/random";

export type BinomialSampler = (n: number, p: number) => number;

/** A sampler for n up to `maxN`, drawing one uniform per call from `rng` (tables the (n, p) of each call). */
export function createBinomialSampler(rng: Rng, maxN: number): BinomialSampler {
  const logFactorial = logFactorials(maxN);
  const next = () => rng.next();
  return (n, p) => binomialInverse(logFactorial, n, p)(next);
}

/** log(i!) for i = 0…maxN. */
export function logFactorials(maxN: number): Float64Array {
  const logFactorial = new Float64Array(maxN + 1);
  for (let i = 2; i <= maxN; i++) logFactorial[i] = logFactorial[i - 1] + Math.log(i);
  return logFactorial;
}

/**
 * The inversion of Binomial(n, p): the outcomes in the search's order (mode, mode − 1, mode + 1, …)
 * with their running probability, tabled once; a draw takes one uniform from `next` (none when the
 * outcome is certain: n = 0, p = 0 or p = 1). `logFactorial` holds log(i!) for i = 0…n at least (logFactorials).
 */
export function binomialInverse(logFactorial: Float64Array, n: number, p: number): (next: () => number) => number {
  const maxN = logFactorial.length - 1;
  if (!(n >= 0 && n <= maxN && Number.isInteger(n))) throw new RangeError(`binomial: n = ${n} outside 0…${maxN}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`binomial: p = ${p} outside [0, 1]`);
  if (n === 0 || p === 0) return () => 0;
  if (p === 1) return () => n;
  const q = 1 - p;
  const mode = Math.min(n, Math.floor((n + 1) * p));
  const atMode = Math.exp(
    logFactorial[n] - logFactorial[mode] - logFactorial[n - mode] + mode * Math.log(p) + (n - mode) * Math.log(q),
  );
  const outcomes = new Int32Array(n + 1);
  const cumulative = new Float64Array(n + 1);
  outcomes[0] = mode;
  cumulative[0] = atMode;
  const up = p / q;
  let lo = mode;
  let hi = mode;
  let fLo = atMode;
  let fHi = atMode;
  let i = 1;
  while (lo > 0 || hi < n) {
    if (lo > 0) {
      fLo *= lo / (n - lo + 1) / up;
      lo--;
      outcomes[i] = lo;
      cumulative[i] = cumulative[i - 1] + fLo;
      i++;
    }
    if (hi < n) {
      fHi *= ((n - hi) / (hi + 1)) * up;
      hi++;
      outcomes[i] = hi;
      cumulative[i] = cumulative[i - 1] + fHi;
      i++;
    }
  }
  return (next) => {
    const u = next();
    for (let k = 0; k <= n; k++) if (u < cumulative[k]) return outcomes[k];
    return mode;
  };
}
