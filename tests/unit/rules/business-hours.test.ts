import { describe, expect, it } from "vitest";
import {
  BusinessCalendarError,
  addWorkingMinutes,
  defaultCalendar,
  isWithinBusinessHours,
  validateCalendar,
  wallTime,
  workingMinutesBetween,
  type BusinessCalendar,
} from "@/lib/incidents/business-hours";

const d = (iso: string) => new Date(iso);
const iso = (date: Date) => date.toISOString();

// January 2025: Wed 1st → Fri 10th, Sat 11th, Sun 12th, Mon 13th, Tue 14th.
const UTC_OFFICE: BusinessCalendar = { timezone: "UTC" }; // defaults: Mon–Fri 09:00–17:00
const BERLIN: BusinessCalendar = { timezone: "Europe/Berlin", days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" };

describe("addWorkingMinutes", () => {
  it("is plain wall-clock arithmetic without a calendar (24/7)", () => {
    // Fri 16:00 + 240 min = Fri 20:00
    expect(iso(addWorkingMinutes(d("2025-01-10T16:00:00Z"), 240, null))).toBe("2025-01-10T20:00:00.000Z");
    expect(iso(addWorkingMinutes(d("2025-01-10T16:00:00Z"), 0, null))).toBe("2025-01-10T16:00:00.000Z");
  });

  it("skips the weekend: Fri 16:00 + 4 h → Mon 12:00", () => {
    // Fri 16:00–17:00 = 60; 240 − 60 = 180 left → Mon 09:00 + 180 = Mon 12:00
    expect(iso(addWorkingMinutes(d("2025-01-10T16:00:00Z"), 240, UTC_OFFICE))).toBe("2025-01-13T12:00:00.000Z");
  });

  it("starts counting at the next opening when outside hours", () => {
    // Sat 10:00 → Mon 09:00 + 60 = Mon 10:00
    expect(iso(addWorkingMinutes(d("2025-01-11T10:00:00Z"), 60, UTC_OFFICE))).toBe("2025-01-13T10:00:00.000Z");
    // Mon 07:00 (before opening) → 09:00 + 30 = 09:30
    expect(iso(addWorkingMinutes(d("2025-01-13T07:00:00Z"), 30, UTC_OFFICE))).toBe("2025-01-13T09:30:00.000Z");
    // Mon 18:00 (after closing) → Tue 09:00 + 30
    expect(iso(addWorkingMinutes(d("2025-01-13T18:00:00Z"), 30, UTC_OFFICE))).toBe("2025-01-14T09:30:00.000Z");
  });

  it("a deadline landing on closing time stays there", () => {
    // Mon 16:00 + 60 = Mon 17:00 (not Tue 09:00); + 61 = Tue 09:01
    expect(iso(addWorkingMinutes(d("2025-01-13T16:00:00Z"), 60, UTC_OFFICE))).toBe("2025-01-13T17:00:00.000Z");
    expect(iso(addWorkingMinutes(d("2025-01-13T16:00:00Z"), 61, UTC_OFFICE))).toBe("2025-01-14T09:01:00.000Z");
  });

  it("zero minutes returns the start unchanged, even outside hours", () => {
    expect(iso(addWorkingMinutes(d("2025-01-11T10:00:00Z"), 0, UTC_OFFICE))).toBe("2025-01-11T10:00:00.000Z");
  });

  it("spans whole weeks", () => {
    // Mon 09:00 + 5 · 480 = 2400 → Fri 17:00 ; + 2401 → next Mon 09:01
    expect(iso(addWorkingMinutes(d("2025-01-13T09:00:00Z"), 2400, UTC_OFFICE))).toBe("2025-01-17T17:00:00.000Z");
    expect(iso(addWorkingMinutes(d("2025-01-13T09:00:00Z"), 2401, UTC_OFFICE))).toBe("2025-01-20T09:01:00.000Z");
  });

  it("honours custom days and hours", () => {
    // weekends only, 10:00–14:00 (240 min a day): Fri 12:00 → Sat 10–14 = 240; 300 − 240 = 60 → Sun 11:00
    const weekends: BusinessCalendar = { timezone: "UTC", days: [6, 7], start: "10:00", end: "14:00" };
    expect(iso(addWorkingMinutes(d("2025-01-10T12:00:00Z"), 300, weekends))).toBe("2025-01-12T11:00:00.000Z");
    // every day 00:00–24:00 behaves like 24/7: Mon 10:00 + 1500 min (25 h) = Tue 11:00
    const always: BusinessCalendar = { timezone: "UTC", days: [1, 2, 3, 4, 5, 6, 7], start: "00:00", end: "24:00" };
    expect(iso(addWorkingMinutes(d("2025-01-13T10:00:00Z"), 1500, always))).toBe("2025-01-14T11:00:00.000Z");
  });

  it("uses local wall time of the calendar's time zone (Europe/Berlin, CET = UTC+1 in January)", () => {
    // Tue 07:30Z = 08:30 Berlin → opens 09:00 Berlin (08:00Z) + 60 = 10:00 Berlin = 09:00Z
    expect(iso(addWorkingMinutes(d("2025-01-14T07:30:00Z"), 60, BERLIN))).toBe("2025-01-14T09:00:00.000Z");
    // Tue 16:30Z = 17:30 Berlin (closed) → Wed 09:00 Berlin = 08:00Z, + 30 = 08:30Z
    expect(iso(addWorkingMinutes(d("2025-01-14T16:30:00Z"), 30, BERLIN))).toBe("2025-01-15T08:30:00.000Z");
  });

  it("crosses the Berlin DST change (Sun 30 March 2025, UTC+1 → UTC+2)", () => {
    // Fri 28 Mar 15:00Z = 16:00 CET; 60 min to 17:00 CET (16:00Z); 60 left →
    // Mon 31 Mar 09:00 CEST = 07:00Z, + 60 = 08:00Z
    expect(iso(addWorkingMinutes(d("2025-03-28T15:00:00Z"), 120, BERLIN))).toBe("2025-03-31T08:00:00.000Z");
  });

  it("uses the local date, not the UTC date (Asia/Tokyo, UTC+9)", () => {
    // Sun 12 Jan 23:30Z = Mon 13 Jan 08:30 JST → opens 09:00 JST = Mon 00:00Z, + 30 = 00:30Z
    const tokyo: BusinessCalendar = { timezone: "Asia/Tokyo" };
    expect(iso(addWorkingMinutes(d("2025-01-12T23:30:00Z"), 30, tokyo))).toBe("2025-01-13T00:30:00.000Z");
  });

  it("rejects negative minutes and invalid calendars", () => {
    expect(() => addWorkingMinutes(d("2025-01-13T09:00:00Z"), -1, null)).toThrow(
      "Working minutes must be a number ≥ 0 (got -1)",
    );
    expect(() => addWorkingMinutes(d("2025-01-13T09:00:00Z"), 10, { timezone: "Mars/Olympus" })).toThrow(
      BusinessCalendarError,
    );
    expect(() => addWorkingMinutes(d("2025-01-13T09:00:00Z"), 10, { timezone: "Mars/Olympus" })).toThrow(
      'Unknown time zone "Mars/Olympus"',
    );
  });
});

describe("workingMinutesBetween", () => {
  it("24/7 is wall-clock minutes", () => {
    expect(workingMinutesBetween(d("2025-01-10T16:00:00Z"), d("2025-01-13T10:00:00Z"), null)).toBe(66 * 60); // Fri 16 → Mon 10 = 66 h
  });

  it("counts only business hours, signed", () => {
    // Fri 16:00 → Mon 10:00 = 60 (Fri) + 60 (Mon) = 120
    expect(workingMinutesBetween(d("2025-01-10T16:00:00Z"), d("2025-01-13T10:00:00Z"), UTC_OFFICE)).toBe(120);
    expect(workingMinutesBetween(d("2025-01-13T10:00:00Z"), d("2025-01-10T16:00:00Z"), UTC_OFFICE)).toBe(-120);
    // within one day: 10:00 → 11:30 = 90
    expect(workingMinutesBetween(d("2025-01-13T10:00:00Z"), d("2025-01-13T11:30:00Z"), UTC_OFFICE)).toBe(90);
    // Sat → Sun: 0
    expect(workingMinutesBetween(d("2025-01-11T10:00:00Z"), d("2025-01-12T10:00:00Z"), UTC_OFFICE)).toBe(0);
    // Mon 09:00 → next Mon 09:00 = 5 · 480 = 2400
    expect(workingMinutesBetween(d("2025-01-13T09:00:00Z"), d("2025-01-20T09:00:00Z"), UTC_OFFICE)).toBe(2400);
    // fractional minutes are kept: 30 s
    expect(workingMinutesBetween(d("2025-01-13T10:00:00Z"), d("2025-01-13T10:00:30Z"), UTC_OFFICE)).toBe(0.5);
  });

  it("is the inverse of addWorkingMinutes", () => {
    const start = d("2025-01-10T16:00:00Z");
    const due = addWorkingMinutes(start, 1000, UTC_OFFICE);
    expect(workingMinutesBetween(start, due, UTC_OFFICE)).toBe(1000);
  });

  it("across the Berlin DST change", () => {
    // Fri 28 Mar 15:00Z (16:00 CET) → Mon 31 Mar 08:00Z (10:00 CEST) = 60 + 60 = 120
    expect(workingMinutesBetween(d("2025-03-28T15:00:00Z"), d("2025-03-31T08:00:00Z"), BERLIN)).toBe(120);
  });
});

describe("calendar helpers", () => {
  it("validateCalendar", () => {
    expect(validateCalendar(UTC_OFFICE)).toBeNull();
    expect(validateCalendar(BERLIN)).toBeNull();
    expect(validateCalendar({ timezone: "Nowhere/Land" })).toBe('Unknown time zone "Nowhere/Land"');
    expect(validateCalendar({ timezone: "UTC", days: [] })).toBe("Business hours need at least one working day");
    expect(validateCalendar({ timezone: "UTC", days: [0, 1] })).toBe(
      "Working days must be numbers from 1 (Monday) to 7 (Sunday)",
    );
    expect(validateCalendar({ timezone: "UTC", start: "9am" })).toBe('Invalid start time "9am" (use HH:MM)');
    expect(validateCalendar({ timezone: "UTC", end: "25:00" })).toBe('Invalid end time "25:00" (use HH:MM)');
    expect(validateCalendar({ timezone: "UTC", start: "17:00", end: "09:00" })).toBe(
      "The end of business hours must be after the start",
    );
  });

  it("defaultCalendar is Mon–Fri 09:00–17:00", () => {
    expect(defaultCalendar("Europe/Berlin")).toEqual({
      timezone: "Europe/Berlin",
      days: [1, 2, 3, 4, 5],
      start: "09:00",
      end: "17:00",
    });
  });

  it("isWithinBusinessHours", () => {
    expect(isWithinBusinessHours(d("2025-01-13T09:00:00Z"), UTC_OFFICE)).toBe(true);
    expect(isWithinBusinessHours(d("2025-01-13T17:00:00Z"), UTC_OFFICE)).toBe(false); // end is exclusive
    expect(isWithinBusinessHours(d("2025-01-11T12:00:00Z"), UTC_OFFICE)).toBe(false); // Saturday
    expect(isWithinBusinessHours(d("2025-01-13T08:30:00Z"), BERLIN)).toBe(true); // 09:30 CET
    expect(isWithinBusinessHours(d("2025-01-11T12:00:00Z"), null)).toBe(true);
  });

  it("wallTime gives the local time", () => {
    expect(wallTime(d("2025-07-01T07:15:00Z"), "Europe/Berlin")).toEqual({
      year: 2025,
      month: 7,
      day: 1,
      hour: 9,
      minute: 15,
      second: 0,
    });
    expect(wallTime(d("2025-01-12T23:30:00Z"), "Asia/Tokyo")).toMatchObject({ day: 13, hour: 8, minute: 30 });
  });
});
