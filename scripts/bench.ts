// `npm run bench [scenario…]`: performance goals are checked here, on PostgreSQL, not in unit
// tests. Uses DATABASE_URL's server, or starts a throwaway PostgreSQL server for the run.
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { migrateServer } from "../lib/db/migrate-server";
import { connectDatabase, disconnectDatabase } from "../lib/db/client";
import { SCENARIOS } from "../bench/scenarios";
import type { BenchResult } from "../bench/types";
import { ensureLargeTenant, type LargeTenant } from "../bench/large-tenant";
import { ProgressBar, clock, fmt } from "../bench/progress";

const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const scenarios = wanted.length ? SCENARIOS.filter((s) => wanted.includes(s.name)) : SCENARIOS;
if (wanted.length && scenarios.length !== wanted.length) {
  console.error(`Unknown scenario. Available: ${SCENARIOS.map((s) => s.name).join(", ") || "(none yet)"}`);
  process.exit(2);
}

let serverUrl = process.env.DATABASE_URL;
let throwaway: string | undefined;
if (!serverUrl) {
  throwaway = mkdtempSync(join(tmpdir(), "steward-bench-pg-"));
  serverUrl = execFileSync("scripts/throwaway-postgres.sh", ["start", throwaway, process.env.BENCH_PG_PORT ?? "55499"])
    .toString()
    .trim();
  console.log(`Started a throwaway PostgreSQL server for the benchmark (${throwaway})`);
}
const benchUrl = new URL(serverUrl);
benchUrl.pathname = "/steward_bench";
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
const exists = await admin.query(`select 1 from pg_database where datname = 'steward_bench'`);
if (exists.rowCount === 0) await admin.query(`CREATE DATABASE steward_bench`);
await admin.end();
await migrateServer(benchUrl.toString());

const prisma = connectDatabase(benchUrl.toString(), 20);
const results: BenchResult[] = [];
let large: LargeTenant | undefined;
const sizesLine = (t: LargeTenant) => t.sizes.map((s) => `${fmt(s.count)} ${s.label}`).join(", ");
try {
  // The value, scorecards and inbox scenarios share one large tenant: built once (or reused) first.
  const onLarge = scenarios.filter((s) => s.usesLargeTenant);
  if (onLarge.length) {
    console.log(
      `\n▶ large tenant for ${onLarge.map((s) => s.name).join(", ")} (built once, then reused from the same server)`,
    );
    large = await ensureLargeTenant(benchUrl.toString(), new ProgressBar(process.stderr));
    console.log(
      `  ${large.reused ? "reused" : "built"} ${large.slug} (${large.dataVersion})` +
        `${large.buildSeconds ? `${large.reused ? ", month inputs added" : ""} in ${clock(large.buildSeconds)} (${large.buildSeconds.toFixed(0)} s)` : ""}`,
    );
    console.log(`  ${sizesLine(large)}`);
    console.log(
      `  running incidents caught up with the escalation sweep: ${fmt(large.incidents.running)}, ` +
        `${fmt(large.incidents.escalations)} escalations the sweep had not made yet, ${fmt(large.incidents.dueLeft)} still due`,
    );
  }
  for (const scenario of scenarios) {
    console.log(
      `\n▶ ${scenario.name}: ${scenario.description}${scenario.usesLargeTenant ? " [large tenant]" : " [its own data]"}`,
    );
    results.push(
      ...(await scenario.run({ prisma, databaseUrl: benchUrl.toString(), log: (l) => console.log(`  ${l}`) })),
    );
  }
} finally {
  await disconnectDatabase();
  if (throwaway) execFileSync("scripts/throwaway-postgres.sh", ["stop", throwaway]);
}

const rows = results.map((r) => [
  r.scenario,
  r.figure,
  `${Number.isInteger(r.value) ? r.value : r.value.toFixed(2)} ${r.unit}`,
  r.goal ?? "",
  r.pass === undefined ? "" : r.pass ? "pass" : "FAIL",
]);
const header = ["scenario", "figure", "value", "goal", "result"];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ");
if (large) {
  console.log(`\nLarge tenant ${large.slug} (before the scenarios ran): ${sizesLine(large)}`);
  const how = large.reused
    ? `reused${large.buildSeconds ? ` (month inputs added in ${clock(large.buildSeconds)})` : ""}`
    : `built in ${clock(large.buildSeconds)}`;
  console.log(
    `  ${how}; used by ${scenarios
      .filter((s) => s.usesLargeTenant)
      .map((s) => s.name)
      .join(", ")}`,
  );
}
const own = scenarios.filter((s) => !s.usesLargeTenant);
if (own.length)
  console.log(
    `${large ? "" : "\n"}On their own data (as their issues define it): ${own.map((s) => s.name).join(", ")}`,
  );
console.log(`\n${line(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}\n${rows.map(line).join("\n")}`);
process.exit(results.some((r) => r.pass === false) ? 1 : 0);
