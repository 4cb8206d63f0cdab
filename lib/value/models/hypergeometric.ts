/**
 * Gauss hypergeometric function 2F1(a, b; c; z) for real arguments and z < 1.
 *
 * The BG/NBD conditional expectation needs 2F1 with z = t / (α + T + t) ∈ [0, 1). The plain
 * power series converges there, but ever more slowly as z → 1 (long horizons, young
 * customers), so above SERIES_LIMIT we switch to the classical 1 - z transformation
 * (Abramowitz & Stegun 15.3.6) whose two series converge fast. That transformation has
 * removable poles when c - a - b is an integer, and its two halves can cancel badly near
 * them; whenever that happens we stay with the direct series, which is exact (only slower).
 */
import { gammaSign, lgamma } from "./special-functions";

const SERIES_LIMIT = 0.9;
// The two halves of the transformation can be huge and of opposite sign (near the poles
// at integer c − a − b, or with large parameters). When they cancel by more than this
// factor the result would lose too many digits, so we use the slow-but-exact series.
const MAX_CANCELLATION = 100;
const RELATIVE_TOLERANCE = 1e-15;
const MAX_TERMS = 10_000_000;

export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (![a, b, c, z].every(Number.isFinite)) throw new RangeError("hyp2f1: arguments must be finite");
  if (z >= 1) throw new RangeError(`hyp2f1: z must be < 1 (got ${z})`);
  if (c <= 0 && Number.isInteger(c)) throw new RangeError(`hyp2f1: c must not be a non-positive integer (got ${c})`);
  if (z === 0 || a === 0 || b === 0) return 1;
  if (z < 0) {
    // Pfaff: 2F1(a,b;c;z) = (1-z)^(-a) 2F1(a, c-b; c; z/(z-1)), mapping (-∞, 0) onto (0, 1).
    return Math.pow(1 - z, -a) * hyp2f1(a, c - b, c, z / (z - 1));
  }
  const s = c - a - b;
  if (z <= SERIES_LIMIT || Number.isInteger(s)) return hyp2f1Series(a, b, c, z);
  const { first, second } = hyp2f1OneMinusZ(a, b, c, z);
  const sum = first + second;
  if (Number.isFinite(sum) && Math.abs(first) + Math.abs(second) <= MAX_CANCELLATION * Math.abs(sum)) return sum;
  return hyp2f1Series(a, b, c, z);
}

/**
 * Direct power series Σ (a)_n (b)_n / ((c)_n n!) z^n. Stops when a term is negligible
 * relative to the sum *and* the terms are shrinking: with large a·b the terms first grow
 * polynomially before the geometric factor z^n wins, so an early tiny term is not the end.
 */
export function hyp2f1Series(a: number, b: number, c: number, z: number): number {
  // Until n passes every negative parameter a term can be tiny by accident (a factor a+n
  // close to zero) while later terms are not, so only trust the stopping rule beyond that.
  const settled = Math.max(0, -a, -b, -c);
  let term = 1;
  let sum = 1;
  for (let n = 0; n < MAX_TERMS; n++) {
    const ratio = (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    term *= ratio;
    sum += term;
    if (term === 0) return sum; // a or b is a non-positive integer: the series is a polynomial
    if (n >= settled && Math.abs(ratio) < 1 && Math.abs(term) <= RELATIVE_TOLERANCE * Math.abs(sum)) return sum;
  }
  throw new RangeError(`hyp2f1: series did not converge (a=${a}, b=${b}, c=${c}, z=${z})`);
}

/** 1/Γ(x) as a signed value in log form; zero at the poles (x a non-positive integer). */
function reciprocalGamma(x: number): { log: number; sign: number } {
  if (x <= 0 && Number.isInteger(x)) return { log: -Infinity, sign: 0 };
  return { log: -lgamma(x), sign: gammaSign(x) };
}

/**
 * A&S 15.3.6, valid when c - a - b is not an integer:
 *   2F1(a,b;c;z) = Γ(c)Γ(s)/(Γ(c-a)Γ(c-b)) · 2F1(a, b; 1-s; 1-z)
 *                + (1-z)^s Γ(c)Γ(-s)/(Γ(a)Γ(b)) · 2F1(c-a, c-b; 1+s; 1-z),   s = c - a - b.
 * Gamma ratios are combined in log space with explicit signs because c-a, c-b, ±s can be
 * negative (e.g. the BG/NBD uses c - b = a - 1 < 0 whenever a < 1).
 */
function hyp2f1OneMinusZ(a: number, b: number, c: number, z: number): { first: number; second: number } {
  const s = c - a - b;
  const w = 1 - z;
  const logGammaC = lgamma(c);
  const signC = gammaSign(c);

  const invCA = reciprocalGamma(c - a);
  const invCB = reciprocalGamma(c - b);
  let first = 0;
  if (invCA.sign !== 0 && invCB.sign !== 0) {
    const logCoef = logGammaC + lgamma(s) + invCA.log + invCB.log;
    const sign = signC * gammaSign(s) * invCA.sign * invCB.sign;
    first = sign * Math.exp(logCoef) * hyp2f1Series(a, b, 1 - s, w);
  }

  const invA = reciprocalGamma(a);
  const invB = reciprocalGamma(b);
  let second = 0;
  if (invA.sign !== 0 && invB.sign !== 0) {
    const logCoef = logGammaC + lgamma(-s) + invA.log + invB.log + s * Math.log(w);
    const sign = signC * gammaSign(-s) * invA.sign * invB.sign;
    second = sign * Math.exp(logCoef) * hyp2f1Series(c - a, c - b, 1 + s, w);
  }
  return { first, second };
}
