import { describe, expect, it } from "vitest";
import type { BusinessCalendar } from "@/lib/incidents/business-hours";
import {
  SlaClockError,
  clockCalendar,
  clockFactsFromRecord,
  computeSlaClock,
  pausedMinutesAfterResume,
  pausedWorkingMinutes,
  type SlaPolicyRule,
} from "@/lib/incidents/sla-clock";

const d = (iso: string) => new Date(iso);
const iso = (date: Date | null) => (date ? date.toISOString() : null);

// January 2025: Tue 7th, Wed 8th, Fri 10th, Sat 11th, Sun 12th, Mon 13th, Tue 14th.
const UTC_OFFICE: BusinessCalendar = { timezone: "UTC", days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" };
const BERLIN: BusinessCalendar = { timezone: "Europe/Berlin" };
const ALWAYS: SlaPolicyRule = { ackMinutes: 30, resolveMinutes: 240, businessHoursOnly: false };

describe("SLA clock, 24/7", () => {
  it("one finished pause pushes the resolve deadline", () => {
    // opened 10:00, acked 10:20, waiting 11:00–12:30 (90 min), now 13:00
    // ackDue = 10:00 + 30 = 10:30 (acked 10:20: not breached)
    // resolveDue = 10:00 + 240 + 90 = 15:30
    // elapsed = (13:00 − 10:00) − 90 = 180 − 90 = 90
    // remaining = 15:30 − 13:00 = 150
    const clock = computeSlaClock(
      {
        openedAt: d("2025-01-13T10:00:00Z"),
        acknowledgedAt: d("2025-01-13T10:20:00Z"),
        waits: [{ from: d("2025-01-13T11:00:00Z"), to: d("2025-01-13T12:30:00Z") }],
      },
      ALWAYS,
      d("2025-01-13T13:00:00Z"),
    );
    expect(iso(clock.ackDueAt)).toBe("2025-01-13T10:30:00.000Z");
    expect(iso(clock.resolveDueAt)).toBe("2025-01-13T15:30:00.000Z");
    expect(clock).toMatchObject({
      ackBreached: false,
      resolveBreached: false,
      elapsedWorkingMinutes: 90,
      pausedWorkingMinutes: 90,
      nextDeadline: "RESOLVE",
      remainingMinutes: 150,
      remainingWorkingMinutes: 150,
      paused: false,
      acknowledged: true,
      resolved: false,
    });
    expect(iso(clock.nextDueAt)).toBe("2025-01-13T15:30:00.000Z");
  });

  it("while paused the deadline moves with the pause and nextDueAt is null", () => {
    const facts = {
      openedAt: d("2025-01-13T10:00:00Z"),
      acknowledgedAt: d("2025-01-13T10:20:00Z"),
      waits: [{ from: d("2025-01-13T12:00:00Z") }],
    };
    // now 13:00: paused 60 → resolveDue = 10:00 + 240 + 60 = 15:00; remaining 120; elapsed 180 − 60 = 120
    const at13 = computeSlaClock(facts, ALWAYS, d("2025-01-13T13:00:00Z"));
    expect(iso(at13.resolveDueAt)).toBe("2025-01-13T15:00:00.000Z");
    expect(at13).toMatchObject({
      paused: true,
      nextDueAt: null,
      remainingMinutes: 120,
      elapsedWorkingMinutes: 120,
      pausedWorkingMinutes: 60,
    });
    // now 14:00: paused 120 → resolveDue 16:00; remaining still 120; elapsed still 120
    const at14 = computeSlaClock(facts, ALWAYS, d("2025-01-13T14:00:00Z"));
    expect(iso(at14.resolveDueAt)).toBe("2025-01-13T16:00:00.000Z");
    expect(at14).toMatchObject({ paused: true, nextDueAt: null, remainingMinutes: 120, elapsedWorkingMinutes: 120 });
  });

  it("extraMinutes (approved extensions) extend the resolve deadline only", () => {
    // resolveDue = 10:00 + 240 + 30 = 14:30 ; ackDue unchanged 10:30
    const clock = computeSlaClock(
      { openedAt: d("2025-01-13T10:00:00Z"), extraMinutes: 30 },
      ALWAYS,
      d("2025-01-13T10:05:00Z"),
    );
    expect(iso(clock.ackDueAt)).toBe("2025-01-13T10:30:00.000Z");
    expect(iso(clock.resolveDueAt)).toBe("2025-01-13T14:30:00.000Z");
    // not acknowledged yet: the next deadline is the ack, 10:30 − 10:05 = 25
    expect(clock).toMatchObject({ nextDeadline: "ACK", remainingMinutes: 25, elapsedWorkingMinutes: 5 });
    expect(iso(clock.nextDueAt)).toBe("2025-01-13T10:30:00.000Z");
  });

  it("overlapping waits are merged", () => {
    // 11:00–12:00 ∪ 11:30–12:30 = 11:00–12:30 = 90
    const waits = [
      { from: d("2025-01-13T11:00:00Z"), to: d("2025-01-13T12:00:00Z") },
      { from: d("2025-01-13T11:30:00Z"), to: d("2025-01-13T12:30:00Z") },
    ];
    expect(pausedWorkingMinutes(waits, d("2025-01-13T10:00:00Z"), d("2025-01-13T13:00:00Z"), null)).toBe(90);
    // clipped to the [openedAt, end] window: end 11:45 → 11:00–11:45 = 45
    expect(pausedWorkingMinutes(waits, d("2025-01-13T10:00:00Z"), d("2025-01-13T11:45:00Z"), null)).toBe(45);
  });
});

describe("SLA clock, breaches", () => {
  const policy: SlaPolicyRule = { ackMinutes: 30, resolveMinutes: 60, businessHoursOnly: false };
  const openedAt = d("2025-01-13T10:00:00Z");

  it("unacknowledged past the ack deadline: ack breached, remaining negative", () => {
    // ackDue 10:30, now 10:45 → −15
    const clock = computeSlaClock({ openedAt }, policy, d("2025-01-13T10:45:00Z"));
    expect(clock).toMatchObject({
      ackBreached: true,
      resolveBreached: false,
      nextDeadline: "ACK",
      remainingMinutes: -15,
      remainingWorkingMinutes: -15,
    });
    expect(iso(clock.nextDueAt)).toBe("2025-01-13T10:30:00.000Z");
  });

  it("exactly at the deadline is not yet a breach", () => {
    const clock = computeSlaClock({ openedAt }, policy, d("2025-01-13T10:30:00Z"));
    expect(clock).toMatchObject({ ackBreached: false, remainingMinutes: 0 });
    // one second later: breached, remaining floors to −1
    const later = computeSlaClock({ openedAt }, policy, d("2025-01-13T10:30:01Z"));
    expect(later).toMatchObject({ ackBreached: true, remainingMinutes: -1 });
  });

  it("late ack stays an ack breach; past resolve due is a resolve breach", () => {
    // acked 10:40 > 10:30; resolveDue 11:00, now 11:10 → −10
    const clock = computeSlaClock(
      { openedAt, acknowledgedAt: d("2025-01-13T10:40:00Z") },
      policy,
      d("2025-01-13T11:10:00Z"),
    );
    expect(clock).toMatchObject({
      ackBreached: true,
      resolveBreached: true,
      nextDeadline: "RESOLVE",
      remainingMinutes: -10,
      elapsedWorkingMinutes: 70,
    });
  });

  it("resolved in time: no breach, no next deadline", () => {
    // acked 10:20, resolved 10:50; elapsed 50 (frozen at resolution), now much later
    const clock = computeSlaClock(
      { openedAt, acknowledgedAt: d("2025-01-13T10:20:00Z"), resolvedAt: d("2025-01-13T10:50:00Z") },
      policy,
      d("2025-01-13T18:00:00Z"),
    );
    expect(clock).toMatchObject({
      ackBreached: false,
      resolveBreached: false,
      resolved: true,
      nextDeadline: null,
      remainingMinutes: null,
      remainingWorkingMinutes: null,
      nextDueAt: null,
      elapsedWorkingMinutes: 50,
    });
  });

  it("resolved late without an acknowledgement: both breached (resolution counts as the ack)", () => {
    // resolved 11:05 > ackDue 10:30 and > resolveDue 11:00; elapsed 65
    const clock = computeSlaClock(
      { openedAt, resolvedAt: d("2025-01-13T11:05:00Z") },
      policy,
      d("2025-01-13T12:00:00Z"),
    );
    expect(clock).toMatchObject({
      ackBreached: true,
      resolveBreached: true,
      acknowledged: true,
      resolved: true,
      elapsedWorkingMinutes: 65,
    });
  });

  it("a breach stays a breach while paused", () => {
    // acked 10:05, waiting since 11:30; resolveDue = 10:00 + 60 + paused
    // now 12:00: paused 30 → due 11:30, −30 ; now 13:00: paused 90 → due 12:30, −30
    const facts = { openedAt, acknowledgedAt: d("2025-01-13T10:05:00Z"), waits: [{ from: d("2025-01-13T11:30:00Z") }] };
    const at12 = computeSlaClock(facts, policy, d("2025-01-13T12:00:00Z"));
    expect(at12).toMatchObject({ resolveBreached: true, paused: true, nextDueAt: null, remainingMinutes: -30 });
    const at13 = computeSlaClock(facts, policy, d("2025-01-13T13:00:00Z"));
    expect(iso(at13.resolveDueAt)).toBe("2025-01-13T12:30:00.000Z");
    expect(at13).toMatchObject({ resolveBreached: true, remainingMinutes: -30 });
  });

  it("evaluates as of now: later timestamps are ignored", () => {
    // at 10:10 the ack (10:20) and resolution (10:50) have not happened yet
    const clock = computeSlaClock(
      { openedAt, acknowledgedAt: d("2025-01-13T10:20:00Z"), resolvedAt: d("2025-01-13T10:50:00Z") },
      policy,
      d("2025-01-13T10:10:00Z"),
    );
    expect(clock).toMatchObject({
      acknowledged: false,
      resolved: false,
      nextDeadline: "ACK",
      remainingMinutes: 20,
      elapsedWorkingMinutes: 10,
    });
  });

  it("rejects negative minutes", () => {
    expect(() => computeSlaClock({ openedAt, extraMinutes: -5 }, policy, openedAt)).toThrow(SlaClockError);
    expect(() => computeSlaClock({ openedAt, extraMinutes: -5 }, policy, openedAt)).toThrow(
      "extraMinutes must be a number ≥ 0 (got -5)",
    );
    expect(() => computeSlaClock({ openedAt }, { ...policy, ackMinutes: -1 }, openedAt)).toThrow(
      "ackMinutes must be a number ≥ 0 (got -1)",
    );
  });
});

describe("SLA clock, business hours", () => {
  const bh: SlaPolicyRule = { ackMinutes: 240, resolveMinutes: 960, businessHoursOnly: true };

  it("opened Friday 16:00 with a 4 h ack target → due Monday 12:00", () => {
    // ackDue: Fri 16–17 = 60, 180 left → Mon 09:00 + 180 = Mon 12:00
    // resolveDue: 960 = Fri 60 + Mon 480 (540) + Tue 420 → Tue 09:00 + 7 h = Tue 16:00
    // now Mon 10:00, not acked: elapsed = Fri 60 + Mon 60 = 120; remaining (working) = Mon 10→12 = 120
    // remaining (wall) = Mon 10:00 → Mon 12:00 = 120 as well
    const clock = computeSlaClock({ openedAt: d("2025-01-10T16:00:00Z") }, bh, d("2025-01-13T10:00:00Z"), UTC_OFFICE);
    expect(iso(clock.ackDueAt)).toBe("2025-01-13T12:00:00.000Z");
    expect(iso(clock.resolveDueAt)).toBe("2025-01-14T16:00:00.000Z");
    expect(clock).toMatchObject({
      ackBreached: false,
      elapsedWorkingMinutes: 120,
      nextDeadline: "ACK",
      remainingWorkingMinutes: 120,
      remainingMinutes: 120,
    });
    expect(iso(clock.nextDueAt)).toBe("2025-01-13T12:00:00.000Z");
    // seen on Saturday 12:00: wall remaining Sat 12:00 → Mon 12:00 = 2880, working 180
    const sat = computeSlaClock({ openedAt: d("2025-01-10T16:00:00Z") }, bh, d("2025-01-11T12:00:00Z"), UTC_OFFICE);
    expect(sat).toMatchObject({ elapsedWorkingMinutes: 60, remainingMinutes: 2880, remainingWorkingMinutes: 180 });
  });

  it("opened on Saturday starts counting Monday 09:00", () => {
    // ack 60 → Mon 10:00; now Sun 12:00: elapsed 0
    const clock = computeSlaClock(
      { openedAt: d("2025-01-11T10:00:00Z") },
      { ackMinutes: 60, resolveMinutes: 480, businessHoursOnly: true },
      d("2025-01-12T12:00:00Z"),
      UTC_OFFICE,
    );
    expect(iso(clock.ackDueAt)).toBe("2025-01-13T10:00:00.000Z");
    expect(iso(clock.resolveDueAt)).toBe("2025-01-13T17:00:00.000Z"); // 09:00 + 480
    expect(clock).toMatchObject({ elapsedWorkingMinutes: 0, remainingWorkingMinutes: 60, ackBreached: false });
  });

  it("a pause spanning a night only shifts by its working minutes", () => {
    // opened Tue 10:00, acked 10:30 (ackDue 11:00), resolve 480
    // waiting Tue 16:00 → Wed 10:00 = Tue 16–17 (60) + Wed 09–10 (60) = 120 working minutes
    // resolveDue = Tue 10:00 + 480 + 120 = 600: Tue 10–17 = 420, 180 left → Wed 12:00
    // now Wed 11:00: elapsed = Tue 420 + Wed 120 − 120 paused = 420; remaining = 60
    const policy: SlaPolicyRule = { ackMinutes: 60, resolveMinutes: 480, businessHoursOnly: true };
    const clock = computeSlaClock(
      {
        openedAt: d("2025-01-07T10:00:00Z"),
        acknowledgedAt: d("2025-01-07T10:30:00Z"),
        waits: [{ from: d("2025-01-07T16:00:00Z"), to: d("2025-01-08T10:00:00Z") }],
      },
      policy,
      d("2025-01-08T11:00:00Z"),
      UTC_OFFICE,
    );
    expect(iso(clock.ackDueAt)).toBe("2025-01-07T11:00:00.000Z");
    expect(iso(clock.resolveDueAt)).toBe("2025-01-08T12:00:00.000Z");
    expect(clock).toMatchObject({
      pausedWorkingMinutes: 120,
      elapsedWorkingMinutes: 420,
      remainingMinutes: 60,
      remainingWorkingMinutes: 60,
      ackBreached: false,
      resolveBreached: false,
      paused: false,
    });
    // The same incident rebuilt from its stored row (finished waits folded into pausedMinutes).
    const fromRecord = computeSlaClock(
      clockFactsFromRecord({
        openedAt: d("2025-01-07T10:00:00Z"),
        acknowledgedAt: d("2025-01-07T10:30:00Z"),
        resolvedAt: null,
        pausedMinutes: 120,
        pausedAt: null,
        extraMinutes: 0,
      }),
      policy,
      d("2025-01-08T11:00:00Z"),
      UTC_OFFICE,
    );
    expect(fromRecord).toEqual(clock);
    // and the stored pausedMinutes would have been computed when the wait ended:
    expect(
      pausedMinutesAfterResume(
        { openedAt: d("2025-01-07T10:00:00Z"), pausedMinutes: 0 },
        d("2025-01-07T16:00:00Z"),
        d("2025-01-08T10:00:00Z"),
        policy,
        UTC_OFFICE,
      ),
    ).toBe(120);
  });

  it("Europe/Berlin calendar (CET, UTC+1): breach after closing time", () => {
    // opened Tue 14 Jan 07:30Z = 08:30 Berlin; ack 60 → 09:00 + 60 = 10:00 Berlin = 09:00Z
    // resolve 480 → 09:00 + 8 h = 17:00 Berlin = 16:00Z
    // now 16:30Z (17:30 Berlin), acked 08:45Z: resolve breached;
    // remaining (wall) = 16:00 − 16:30 = −30; remaining (working) = 0 (after closing)
    // elapsed = 08:00Z–16:00Z = 480
    const clock = computeSlaClock(
      { openedAt: d("2025-01-14T07:30:00Z"), acknowledgedAt: d("2025-01-14T08:45:00Z") },
      { ackMinutes: 60, resolveMinutes: 480, businessHoursOnly: true },
      d("2025-01-14T16:30:00Z"),
      BERLIN,
    );
    expect(iso(clock.ackDueAt)).toBe("2025-01-14T09:00:00.000Z");
    expect(iso(clock.resolveDueAt)).toBe("2025-01-14T16:00:00.000Z");
    expect(clock).toMatchObject({
      ackBreached: false,
      resolveBreached: true,
      remainingMinutes: -30,
      remainingWorkingMinutes: 0,
      elapsedWorkingMinutes: 480,
    });
  });

  it("ignores the calendar when the policy is 24/7, and defaults it when missing", () => {
    expect(clockCalendar({ ...bh, businessHoursOnly: false }, UTC_OFFICE)).toBeNull();
    expect(clockCalendar(bh, null)).toEqual({ timezone: "UTC", days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" });
    // 24/7 policy with a calendar given: Fri 16:00 + 240 = Fri 20:00
    const clock = computeSlaClock(
      { openedAt: d("2025-01-10T16:00:00Z") },
      { ...bh, businessHoursOnly: false },
      d("2025-01-10T16:00:00Z"),
      UTC_OFFICE,
    );
    expect(iso(clock.ackDueAt)).toBe("2025-01-10T20:00:00.000Z");
    // businessHoursOnly without a calendar uses Mon–Fri 09–17 UTC: same as UTC_OFFICE
    const dflt = computeSlaClock({ openedAt: d("2025-01-10T16:00:00Z") }, bh, d("2025-01-10T16:00:00Z"));
    expect(iso(dflt.ackDueAt)).toBe("2025-01-13T12:00:00.000Z");
  });
});
