/**
 * Quasi-Newton (BFGS) minimiser for small, smooth, unconstrained problems — the model
 * likelihoods here, in log-parameter space, with analytic gradients.
 *
 * Why BFGS: with exact gradients it needs a few dozen likelihood evaluations where
 * Nelder-Mead needs hundreds, which is what makes fitting 200k customers fast.
 * Robustness: the objective may return NaN/Infinity outside the sensible region (e.g. a
 * parameter overflowing); the backtracking line search treats that as "too far" and
 * shrinks the step, and every step is capped in length so one bad curvature estimate
 * cannot throw the parameters to absurd values.
 */

/** Returns f(x) and writes ∇f(x) into `gradient`. */
export type ObjectiveWithGradient = (x: Float64Array, gradient: Float64Array) => number;

export interface MinimizeOptions {
  maxIterations?: number;
  /** Converged when max |∂f/∂x_i| falls below this. */
  gradientTolerance?: number;
  /** Largest Euclidean step taken in one iteration. */
  maxStep?: number;
}

export interface MinimizeResult {
  x: Float64Array;
  value: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
  message: string;
}

const ARMIJO = 1e-4;

export function minimizeBfgs(
  f: ObjectiveWithGradient,
  start: ArrayLike<number>,
  options: MinimizeOptions = {},
): MinimizeResult {
  const maxIterations = options.maxIterations ?? 500;
  const gtol = options.gradientTolerance ?? 1e-8;
  const maxStep = options.maxStep ?? 3;
  const n = start.length;

  let x = Float64Array.from(start);
  let g = new Float64Array(n);
  let fx = f(x, g);
  let evaluations = 1;
  if (!Number.isFinite(fx) || !allFinite(g)) {
    return { x, value: fx, iterations: 0, evaluations, converged: false, message: "objective not finite at start" };
  }

  const H = identity(n); // inverse-Hessian approximation, row-major
  const direction = new Float64Array(n);
  let xNew = new Float64Array(n);
  let gNew = new Float64Array(n);
  const s = new Float64Array(n);
  const y = new Float64Array(n);
  let firstUpdate = true;

  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    if (maxAbs(g) < gtol)
      return {
        x,
        value: fx,
        iterations: iteration - 1,
        evaluations,
        converged: true,
        message: "gradient below tolerance",
      };

    // direction = -H g; fall back to steepest descent if H lost positive definiteness.
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let j = 0; j < n; j++) sum -= H[i * n + j] * g[j];
      direction[i] = sum;
    }
    let slope = dot(direction, g);
    if (!(slope < 0)) {
      resetToIdentity(H, n);
      for (let i = 0; i < n; i++) direction[i] = -g[i];
      slope = dot(direction, g);
      firstUpdate = true;
    }
    const length = Math.sqrt(dot(direction, direction));
    let step = length > maxStep ? maxStep / length : 1;

    // Backtracking line search (Armijo condition).
    let fNew = NaN;
    let accepted = false;
    for (let attempt = 0; attempt < 60; attempt++) {
      for (let i = 0; i < n; i++) xNew[i] = x[i] + step * direction[i];
      fNew = f(xNew, gNew);
      evaluations++;
      if (Number.isFinite(fNew) && allFinite(gNew) && fNew <= fx + ARMIJO * step * slope) {
        accepted = true;
        break;
      }
      step *= Number.isFinite(fNew) ? quadraticBacktrack(fx, slope, step, fNew) : 0.1;
    }
    if (!accepted) {
      return {
        x,
        value: fx,
        iterations: iteration,
        evaluations,
        converged: maxAbs(g) < gtol,
        message: "line search failed",
      };
    }

    for (let i = 0; i < n; i++) {
      s[i] = xNew[i] - x[i];
      y[i] = gNew[i] - g[i];
    }
    const change = fx - fNew;
    [x, xNew] = [xNew, x];
    [g, gNew] = [gNew, g];
    fx = fNew;

    const ys = dot(y, s);
    if (ys > 1e-12 * Math.sqrt(dot(y, y) * dot(s, s))) {
      if (firstUpdate) {
        // Scale the initial identity to the observed curvature (Nocedal & Wright 6.20).
        resetToIdentity(H, n, ys / dot(y, y));
        firstUpdate = false;
      }
      updateInverseHessian(H, s, y, ys, n);
    }
    // Function value no longer moves at double precision: we are as close as we can get.
    if (change <= 1e-16 * Math.max(1, Math.abs(fx)) && maxAbs(s) < 1e-12) {
      return {
        x,
        value: fx,
        iterations: iteration,
        evaluations,
        converged: maxAbs(g) < Math.sqrt(gtol),
        message: "no further progress",
      };
    }
  }
  return {
    x,
    value: fx,
    iterations: maxIterations,
    evaluations,
    converged: maxAbs(g) < gtol,
    message: "iteration limit reached",
  };
}

/** Minimiser of the quadratic through f(0), f'(0) and f(step), as a fraction of step, kept in [0.1, 0.5]. */
function quadraticBacktrack(f0: number, slope: number, step: number, fStep: number): number {
  const denominator = 2 * (fStep - f0 - slope * step);
  if (!(denominator > 0)) return 0.5;
  const fraction = (-slope * step) / denominator;
  return Math.min(0.5, Math.max(0.1, fraction));
}

/** H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ with ρ = 1 / yᵀs. */
function updateInverseHessian(H: Float64Array, s: Float64Array, y: Float64Array, ys: number, n: number) {
  const rho = 1 / ys;
  const Hy = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += H[i * n + j] * y[j];
    Hy[i] = sum;
  }
  const yHy = dot(y, Hy);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      H[i * n + j] += -rho * (Hy[i] * s[j] + s[i] * Hy[j]) + (rho * rho * yHy + rho) * s[i] * s[j];
    }
  }
}

function identity(n: number): Float64Array {
  const H = new Float64Array(n * n);
  resetToIdentity(H, n);
  return H;
}

function resetToIdentity(H: Float64Array, n: number, scale = 1) {
  H.fill(0);
  for (let i = 0; i < n; i++) H[i * n + i] = scale;
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
}

function allFinite(a: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return false;
  return true;
}
