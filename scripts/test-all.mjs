// `npm test`: every suite — the static checks (`npm run check`: format, lint, layer rules, knip, tsc),
// Vitest (unit + integration on the real database), a production build, and Playwright end-to-end in
// Debian's chromium — then one closing line "N passed, N failed".
// The database is the embedded PGlite, or the PostgreSQL server named by DATABASE_URL.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { stripVTControlCharacters } from "node:util";

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

/** A suite that passes or fails as a whole: one test in the totals. */
function wholeSuiteResult(suite, { status, seconds }) {
  return { suite, passed: status === 0 ? 1 : 0, failed: status === 0 ? 0 : 1, seconds };
}

/** The first lines of a failure message, short enough for a summary line ("PrismaClientKnownRequestError:" alone says little). */
function firstLine(message) {
  const lines = stripVTControlCharacters(String(message ?? ""))
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.slice(0, 3).join(" ").slice(0, 240);
}

/** "file › test — why" for each failed Vitest test, and for each file that failed outside its tests. */
function vitestFailures(report) {
  return report.testResults.flatMap((file) => {
    const name = file.name.replace(/^.*?(?=tests\/)/, "");
    const failedTests = file.assertionResults.filter((t) => t.status === "failed");
    if (failedTests.length === 0) return file.status === "failed" ? [`${name} — ${firstLine(file.message)}`] : [];
    return failedTests.map((t) => `${name} › ${t.fullName} — ${firstLine(t.failureMessages?.[0])}`);
  });
}

/** "[project] file › test — why" for each Playwright test that failed on every try. */
function playwrightFailures(report) {
  const walk = (suite, titles) =>
    (suite.specs ?? [])
      .flatMap((spec) =>
        spec.tests
          .filter((t) => t.status === "unexpected")
          .map((t) => {
            const error = t.results.at(-1)?.error?.message;
            return `[${t.projectName}] ${spec.file} › ${[...titles, spec.title].join(" › ")} — ${firstLine(error)}`;
          }),
      )
      .concat((suite.suites ?? []).flatMap((child) => walk(child, [...titles, child.title])));
  return report.suites.flatMap((file) => walk(file, []));
}

// 1. Static checks: one suite, passed or failed as a whole (their own output names each finding). They do not depend
// on the database: STEWARD_SKIP_CHECK=1 leaves them out of a second run on the other one (.ci/run).
const check =
  env.STEWARD_SKIP_CHECK === "1"
    ? null
    : run("npm run check: format, lint, layer rules, knip, tsc", "npm", ["run", "check"]);
results.push(
  check
    ? wholeSuiteResult("check", check)
    : { suite: "check", passed: 0, failed: 0, seconds: 0, note: "skipped (STEWARD_SKIP_CHECK=1)" },
);

// 2. Vitest
const vitestJson = "test-results/vitest.json";
const vitestUnhandled = "test-results/vitest-unhandled.json";
rmSync(vitestJson, { force: true });
rmSync(vitestUnhandled, { force: true });
const vitest = run(
  "Vitest: unit and integration",
  process.execPath,
  [
    "node_modules/vitest/vitest.mjs",
    "run",
    "--reporter=default",
    "--reporter=json",
    "--reporter=./tests/setup/unhandled-errors-reporter.ts",
    `--outputFile.json=${vitestJson}`,
  ],
  { STEWARD_VITEST_UNHANDLED: vitestUnhandled },
);
const v = readJson(vitestJson);
results.push({
  suite: "vitest",
  passed: v?.numPassedTests ?? 0,
  failed: v ? v.numFailedTests + (vitest.status !== 0 && v.numFailedTests === 0 ? 1 : 0) : 1,
  seconds: vitest.seconds,
  failures: [
    ...(v ? vitestFailures(v) : []),
    ...(readJson(vitestUnhandled)?.errors ?? []).map(
      (e) => `unhandled ${e.name}${e.test ? ` in ${e.test}` : ""} — ${firstLine(e.message)}`,
    ),
  ],
});

// 3. Build (the end-to-end tests run the production server)
// The build does not depend on the database either (its URL is read at run time): STEWARD_SKIP_BUILD=1 reuses the last.
const reuseBuild = env.STEWARD_SKIP_BUILD === "1";
const build = reuseBuild
  ? { status: 0, seconds: 0 }
  : run("next build", process.execPath, ["node_modules/next/dist/bin/next", "build"]);
results.push(
  reuseBuild
    ? { suite: "build", passed: 0, failed: 0, seconds: 0, note: "the last build reused (STEWARD_SKIP_BUILD=1)" }
    : wholeSuiteResult("build", build),
);

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
  results.push({ suite: "playwright", passed, failed, seconds: pw.seconds, failures: p ? playwrightFailures(p) : [] });
}

const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`\nTest summary (${database}):`);
for (const r of results)
  console.log(
    `  ${r.suite.padEnd(11)} ${r.passed} passed, ${r.failed} failed (${r.seconds} s)${r.note ? ` — ${r.note}` : ""}`,
  );
// The failures again, by name, beside the totals: CI keeps only the end of a long log.
const failures = results.flatMap((r) => (r.failures ?? []).map((f) => `  ${r.suite}: ${f}`));
if (failures.length > 0) console.log(`Failed:\n${failures.slice(0, 20).join("\n")}`);
if (env.STEWARD_TEST_SUMMARY)
  writeFileSync(env.STEWARD_TEST_SUMMARY, JSON.stringify({ database, passed, failed, results }));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
