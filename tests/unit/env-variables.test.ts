import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ENV_VARIABLES, env, resetEnvCache } from "@/lib/env";

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvCache();
});

describe("intervals and other numeric settings", () => {
  it("parses whole milliseconds", () => {
    vi.stubEnv("STEWARD_SWEEP_INTERVAL_MS", "30000");
    vi.stubEnv("STEWARD_WEBHOOK_INTERVAL_MS", "2500");
    vi.stubEnv("STEWARD_DASHBOARD_CACHE_MS", "0");
    vi.stubEnv("PORT", "3107");
    resetEnvCache();
    expect(env()).toMatchObject({
      STEWARD_SWEEP_INTERVAL_MS: 30_000,
      STEWARD_WEBHOOK_INTERVAL_MS: 2500,
      STEWARD_DASHBOARD_CACHE_MS: 0,
      PORT: 3107,
    });
  });

  it("leaves unset intervals to their module's default", () => {
    vi.stubEnv("STEWARD_MAIL_INTERVAL_MS", undefined);
    resetEnvCache();
    expect(env().STEWARD_MAIL_INTERVAL_MS).toBeUndefined();
  });

  it('refuses "30s", a fraction and a zero interval with a message naming the variable', () => {
    vi.stubEnv("STEWARD_SWEEP_INTERVAL_MS", "30s");
    vi.stubEnv("STEWARD_WEBHOOK_INTERVAL_MS", "1.5");
    vi.stubEnv("STEWARD_MAIL_INTERVAL_MS", "0");
    vi.stubEnv("STEWARD_ROLE", "both");
    resetEnvCache();
    expect(() => env()).toThrow(
      /STEWARD_SWEEP_INTERVAL_MS: STEWARD_SWEEP_INTERVAL_MS must be a whole number of milliseconds/,
    );
    expect(() => env()).toThrow(/STEWARD_WEBHOOK_INTERVAL_MS: STEWARD_WEBHOOK_INTERVAL_MS must be a whole number/);
    expect(() => env()).toThrow(/STEWARD_MAIL_INTERVAL_MS must be between 100 and 86400000 ms/);
    expect(() => env()).toThrow(/STEWARD_ROLE must be web, worker or all/);
  });
});

describe("the README's configuration table", () => {
  it("lists every variable lib/env.ts reads", () => {
    const readme = readFileSync("README.md", "utf8");
    const table = readme.slice(readme.indexOf("## Configuration"), readme.indexOf("## Architecture"));
    const listed = new Set([...table.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]));
    const documented = ENV_VARIABLES.filter((name) => name !== "NODE_ENV" && name !== "STEWARD_EMBEDDED_URL");
    expect(documented.filter((name) => !listed.has(name))).toEqual([]);
  });
});

describe("reading the environment at import time", () => {
  it("does not happen in modules the scripts import before they set their environment", async () => {
    vi.resetModules();
    const fresh = await import("@/lib/env");
    fresh.resetEnvCache();
    await import("@/lib/seed/ensure-demo"); // what scripts/e2e-server.ts imports before setting STEWARD_DATA_DIR
    vi.stubEnv("STEWARD_DATA_DIR", "/tmp/steward-set-after-import");
    expect(fresh.env().STEWARD_DATA_DIR).toBe("/tmp/steward-set-after-import");
  });
});
