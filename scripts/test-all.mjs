// `npm test`: every suite — the static checks (`npm run check`: format, lint, layer rules, knip, tsc),
// Vitest (unit + integration on the real database), a production build, and Playwright end-to-end in
// Debian's chromium — then one closing line "N passed, N failed".
// The database is the embedded PGlite, or the PostgreSQL server named by DATABASE_URL.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const database = env.DATABASE_URL ? "PostgreSQL server" : "embedded PGlite";
const results = [];
mkdirSync("test-results", { recursive: true });

function run(label, command, args, extraEnv = {}) {
  console.log(`\n▶ ${label} (${database})\n`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  return { status: result.status ?? 1, seconds: Math.round((Date.now() - started) / 1000) };
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return null;
  }
}

// 1. Static checks: one suite, passed or failed as a whole (their own output names each finding).
const check = run("npm run check: format, lint, layer rules, knip, tsc", "npm", ["run", "check"]);
results.push({
  suite: "check",
  passed: check.status === 0 ? 1 : 0,
  failed: check.status === 0 ? 0 : 1,
  seconds: check.seconds,
});

// 2. Vitest
const vitestJson = "test-results/vitest.json";
rmSync(vitestJson, { force: true });
const vitest = run("Vitest: unit and integration", process.execPath, [
  "node_modules/vitest/vitest.mjs",
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${vitestJson}`,
]);
const v = readJson(vitestJson);
results.push({
  suite: "vitest",
  passed: v?.numPassedTests ?? 0,
  failed: v ? v.numFailedTests + (vitest.status !== 0 && v.numFailedTests === 0 ? 1 : 0) : 1,
  seconds: vitest.seconds,
});

// 3. Build (the end-to-end tests run the production server)
const build =
  env.STEWARD_SKIP_BUILD === "1"
    ? { status: 0, seconds: 0 }
    : run("next build", process.execPath, ["node_modules/next/dist/bin/next", "build"]);
results.push({
  suite: "build",
  passed: build.status === 0 ? 1 : 0,
  failed: build.status === 0 ? 0 : 1,
  seconds: build.seconds,
});

// 4. Playwright
const chromium = env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (build.status !== 0) {
  results.push({ suite: "playwright", passed: 0, failed: 1, seconds: 0, note: "skipped: the build failed" });
} else if (!env.PLAYWRIGHT_USE_BUNDLED && !existsSync(chromium)) {
  console.error(`\nChromium not found at ${chromium}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  results.push({ suite: "playwright", passed: 0, failed: 1, seconds: 0, note: "chromium missing" });
} else {
  const playwrightJson = "test-results/playwright.json";
  rmSync(playwrightJson, { force: true });
  const pw = run("Playwright: end-to-end", process.execPath, ["node_modules/@playwright/test/cli.js", "test"], {
    PLAYWRIGHT_JSON: playwrightJson,
  });
  const p = readJson(playwrightJson);
  const passed = p ? p.stats.expected + p.stats.flaky : 0;
  const failed = p ? p.stats.unexpected + (pw.status !== 0 && p.stats.unexpected === 0 ? 1 : 0) : 1;
  results.push({ suite: "playwright", passed, failed, seconds: pw.seconds });
}

const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`\nTest summary (${database}):`);
for (const r of results)
  console.log(
    `  ${r.suite.padEnd(11)} ${r.passed} passed, ${r.failed} failed (${r.seconds} s)${r.note ? ` — ${r.note}` : ""}`,
  );
if (env.STEWARD_TEST_SUMMARY)
  writeFileSync(env.STEWARD_TEST_SUMMARY, JSON.stringify({ database, passed, failed, results }));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
