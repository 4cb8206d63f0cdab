/**
 * Nelder-Mead simplex minimiser (with the dimension-adaptive coefficients of Gao & Han
 * 2012). Derivative-free and slow, but it does not care about gradient noise or kinks, so
 * the model fits use it as a fallback when BFGS stalls.
 */
export interface NelderMeadOptions {
  maxEvaluations?: number;
  /** Stop when the simplex's function values span less than this… */
  functionTolerance?: number;
  /** …and its vertices are within this distance of the best one (per coordinate). */
  pointTolerance?: number;
  /** Initial simplex edge length. */
  initialStep?: number;
}

export interface NelderMeadResult {
  x: Float64Array;
  value: number;
  evaluations: number;
  iterations: number;
  converged: boolean;
}

export function minimizeNelderMead(
  f: (x: Float64Array) => number,
  start: ArrayLike<number>,
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const n = start.length;
  const maxEvaluations = options.maxEvaluations ?? 2000 * n;
  const ftol = options.functionTolerance ?? 1e-12;
  const xtol = options.pointTolerance ?? 1e-9;
  const initialStep = options.initialStep ?? 0.5;
  const reflect = 1;
  const expand = 1 + 2 / n;
  const contract = 0.75 - 1 / (2 * n);
  const shrink = 1 - 1 / n;

  // Non-finite values rank last, so the simplex simply moves away from them.
  const evaluate = (x: Float64Array) => {
    const v = f(x);
    evaluations++;
    return Number.isFinite(v) ? v : Infinity;
  };
  let evaluations = 0;
  const points: Float64Array[] = [];
  const values: number[] = [];
  for (let k = 0; k <= n; k++) {
    const p = Float64Array.from(start);
    if (k > 0) p[k - 1] += initialStep;
    points.push(p);
    values.push(evaluate(p));
  }

  const centroid = new Float64Array(n);
  const trial = (coef: number) => {
    const p = new Float64Array(n);
    for (let i = 0; i < n; i++) p[i] = centroid[i] + coef * (centroid[i] - points[n][i]);
    return p;
  };

  let iterations = 0;
  let converged = false;
  while (evaluations < maxEvaluations) {
    iterations++;
    const order = values.map((_, i) => i).sort((i, j) => values[i] - values[j]);
    const sortedPoints = order.map((i) => points[i]);
    const sortedValues = order.map((i) => values[i]);
    for (let k = 0; k <= n; k++) {
      points[k] = sortedPoints[k];
      values[k] = sortedValues[k];
    }

    let spread = 0;
    for (let k = 1; k <= n; k++)
      for (let i = 0; i < n; i++) spread = Math.max(spread, Math.abs(points[k][i] - points[0][i]));
    if (values[n] - values[0] <= ftol * Math.max(1, Math.abs(values[0])) && spread <= xtol) {
      converged = true;
      break;
    }

    centroid.fill(0);
    for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) centroid[i] += points[k][i] / n;

    const reflected = trial(reflect);
    const fr = evaluate(reflected);
    if (fr < values[0]) {
      const expanded = trial(reflect * expand);
      const fe = evaluate(expanded);
      if (fe < fr) replaceWorst(expanded, fe);
      else replaceWorst(reflected, fr);
    } else if (fr < values[n - 1]) {
      replaceWorst(reflected, fr);
    } else {
      const outside = fr < values[n];
      const contracted = trial(outside ? reflect * contract : -contract);
      const fc = evaluate(contracted);
      if (fc < (outside ? fr : values[n])) {
        replaceWorst(contracted, fc);
      } else {
        for (let k = 1; k <= n; k++) {
          for (let i = 0; i < n; i++) points[k][i] = points[0][i] + shrink * (points[k][i] - points[0][i]);
          values[k] = evaluate(points[k]);
        }
      }
    }
  }

  let best = 0;
  for (let k = 1; k <= n; k++) if (values[k] < values[best]) best = k;
  return { x: points[best], value: values[best], evaluations, iterations, converged };

  function replaceWorst(p: Float64Array, v: number) {
    points[n] = p;
    values[n] = v;
  }
}
