import { defineConfig } from "@playwright/test";

// Debian's chromium by default (Playwright's own browser download does not work offline here);
// set CHROMIUM_PATH to use another build, or PLAYWRIGHT_USE_BUNDLED=1 for Playwright's own.
const executablePath = process.env.PLAYWRIGHT_USE_BUNDLED
  ? undefined
  : (process.env.CHROMIUM_PATH ?? "/usr/bin/chromium");
const port = Number(process.env.E2E_PORT ?? 3100);
// Projects left out of a run, comma-separated: .ci/run's PostgreSQL half leaves out "layout", "steward" and
// "partner", which the embedded half has run (docs/decisions/016-ci-time.md); npm test runs "layout" in a stream of
// its own beside the others.
const skippedProjects = (process.env.E2E_SKIP_PROJECTS ?? "").split(",").map((name) => name.trim());

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  // Per port: npm test runs two streams at once (scripts/test-all.mjs), and Playwright empties its output folder first.
  outputDir: `test-results/e2e-${port}`,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: process.env.PLAYWRIGHT_JSON ?? `test-results/playwright-${port}.json` }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // Recording a trace of every test costs a quarter of the browser tests' CPU (measured: 263 → 199 CPU-s for 42
    // pages), and CI's two cores are the limit: there, only a retried test records one (its first retry).
    trace: process.env.CI ? "on-first-retry" : "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "steward", testDir: "tests/e2e/steward" },
    { name: "partner", testDir: "tests/e2e/partner" },
    { name: "cross-tenant", testDir: "tests/e2e/cross-tenant" },
    { name: "auth", testDir: "tests/e2e/auth" },
    { name: "security", testDir: "tests/e2e/security" },
    { name: "layout", testDir: "tests/e2e/layout" },
  ].filter((project) => !skippedProjects.includes(project.name)),
  webServer: {
    command: `node --import tsx scripts/e2e-server.ts`,
    url: `http://127.0.0.1:${port}/login`,
    // A loaded machine can need longer to seed and start: E2E_SERVER_TIMEOUT_MS raises it.
    timeout: Number(process.env.E2E_SERVER_TIMEOUT_MS ?? 180_000),
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: { PORT: String(port), LOG_LEVEL: "warn" },
  },
});
