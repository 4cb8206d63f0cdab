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

/** A whole number from `min` to `max`, with one message that says so whatever is wrong with it. */
function wholeNumber(name: string, min: number, max: number) {
  const error = `${name} must be a whole number from ${min} to ${max}`;
  return z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });
}

/**
 * A periodic job's period in whole milliseconds, kept to the millisecond from 500 ms up (lib/jobs/queues.ts queues
 * the next run at a time, not in whole seconds); below 500 ms is refused, since the job queue polls at most every
 * 500 ms and could not keep it.
 */
function jobPeriod(name: string) {
  return z
    .string()
    .regex(/^\d+$/, { error: `${name} must be a whole number of milliseconds, e.g. 30000` })
    .transform(Number)
    .refine((ms) => ms >= 500 && ms <= 86_400_000, {
      error: `${name} must be between 500 and 86400000 ms (the job queue polls at most every 500 ms)`,
    })
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
  STEWARD_WEBHOOKS_ALLOW_PRIVATE: z
    .enum(["0", "1"], { error: "STEWARD_WEBHOOKS_ALLOW_PRIVATE must be 0 or 1" })
    .optional(),
  /**
   * How many reverse proxies in front of the app append to X-Forwarded-For. 0 (the default) ignores the
   * header and uses the connection's address; N takes the client address N entries from its right end.
   */
  TRUSTED_PROXY_HOPS: wholeNumber("TRUSTED_PROXY_HOPS", 0, 10).default(0),
  /**
   * What `npm start` runs: the web server, the job worker (lib/jobs), or both in one command. On the embedded
   * database the worker runs in the process that holds the database, so `web` alone leaves jobs waiting.
   */
  STEWARD_ROLE: z.enum(["web", "worker", "all"], { error: "STEWARD_ROLE must be web, worker or all" }).default("all"),
  /**
   * How far below the web server the job worker's CPU work runs (Unix nice, 0 to 19): on a machine the two share,
   * a recompute or PDF export then takes the CPU only while the web server does not need it.
   */
  STEWARD_WORKER_NICE: wholeNumber("STEWARD_WORKER_NICE", 0, 19).default(10),
  /** Base URL used in invite links. */
  APP_URL: z.url().optional(),
  /** The SMTP server mail is sent through, e.g. smtps://user:pass@smtp.example.com:465. Unset: no mail leaves. */
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "SMTP_URL must be an smtp:// or smtps:// URL" }).optional(),
  /** The From of every message: an address, or a name and an address ("Steward <steward@example.com>"). */
  MAIL_FROM: z
    .string()
    .regex(/^([^<>]*<[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)$/, {
      error: "MAIL_FROM must be an e-mail address or Name <address>",
    })
    .default("Steward <no-reply@steward.localhost>"),
  /**
   * Set by `npm run demo` (and the e2e server) when it starts its local SMTP catcher because SMTP_URL was unset: the
   * folder the caught mail is kept in, shown to owners at Settings → Mailbox. Never set it by hand in production.
   */
  STEWARD_DEV_MAILBOX_DIR: z.string().min(1).optional(),
  /** How often queued mail is sent (the mail.deliver job, lib/jobs/queues.ts). */
  STEWARD_MAIL_INTERVAL_MS: jobPeriod("STEWARD_MAIL_INTERVAL_MS"),
  /** HTTP port of `npm start` / `npm run dev`. */
  PORT: z.coerce.number({ error: "PORT must be a number" }).int().min(1).max(65_535).default(3000),
  /** How often the escalation sweep job runs (default 30 s; lib/jobs/queues.ts). */
  STEWARD_SWEEP_INTERVAL_MS: jobPeriod("STEWARD_SWEEP_INTERVAL_MS"),
  /** How often the webhook dispatch job delivers from the outbox (default 10 s). */
  STEWARD_WEBHOOK_INTERVAL_MS: jobPeriod("STEWARD_WEBHOOK_INTERVAL_MS"),
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

/**
 * scripts/next-server.mjs sets this flag in its own process before Next.js loads, and writes the connection's address
 * into a request header (lib/auth/client-address.ts): only then is that header the server's, not the client's. It is
 * not a setting, so it stays out of the schema and the README: an operator who set it under another server would let
 * every client choose its own address. Read on each call, as the tests switch it.
 */
export const SOCKET_ADDRESS_FLAG = "STEWARD_SOCKET_ADDRESS_HEADER";

export function socketAddressHeaderIsOurs(): boolean {
  return process.env[SOCKET_ADDRESS_FLAG] === "1";
}

/** For tests that change process.env between cases. */
export function resetEnvCache() {
  cached = undefined;
}
