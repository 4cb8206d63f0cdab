import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/unit/**/*.test.tsx", "tests/integration/**/*.test.ts"],
    environment: "node",
    // Webhook tests deliver to a receiver on 127.0.0.1, which the SSRF guard refuses by default.
    env: { STEWARD_WEBHOOKS_ALLOW_PRIVATE: "1" },
    globalSetup: ["tests/setup/global-setup.ts"],
    setupFiles: ["tests/setup/server-only.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // next-auth imports "next/server" without an extension, which only a bundler resolves.
    server: { deps: { inline: ["next-auth"] } },
    pool: "forks",
    maxWorkers: 2,
  },
});
