import type { PrismaClient } from "@/generated/prisma/client";

/** One measured figure, printed as a row of the bench table. */
export type BenchResult = {
  scenario: string;
  figure: string;
  value: number;
  unit: string;
  goal?: string;
  pass?: boolean;
};

export type BenchContext = {
  /** The app's client (role steward_app, RLS on): use withTenant from lib/db/scope like the app does. */
  prisma: PrismaClient;
  /** Owner connection URL of the bench database (for COPY, bulk loads and EXPLAIN). */
  databaseUrl: string;
  log: (line: string) => void;
};

export type BenchScenario = {
  name: string;
  description: string;
  /**
   * Runs on the shared large tenant (bench/large-tenant.ts), which scripts/bench.ts builds or reuses
   * before the first such scenario; otherwise the scenario builds the data its own issue defines.
   */
  usesLargeTenant?: boolean;
  run: (ctx: BenchContext) => Promise<BenchResult[]>;
};

/** p-th percentile (0-100) of the samples, nearest-rank. */
export function percentile(samples: number[], p: number) {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Runs `task` `total` times with `concurrency` in flight; returns each call's duration in ms. */
export async function measureConcurrent(total: number, concurrency: number, task: (i: number) => Promise<unknown>) {
  const durations: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const started = performance.now();
        await task(i);
        durations.push(performance.now() - started);
      }
    }),
  );
  return durations;
}
