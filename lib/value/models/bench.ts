/**
 * Benchmark hook for scripts: simulate n BG/NBD customers (fixed seed) and time the fit
 * alone. Simulation is excluded from the timing: it is not what production runs.
 */
import { fitBgnbd } from "./bgnbd";
import { simulateBgnbd } from "./sampling";

/** Ground truth used for the synthetic customer base (CDNOW-like, in weeks). */
const BENCHMARK_PARAMS = { r: 0.25, alpha: 4, a: 0.8, b: 2.5 };

/** Seconds taken by fitBgnbd on n synthetic customers observed 26–52 weeks. */
export function benchmarkFit(n: number): number {
  const data = simulateBgnbd(BENCHMARK_PARAMS, n, { minT: 26, maxT: 52, seed: 20050101 });
  const started = performance.now();
  const fit = fitBgnbd({ ...data, unit: "weeks" });
  const seconds = (performance.now() - started) / 1000;
  if (!fit.converged) throw new Error(`benchmarkFit: fit did not converge for n=${n}`);
  return seconds;
}
