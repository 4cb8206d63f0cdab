import { afterEach, describe, expect, it, vi } from "vitest";
import { env, resetEnvCache } from "@/lib/env";

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvCache();
});

describe("environment validation at boot", () => {
  it("applies defaults when optional variables are unset", () => {
    vi.stubEnv("DATABASE_URL", undefined);
    vi.stubEnv("STEWARD_DATA_DIR", undefined);
    resetEnvCache();
    expect(env()).toMatchObject({ STEWARD_DATA_DIR: ".data", LOG_LEVEL: "info" });
    expect(env().DATABASE_URL).toBeUndefined();
  });

  it("names each invalid variable and why", () => {
    vi.stubEnv("DATABASE_URL", "mysql://localhost/steward");
    vi.stubEnv("AUTH_SECRET", "too-short");
    vi.stubEnv("LOG_LEVEL", "loud");
    resetEnvCache();
    expect(() => env()).toThrow(/DATABASE_URL: DATABASE_URL must be a postgres:\/\/ URL/);
    expect(() => env()).toThrow(/AUTH_SECRET: AUTH_SECRET must be at least 32 characters/);
    expect(() => env()).toThrow(/LOG_LEVEL/);
  });

  it("accepts a PostgreSQL URL and coerces numbers", () => {
    vi.stubEnv("DATABASE_URL", "postgresql://app:secret@db.internal:5432/steward");
    vi.stubEnv("DATABASE_POOL_SIZE", "12");
    resetEnvCache();
    expect(env()).toMatchObject({
      DATABASE_URL: "postgresql://app:secret@db.internal:5432/steward",
      DATABASE_POOL_SIZE: 12,
    });
  });
});

describe("TRUSTED_PROXY_HOPS", () => {
  it("defaults to 0 (X-Forwarded-For ignored), takes a small whole number, and names a bad value", () => {
    vi.stubEnv("TRUSTED_PROXY_HOPS", undefined);
    resetEnvCache();
    expect(env().TRUSTED_PROXY_HOPS).toBe(0);
    vi.stubEnv("TRUSTED_PROXY_HOPS", "2");
    resetEnvCache();
    expect(env().TRUSTED_PROXY_HOPS).toBe(2);
    vi.stubEnv("TRUSTED_PROXY_HOPS", "all");
    resetEnvCache();
    expect(() => env()).toThrow(/TRUSTED_PROXY_HOPS: TRUSTED_PROXY_HOPS must be a whole number from 0 to 10/);
  });
});

describe("STEWARD_WORKER_NICE", () => {
  it("defaults to 10 below the web server, takes 0 to 19, and names a bad value", () => {
    vi.stubEnv("STEWARD_WORKER_NICE", undefined);
    resetEnvCache();
    expect(env().STEWARD_WORKER_NICE).toBe(10);
    vi.stubEnv("STEWARD_WORKER_NICE", "0");
    resetEnvCache();
    expect(env().STEWARD_WORKER_NICE).toBe(0);
    for (const bad of ["20", "-1", "2.5", "low"]) {
      vi.stubEnv("STEWARD_WORKER_NICE", bad);
      resetEnvCache();
      expect(() => env()).toThrow(/STEWARD_WORKER_NICE: STEWARD_WORKER_NICE must be a whole number from 0 to 19/);
    }
  });
});
