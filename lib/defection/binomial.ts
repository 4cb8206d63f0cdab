/**
 * An exact, seeded Binomial(n, p) sampler for the defection bootstrap (issue 19, part 4).
 *
 * Resampling n customers with replacement from an arm where k bought again gives exactly
 * Binomial(n, k/n) buyers, so one draw per arm replaces n per-customer draws.
 *
 * Method: inversion with one uniform, searching outward from the mode (Kemp's alternating
 * search): the probabilities f(mode), f(mode − 1), f(mode + 1), f(mode − 2), … are subtracted
 * from the uniform until it falls below zero. Any fixed order of the outcomes is an exact
 * inversion; starting at the mode makes the expected number of steps O(√(n·p·(1 − p))) instead
 * of O(n·p). f(mode) comes from a table of log-factorials; the neighbours follow by the ratio
 * f(k + 1) / f(k) = (n − k) / (k + 1) · p / (1 − p). No approximation (no normal, no BTPE
 * acceptance region): the only error is floating-point rounding of the probabilities, and a
 * uniform left over after every outcome (total mass rounding below 1) returns the mode.
 */
import type { Rng } from "@/lib/seed/random";

export type BinomialSampler = (n: number, p: number) => number;

/** A sampler for n up to `maxN`, drawing one uniform per call from `rng`. */
export function createBinomialSampler(rng: Rng, maxN: number): BinomialSampler {
  const logFactorial = new Float64Array(maxN + 1);
  for (let i = 2; i <= maxN; i++) logFactorial[i] = logFactorial[i - 1] + Math.log(i);
  return (n, p) => {
    if (!(n >= 0 && n <= maxN && Number.isInteger(n))) throw new RangeError(`binomial: n = ${n} outside 0…${maxN}`);
    if (!(p >= 0 && p <= 1)) throw new RangeError(`binomial: p = ${p} outside [0, 1]`);
    if (n === 0 || p === 0) return 0;
    if (p === 1) return n;
    const q = 1 - p;
    const mode = Math.min(n, Math.floor((n + 1) * p));
    const atMode = Math.exp(
      logFactorial[n] - logFactorial[mode] - logFactorial[n - mode] + mode * Math.log(p) + (n - mode) * Math.log(q),
    );
    let u = rng.next() - atMode;
    if (u < 0) return mode;
    const up = p / q;
    let lo = mode;
    let hi = mode;
    let fLo = atMode;
    let fHi = atMode;
    while (lo > 0 || hi < n) {
      if (lo > 0) {
        fLo *= lo / (n - lo + 1) / up;
        lo--;
        u -= fLo;
        if (u < 0) return lo;
      }
      if (hi < n) {
        fHi *= ((n - hi) / (hi + 1)) * up;
        hi++;
        u -= fHi;
        if (u < 0) return hi;
      }
    }
    return mode;
  };
}
