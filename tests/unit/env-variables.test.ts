import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ENV_VARIABLES, env, resetEnvCache } from "@/lib/env";
import { periodicTiming, QUEUES } from "@/lib/jobs/queues";

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
    expect(() => env()).toThrow(/STEWARD_MAIL_INTERVAL_MS must be between 500 and 86400000 ms/);
    expect(() => env()).toThrow(/STEWARD_ROLE must be web, worker or all/);
  });
});

describe("periodic jobs' intervals below a second", () => {
  it("are kept to the millisecond from 500 ms: the next run is queued at a time, polled at least that often", () => {
    const now = Date.UTC(2026, 11, 4, 12);
    expect(periodicTiming(500, now)).toEqual({ startAfter: new Date(now + 500), pollingIntervalSeconds: 0.5 });
    expect(periodicTiming(2500, now)).toEqual({ startAfter: new Date(now + 2500), pollingIntervalSeconds: 2 });
    expect(periodicTiming(1200, now).pollingIntervalSeconds).toBe(1.2);
  });

  it("reach the job queue unrounded from the environment", () => {
    vi.stubEnv("STEWARD_MAIL_INTERVAL_MS", "700");
    resetEnvCache();
    const now = Date.now();
    const next = periodicTiming(QUEUES["mail.deliver"].everyMs(), now);
    expect(next.startAfter.getTime() - now).toBe(700);
  });

  it("are refused below 500 ms with a message saying why", () => {
    vi.stubEnv("STEWARD_WEBHOOK_INTERVAL_MS", "250");
    resetEnvCache();
    expect(() => env()).toThrow(
      "STEWARD_WEBHOOK_INTERVAL_MS must be between 500 and 86400000 ms (the job queue polls at most every 500 ms)",
    );
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
