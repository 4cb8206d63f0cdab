/**
 * Special functions needed by the CLV models: log-gamma and digamma.
 *
 * Implemented here (rather than pulled from a package) so the value engine has no
 * runtime dependencies and behaves identically in Node and in the browser.
 */

// Lanczos approximation with g = 7, n = 9 (the coefficients popularised by Numerical
// Recipes / Boost). Relative error is ~1e-15 for x >= 0.5, which is far below the
// precision the likelihoods need.
const LANCZOS_G = 7;
const LANCZOS_COEFFICIENTS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
const LOG_PI = Math.log(Math.PI);

/** ln Γ(x) for x > 0 via Lanczos (no reflection needed in that range). */
function lgammaPositive(x: number): number {
  // Lanczos is most accurate for arguments >= 0.5; shift small ones up with Γ(x) = Γ(x+1)/x.
  if (x < 0.5) return lgammaPositive(x + 1) - Math.log(x);
  const z = x - 1;
  let series = LANCZOS_COEFFICIENTS[0];
  for (let i = 1; i < LANCZOS_G + 2; i++) series += LANCZOS_COEFFICIENTS[i] / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(series);
}

/**
 * ln |Γ(x)| for any real x that is not a non-positive integer (returns +Infinity there,
 * matching the pole). Use `gammaSign` for the sign when x may be negative.
 */
export function lgamma(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x > 0) return lgammaPositive(x);
  if (Number.isInteger(x)) return Infinity;
  // Reflection: Γ(x) Γ(1 - x) = π / sin(πx).
  return LOG_PI - Math.log(Math.abs(sinPi(x))) - lgammaPositive(1 - x);
}

/** Sign of Γ(x): +1 for x > 0, alternating between the poles for negative x. */
export function gammaSign(x: number): 1 | -1 {
  if (x > 0) return 1;
  // On (-k-1, -k) Γ is negative when k is even: the sign equals sign(sin(πx)).
  return sinPi(x) < 0 ? -1 : 1;
}

/** sin(πx) with the argument reduced first, so it stays accurate for large |x|. */
function sinPi(x: number): number {
  const reduced = x - 2 * Math.floor(x / 2); // in [0, 2)
  return Math.sin(Math.PI * reduced);
}

/**
 * Digamma ψ(x) = d/dx ln Γ(x) for x > 0: recurrence up to x >= 10, then the asymptotic
 * series (truncation error < 1e-15 there). Negative arguments use the reflection formula.
 */
export function digamma(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x <= 0) {
    if (Number.isInteger(x)) return NaN;
    // ψ(1 - x) - ψ(x) = π cot(πx)
    return digamma(1 - x) - Math.PI / Math.tan(Math.PI * x);
  }
  let result = 0;
  while (x < 10) {
    result -= 1 / x;
    x += 1;
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  // Bernoulli-number series: ln x - 1/(2x) - Σ B_2k / (2k x^2k)
  result +=
    Math.log(x) -
    0.5 * inv -
    inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132 - inv2 * (691 / 32760))))));
  return result;
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) - ln Γ(a + b) for a, b > 0. */
export function logBeta(a: number, b: number): number {
  return lgamma(a) + lgamma(b) - lgamma(a + b);
}
