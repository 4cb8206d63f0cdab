import { env } from "./env";

// Structured server-side log lines (JSON), so unexpected errors are kept without reaching users.
const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
type Level = keyof typeof LEVELS;

function write(level: Level, message: string, data?: Record<string, unknown>) {
  if (LEVELS[level] < LEVELS[env().LOG_LEVEL]) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, message, ...serialize(data) });
  (level === "error" || level === "warn" ? process.stderr : process.stdout).write(`${line}\n`);
}

function serialize(data?: Record<string, unknown>) {
  if (!data) return {};
  return Object.fromEntries(
    Object.entries(data).map(([k, v]) => [
      k,
      v instanceof Error ? { name: v.name, message: v.message, stack: v.stack } : v,
    ]),
  );
}

export const log = {
  debug: (m: string, d?: Record<string, unknown>) => write("debug", m, d),
  info: (m: string, d?: Record<string, unknown>) => write("info", m, d),
  warn: (m: string, d?: Record<string, unknown>) => write("warn", m, d),
  error: (m: string, d?: Record<string, unknown>) => write("error", m, d),
};
