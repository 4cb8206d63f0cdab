// Measures the two candidate job engines (docs/decisions/009-job-engine.md) on one database: N jobs queued one
// per transaction, then worked to completion; prints the enqueue rate, the drain rate and the p50/p95 latency
// from commit to the handler starting. graphile-worker is not a dependency: pass its install directory.
//   [DATABASE_URL=…] node --import tsx bench/job-engines.ts [graphile-worker dir]
import { createRequire } from "node:module";
import pg from "pg";
import PgBoss from "pg-boss";
import { startEmbeddedDatabase } from "../lib/db/embedded";

// Without DATABASE_URL: an in-memory embedded database (PGlite) served on its socket, as `npm start` does.
const embedded = process.env.DATABASE_URL ? null : await startEmbeddedDatabase();
const url = process.env.DATABASE_URL ?? embedded!.url;
const JOBS = Number(process.env.JOBS ?? 1000);
const LATENCY_JOBS = 100;
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];
const summary = (name: string, enqueueMs: number, drainMs: number, latencies: number[]) =>
  console.log(
    `${name.padEnd(16)} enqueue ${Math.round((JOBS / enqueueMs) * 1000)} jobs/s · drain ${Math.round((JOBS / drainMs) * 1000)} jobs/s · ` +
      `then one at a time, enqueue→start p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms`,
  );

async function pgBoss(pool: pg.Pool) {
  const boss = new PgBoss({
    db: { executeSql: (text: string, values?: unknown[]) => pool.query(text, values) },
    schema: "bench_pgboss",
  });
  await boss.start();
  await boss.createQueue("bench");
  const latencies: number[] = [];
  let done = 0;
  let started = 0;
  const t0 = performance.now();
  for (let i = 0; i < JOBS; i++) {
    const client = await pool.connect();
    await client.query("begin");
    await boss.send("bench", { at: performance.now() }, {
      db: { executeSql: (text: string, values?: unknown[]) => client.query(text, values) },
    } as PgBoss.SendOptions);
    await client.query("commit");
    client.release();
  }
  const enqueueMs = performance.now() - t0;
  const finished = new Promise<void>((resolve) => {
    void boss.work<{ at: number }>("bench", { batchSize: 50, pollingIntervalSeconds: 0.5 }, async (jobs) => {
      for (const job of jobs) latencies.push(performance.now() - job.data.at);
      done += jobs.length;
      if (done >= JOBS) resolve();
    });
  });
  started = performance.now();
  await finished;
  const drainMs = performance.now() - started;
  latencies.length = 0;
  for (let i = 0; i < LATENCY_JOBS; i++) {
    await boss.send("bench", { at: performance.now() });
    await new Promise((r) => setTimeout(r, 20));
  }
  while (latencies.length < LATENCY_JOBS) await new Promise((r) => setTimeout(r, 50));
  summary("pg-boss 10.4", enqueueMs, drainMs, latencies);
  await boss.stop({ graceful: false, wait: true });
}

async function graphileWorker(pool: pg.Pool, dir: string) {
  const { run, quickAddJob } = createRequire(`${dir}/package.json`)("graphile-worker");
  const latencies: number[] = [];
  let done = 0;
  const t0 = performance.now();
  for (let i = 0; i < JOBS; i++) await quickAddJob({ pgPool: pool }, "bench", { at: performance.now() });
  const enqueueMs = performance.now() - t0;
  let resolve: () => void = () => {};
  const finished = new Promise<void>((r) => {
    resolve = r;
  });
  const started = performance.now();
  const runner = await run({
    pgPool: pool,
    concurrency: 4,
    noHandleSignals: true,
    pollInterval: 500,
    taskList: {
      bench: async (payload: { at: number }) => {
        latencies.push(performance.now() - payload.at);
        if (++done >= JOBS) resolve();
      },
    },
  });
  await finished;
  const drainMs = performance.now() - started;
  latencies.length = 0;
  for (let i = 0; i < LATENCY_JOBS; i++) {
    await quickAddJob({ pgPool: pool }, "bench", { at: performance.now() });
    await new Promise((r) => setTimeout(r, 20));
  }
  while (latencies.length < LATENCY_JOBS) await new Promise((r) => setTimeout(r, 50));
  summary("graphile-worker", enqueueMs, drainMs, latencies);
  await runner.stop();
}

const pool = new pg.Pool({ connectionString: url, max: 4 });
await pgBoss(pool);
if (process.argv[2])
  await graphileWorker(pool, process.argv[2]).catch((error) =>
    console.log(`graphile-worker  failed: ${error.message}`),
  );
await pool.end();
await embedded?.stop();
