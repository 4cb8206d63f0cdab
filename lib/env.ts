import { z } from "zod";

/**
 * A duration in whole milliseconds, written as digits only ("30000"): "30s" or "1e4" would become NaN or a
 * surprise in setInterval, so they stop the app instead.
 */
function milliseconds(name: string, min: number) {
  return z
    .string()
    .regex(/^\d+$/, { error: `${name} must be a whole number of milliseconds, e.g. 30000` })
    .transform(Number)
    .refine((ms) => ms >= min && ms <= 86_400_000, { error: `${name} must be between ${min} and 86400000 ms` })
    .optional();
}

// Environment variables, validated once at boot: a wrong value stops the app with a clear message.
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** A PostgreSQL server. When absent, the embedded PGlite database is used. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "DATABASE_URL must be a postgres:// URL" }).optional(),
  /** Set by scripts/serve.ts: where the embedded database listens (a unix-socket URL). */
  STEWARD_EMBEDDED_URL: z.string().optional(),
  /** Where the embedded database keeps its files. */
  STEWARD_DATA_DIR: z.string().default(".data"),
  /** Secret that signs session cookies; at least 32 characters. serve.ts creates one in the data dir when unset. */
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  /** Connections in the app's pool (the embedded database serves one). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  /**
   * "1" lets webhook endpoints point at private and local addresses (127.0.0.1, 10.x, …) and use plain
   * http. Off by default (SSRF guard, lib/webhooks/target.ts); tests and e2e runs set it for their
   * local receiver.
   */
  STEWARD_WEBHOOKS_ALLOW_PRIVATE: z.enum(["0", "1"], { error: "STEWARD_WEBHOOKS_ALLOW_PRIVATE must be 0 or 1" }).optional(),
  /** Base URL used in invite links. */
  APP_URL: z.url().optional(),
  /** HTTP port of `npm start` / `npm run dev`. */
  PORT: z.coerce.number({ error: "PORT must be a number" }).int().min(1).max(65_535).default(3000),
  /** "1" starts no background timers (escalation sweep, webhook dispatcher, export sweep): for load tests. */
  STEWARD_DISABLE_SCHEDULER: z.enum(["0", "1"], { error: "STEWARD_DISABLE_SCHEDULER must be 0 or 1" }).optional(),
  /** How often the escalation sweep runs (default 30 s). */
  STEWARD_SWEEP_INTERVAL_MS: milliseconds("STEWARD_SWEEP_INTERVAL_MS", 100),
  /** How often the webhook dispatcher delivers from the outbox (default 10 s). */
  STEWARD_WEBHOOK_INTERVAL_MS: milliseconds("STEWARD_WEBHOOK_INTERVAL_MS", 100),
  /** How often the scorecard export sweep picks up queued or stale exports (default 60 s). */
  STEWARD_EXPORT_SWEEP_INTERVAL_MS: milliseconds("STEWARD_EXPORT_SWEEP_INTERVAL_MS", 100),
  /** Lifetime of the dashboard's per-tenant cache (default 15 s; 0 turns it off). */
  STEWARD_DASHBOARD_CACHE_MS: milliseconds("STEWARD_DASHBOARD_CACHE_MS", 0),
});

export type Env = z.infer<typeof schema>;

/** Every variable the app reads (the README's configuration table lists each one). */
export const ENV_VARIABLES = Object.keys(schema.shape) as (keyof Env)[];

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  cached = parsed.data;
  return cached;
}

/** For tests that change process.env between cases. */
export function resetEnvCache() {
  cached = undefined;
}
