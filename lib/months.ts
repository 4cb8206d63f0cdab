/**
 * Calendar months, the period of scorecards, value snapshots and standards assessments. A month is its
 * first day at 00:00 UTC as a Date, and "YYYY-MM" as text (in URLs, forms, the API and exports).
 */
import { z } from "zod";

/** "YYYY-MM" with a real month (01–12). */
const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The first day (00:00 UTC) of the month `date` falls in. */
export function monthStart(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
}

/** "2026-11" → 2026-11-01T00:00Z; anything else is a RangeError. */
export function parseMonth(month: string): Date {
  if (!MONTH_PATTERN.test(month)) throw new RangeError(`Not a month: ${month} (expected YYYY-MM)`);
  return new Date(`${month}-01T00:00:00Z`);
}

/** A date's month as "YYYY-MM" (UTC). */
export function formatMonth(date: Date): string {
  return date.toISOString().slice(0, 7);
}

export function isMonthText(value: unknown): value is string {
  return typeof value === "string" && MONTH_PATTERN.test(value);
}

/** A "YYYY-MM" form or query field; `message` says which month to choose. */
export function monthField(message = "Choose a month (YYYY-MM)") {
  return z.string({ error: "Choose a month" }).trim().regex(MONTH_PATTERN, { error: message });
}

/** A "YYYY-MM" field for this month or an earlier one. */
export function pastMonthField(message?: string) {
  // Zod runs every check even after the pattern fails: guard, so a malformed month is a field error, not a RangeError.
  return monthField(message).refine((m) => !MONTH_PATTERN.test(m) || parseMonth(m).getTime() <= Date.now(), {
    error: "Choose this month or an earlier one",
  });
}
