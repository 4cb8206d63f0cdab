import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/unit/**/*.test.tsx", "tests/integration/**/*.test.ts"],
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
  },
});
