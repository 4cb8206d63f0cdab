/**
 * Working-time arithmetic for SLA clocks, with no date library: the calendar's local wall
 * time comes from Intl.DateTimeFormat, so any IANA time zone (and its DST changes) works.
 *
 * A calendar is one daily window [start, end) on the given weekdays (1 = Monday … 7 = Sunday),
 * in local time. `null` instead of a calendar means 24/7: a working minute is a wall minute.
 */

export interface BusinessCalendar {
  /** IANA time zone, e.g. "Europe/Berlin" or "UTC". */
  timezone: string;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. Default Monday–Friday. */
  days?: readonly number[];
  /** Local "HH:MM", default "09:00". */
  start?: string;
  /** Local "HH:MM" (up to "24:00"), after start, default "17:00". */
  end?: string;
}

export const DEFAULT_BUSINESS_DAYS: readonly number[] = [1, 2, 3, 4, 5];
export const DEFAULT_BUSINESS_START = "09:00";
export const DEFAULT_BUSINESS_END = "17:00";

export const WEEKDAY_LABELS: Record<number, string> = {
  1: "Monday",
  2: "Tuesday",
  3: "Wednesday",
  4: "Thursday",
  5: "Friday",
  6: "Saturday",
  7: "Sunday",
};

export function defaultCalendar(timezone = "UTC"): Required<BusinessCalendar> {
  return { timezone, days: DEFAULT_BUSINESS_DAYS, start: DEFAULT_BUSINESS_START, end: DEFAULT_BUSINESS_END };
}

export class BusinessCalendarError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BusinessCalendarError";
  }
}

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Safety stop for the day-by-day walk (about 30 years). */
const MAX_DAYS = 11_000;

function parseClock(value: string): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return null;
  return h * 60 + min;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timezone: string): Intl.DateTimeFormat {
  let f = formatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: timezone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timezone, f);
  }
  return f;
}

function isValidTimeZone(timezone: string): boolean {
  try {
    formatterFor(timezone);
    return true;
  } catch {
    return false;
  }
}

/** Error message for a calendar, or null when valid. */
export function validateCalendar(calendar: BusinessCalendar): string | null {
  if (typeof calendar.timezone !== "string" || !isValidTimeZone(calendar.timezone)) {
    return `Unknown time zone "${String(calendar.timezone)}"`;
  }
  const days = calendar.days ?? DEFAULT_BUSINESS_DAYS;
  if (days.length === 0) return "Business hours need at least one working day";
  if (days.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) {
    return "Working days must be numbers from 1 (Monday) to 7 (Sunday)";
  }
  const start = parseClock(calendar.start ?? DEFAULT_BUSINESS_START);
  const end = parseClock(calendar.end ?? DEFAULT_BUSINESS_END);
  if (start === null || start >= 24 * 60) return `Invalid start time "${calendar.start}" (use HH:MM)`;
  if (end === null) return `Invalid end time "${calendar.end}" (use HH:MM)`;
  if (end <= start) return "The end of business hours must be after the start";
  return null;
}

interface ResolvedCalendar {
  timezone: string;
  days: ReadonlySet<number>;
  startMinute: number;
  endMinute: number;
}

function resolveCalendar(calendar: BusinessCalendar): ResolvedCalendar {
  const error = validateCalendar(calendar);
  if (error) throw new BusinessCalendarError(error);
  return {
    timezone: calendar.timezone,
    days: new Set(calendar.days ?? DEFAULT_BUSINESS_DAYS),
    startMinute: parseClock(calendar.start ?? DEFAULT_BUSINESS_START)!,
    endMinute: parseClock(calendar.end ?? DEFAULT_BUSINESS_END)!,
  };
}

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Local wall-clock time of an instant in a time zone. */
export function wallTime(instant: Date | number, timezone: string): WallTime {
  const parts = formatterFor(timezone).formatToParts(typeof instant === "number" ? instant : instant.getTime());
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const hour = get("hour");
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: hour === 24 ? 0 : hour,
    minute: get("minute"),
    second: get("second"),
  };
}

/** UTC offset (local − UTC) in ms at an instant. */
function offsetAt(ms: number, timezone: string): number {
  const w = wallTime(ms, timezone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** The instant of a local date (days since epoch) and minute of day; gaps and overlaps resolve to a nearby instant. */
function localToInstant(dayNumber: number, minuteOfDay: number, timezone: string): number {
  const guess = dayNumber * DAY + minuteOfDay * MINUTE;
  const o1 = offsetAt(guess, timezone);
  const t = guess - o1;
  const o2 = offsetAt(t, timezone);
  return o2 === o1 ? t : guess - o2;
}

/** Local calendar date of an instant, as days since 1970-01-01. */
function localDayNumber(ms: number, timezone: string): number {
  const w = wallTime(ms, timezone);
  return Date.UTC(w.year, w.month - 1, w.day) / DAY;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a day number. */
function isoWeekday(dayNumber: number): number {
  const d = new Date(dayNumber * DAY).getUTCDay();
  return d === 0 ? 7 : d;
}

function windowOf(cal: ResolvedCalendar, dayNumber: number): [number, number] | null {
  if (!cal.days.has(isoWeekday(dayNumber))) return null;
  return [
    localToInstant(dayNumber, cal.startMinute, cal.timezone),
    localToInstant(dayNumber, cal.endMinute, cal.timezone),
  ];
}

/** Whether the instant falls inside business hours (always true for 24/7). */
export function isWithinBusinessHours(at: Date, calendar: BusinessCalendar | null): boolean {
  if (!calendar) return true;
  const cal = resolveCalendar(calendar);
  const ms = at.getTime();
  const w = windowOf(cal, localDayNumber(ms, cal.timezone));
  return w !== null && ms >= w[0] && ms < w[1];
}

/**
 * The instant at which `minutes` working minutes have elapsed after `start`.
 * Counting starts at the next opening when `start` is outside business hours; a due time
 * that lands exactly on closing stays there (Friday 17:00, not Monday 09:00).
 * `minutes` = 0 returns `start` unchanged.
 */
export function addWorkingMinutes(start: Date, minutes: number, calendar: BusinessCalendar | null): Date {
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`Working minutes must be a number ≥ 0 (got ${minutes})`);
  }
  let remaining = Math.round(minutes * MINUTE);
  if (!calendar) return new Date(start.getTime() + remaining);
  const cal = resolveCalendar(calendar);
  let cursor = start.getTime();
  if (remaining === 0) return new Date(cursor);
  let day = localDayNumber(cursor, cal.timezone);
  for (let i = 0; i < MAX_DAYS; i++, day++) {
    const w = windowOf(cal, day);
    if (!w) continue;
    const from = Math.max(w[0], cursor);
    if (from >= w[1]) continue;
    const available = w[1] - from;
    if (remaining <= available) return new Date(from + remaining);
    remaining -= available;
    cursor = w[1];
  }
  throw new RangeError("Working minutes too large to place on the calendar");
}

/**
 * Working minutes from `a` to `b` (fractional minutes possible; negative when b is before a).
 */
export function workingMinutesBetween(a: Date, b: Date, calendar: BusinessCalendar | null): number {
  const from = a.getTime();
  const to = b.getTime();
  if (to < from) return -workingMinutesBetween(b, a, calendar);
  if (!calendar) return (to - from) / MINUTE;
  const cal = resolveCalendar(calendar);
  const lastDay = localDayNumber(to, cal.timezone);
  let total = 0;
  let day = localDayNumber(from, cal.timezone);
  if (lastDay - day > MAX_DAYS) throw new RangeError("Interval too long for working-time arithmetic");
  for (; day <= lastDay; day++) {
    const w = windowOf(cal, day);
    if (!w) continue;
    const s = Math.max(w[0], from);
    const e = Math.min(w[1], to);
    if (e > s) total += e - s;
  }
  return total / MINUTE;
}
