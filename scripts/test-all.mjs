// `npm test`: every suite — the static checks (`npm run check`: format, lint, layer rules, knip, tsc),
// Vitest (unit + integration on the real database), a production build, and Playwright end-to-end in
// Debian's chromium — then one closing line "N passed, N failed".
// The database is the embedded PGlite, or the PostgreSQL server named by DATABASE_URL.
//
// Suites run two phases, side by side within each, every output line prefixed with its suite's name: first Vitest,
// with the build beside it; then the static checks and two browser-test streams (the every-page layout check, and the
// rest), each stream with its own server and database on its own port. Vitest never runs beside the browser tests:
// both are CPU-bound on two cores, and together they slowed each other's tests past their timeouts. The build and the
// checks, which nothing waits on in real time, run at a lower priority.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { setPriority } from "node:os";
import { createInterface } from "node:readline";
import { stripVTControlCharacters } from "node:util";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const database = env.DATABASE_URL ? "PostgreSQL server" : "embedded PGlite";
const databaseTag = env.DATABASE_URL ? "postgres" : "pglite";
// Per database: .ci/run runs both halves in one checkout, and each keeps its reports.
const resultsDir = `test-results/${databaseTag}`;
mkdirSync(resultsDir, { recursive: true });

/**
 * Runs one suite as a child process; resolves with its exit status and duration. `background`: a suite no test
 * waits on in real time, run at a lower priority (its children inherit it) beside ones that do.
 */
function run(name, description, command, args, { extraEnv = {}, background = false } = {}) {
  console.log(`\n▶ ${name}: ${description} (${database})\n`);
  const started = Date.now();
  const child = spawn(command, args, { env: { ...env, ...extraEnv }, stdio: ["ignore", "pipe", "pipe"] });
  if (background && child.pid) setPriority(child.pid, 10);
  const prefix = `[${databaseTag} ${name}]`;
  for (const output of [child.stdout, child.stderr])
    createInterface({ input: output }).on("line", (line) => console.log(`${prefix} ${line}`));
  return new Promise((resolve) => {
    child.on("error", (error) => console.error(`${prefix} ${error.message}`));
    child.on("close", (code) => resolve({ status: code ?? 1, seconds: Math.round((Date.now() - started) / 1000) }));
  });
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

// 1. Vitest, with the build beside it. Unit tests touch no database: STEWARD_SKIP_UNIT=1 leaves them out of a second
// run on the other one (.ci/run).
const vitestScope = env.STEWARD_SKIP_UNIT === "1" ? ["tests/integration"] : [];
const vitestJson = `${resultsDir}/vitest.json`;
const vitestUnhandled = `${resultsDir}/vitest-unhandled.json`;
rmSync(vitestJson, { force: true });
rmSync(vitestUnhandled, { force: true });
const vitestRun = run(
  "vitest",
  "unit and integration",
  process.execPath,
  [
    "node_modules/vitest/vitest.mjs",
    "run",
    "--reporter=default",
    "--reporter=json",
    "--reporter=./tests/setup/unhandled-errors-reporter.ts",
    `--outputFile.json=${vitestJson}`,
    ...vitestScope,
  ],
  { extraEnv: { STEWARD_VITEST_UNHANDLED: vitestUnhandled } },
).then((vitest) => {
  const v = readJson(vitestJson);
  return {
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
  };
});

// 2. The build (the end-to-end tests run the production server). It does not depend on the database (its URL is read
// at run time): STEWARD_SKIP_BUILD=1 reuses the last one.
const reuseBuild = env.STEWARD_SKIP_BUILD === "1";
const buildRun = reuseBuild
  ? Promise.resolve({ status: 0, seconds: 0 })
  : run("build", "next build", process.execPath, ["node_modules/next/dist/bin/next", "build"], {
      // The static checks type-check everything (tsc, after `next typegen`); the build need not do it again. Without
      // the checks (STEWARD_SKIP_CHECK=1), the build keeps its own type check.
      extraEnv: env.STEWARD_SKIP_CHECK === "1" ? {} : { STEWARD_SKIP_BUILD_TYPECHECK: "1" },
      background: true,
    });
const [vitestResult, build] = await Promise.all([vitestRun, buildRun]);
const buildResult = reuseBuild
  ? { suite: "build", passed: 0, failed: 0, seconds: 0, note: "the last build reused (STEWARD_SKIP_BUILD=1)" }
  : wholeSuiteResult("build", build);

// 3. Static checks, once the build has written .next/types (`next typegen` writes there too): one suite, passed or
// failed as a whole (their own output names each finding). They do not depend on the database: STEWARD_SKIP_CHECK=1
// leaves them out of a second run on the other one (.ci/run).
const checkRun =
  env.STEWARD_SKIP_CHECK === "1"
    ? Promise.resolve({ suite: "check", passed: 0, failed: 0, seconds: 0, note: "skipped (STEWARD_SKIP_CHECK=1)" })
    : run("check", "npm run check (format, lint, layer rules, knip, tsc)", "npm", ["run", "check"], {
        background: true,
      }).then((check) => wholeSuiteResult("check", check));

// 4. Playwright, in two streams side by side: the every-page layout project, and the other projects. Each stream's
// server has its own port, database, mail folder and report (E2E_PORT names them all: tests/e2e/mail-helpers.ts).
const skippedProjects = (env.E2E_SKIP_PROJECTS ?? "")
  .split(",")
  .map((name) => name.trim())
  .filter(Boolean);
const basePort = Number(env.E2E_PORT ?? 3100);
const streams = [
  { suite: "playwright", skip: [...skippedProjects, "layout"], args: [], port: basePort },
  ...(skippedProjects.includes("layout")
    ? []
    : [{ suite: "playwright layout", skip: skippedProjects, args: ["--project=layout"], port: basePort + 1 }]),
];
const chromium = env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const chromiumMissing = !env.PLAYWRIGHT_USE_BUNDLED && !existsSync(chromium);
if (build.status === 0 && chromiumMissing)
  console.error(`\nChromium not found at ${chromium}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
const e2eRuns = streams.map((stream) => {
  const notRun = build.status !== 0 ? "skipped: the build failed" : chromiumMissing ? "chromium missing" : null;
  if (notRun) return Promise.resolve({ suite: stream.suite, passed: 0, failed: 1, seconds: 0, note: notRun });
  const playwrightJson = `${resultsDir}/playwright-${stream.port}.json`;
  rmSync(playwrightJson, { force: true });
  return run(
    stream.suite,
    "end-to-end in Chromium",
    process.execPath,
    ["node_modules/@playwright/test/cli.js", "test", ...stream.args],
    {
      extraEnv: {
        PLAYWRIGHT_JSON: playwrightJson,
        E2E_PORT: String(stream.port),
        E2E_SKIP_PROJECTS: stream.skip.join(","),
      },
    },
  ).then((pw) => {
    const p = readJson(playwrightJson);
    const passed = p ? p.stats.expected + p.stats.flaky : 0;
    const failed = p ? p.stats.unexpected + (pw.status !== 0 && p.stats.unexpected === 0 ? 1 : 0) : 1;
    return { suite: stream.suite, passed, failed, seconds: pw.seconds, failures: p ? playwrightFailures(p) : [] };
  });
});

const results = [await checkRun, vitestResult, buildResult, ...(await Promise.all(e2eRuns))];

const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`\nTest summary (${database}):`);
for (const r of results)
  console.log(
    `  ${r.suite.padEnd(17)} ${r.passed} passed, ${r.failed} failed (${r.seconds} s)${r.note ? ` — ${r.note}` : ""}`,
  );
// The failures again, by name, beside the totals: CI keeps only the end of a long log.
const failures = results.flatMap((r) => (r.failures ?? []).map((f) => `  ${r.suite}: ${f}`));
if (failures.length > 0) console.log(`Failed:\n${failures.slice(0, 20).join("\n")}`);
if (env.STEWARD_TEST_SUMMARY)
  writeFileSync(env.STEWARD_TEST_SUMMARY, JSON.stringify({ database, passed, failed, results }));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
