import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const include = ["tests/unit/**/*.test.ts", "tests/unit/**/*.test.tsx", "tests/integration/**/*.test.ts"];

// A file that replaces modules, globals, the environment or the clock runs in a fresh module graph of its own. Every
// other file shares its worker's modules with the files before it: importing the app's modules again for each of 150
// files was half of the PGlite Vitest run's CPU (all files isolated: about 1,000 CPU-s; this way 497 CPU-s, 272 s on two
// cores; docs/decisions/016-ci-time.md). Each file still gets a database of its own (tests/setup/test-db.ts).
const CHANGES_SHARED_STATE = /\bvi\.(mock|doMock|unmock|stubEnv|stubGlobal|spyOn|resetModules|useFakeTimers)\b/;
const isolatedFiles = readdirSync("tests", { recursive: true, encoding: "utf8" })
  .map((file) => `tests/${file}`)
  .filter((file) => /^tests\/(unit\/.*\.test\.tsx?|integration\/.*\.test\.ts)$/.test(file))
  .filter((file) => CHANGES_SHARED_STATE.test(readFileSync(file, "utf8")));

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    environment: "node",
    // Webhook tests deliver to a receiver on 127.0.0.1, which the SSRF guard refuses by default.
    // AUTH_SECRET signs the one-click unsubscribe links in queued mail (serve.ts always sets one for the app).
    env: { STEWARD_WEBHOOKS_ALLOW_PRIVATE: "1", AUTH_SECRET: "vitest-auth-secret-0123456789abcdef" },
    globalSetup: ["tests/setup/global-setup.ts"],
    setupFiles: ["tests/setup/server-only.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // next-auth imports "next/server" without an extension, which only a bundler resolves.
    server: { deps: { inline: ["next-auth"] } },
    pool: "forks",
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: "isolated", include: isolatedFiles, isolate: true } },
      { extends: true, test: { name: "shared", include, exclude: isolatedFiles, isolate: false } },
    ],
  },
});
