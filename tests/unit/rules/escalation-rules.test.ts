import { describe, expect, it } from "vitest";
import { escalationsDue, targetEscalationLevel } from "@/lib/incidents/escalation-rules";
import { computeSlaClock } from "@/lib/incidents/sla-clock";

const ok = { ackBreached: false, resolveBreached: false };
const ackMissed = { ackBreached: true, resolveBreached: false };
const resolveMissed = { ackBreached: false, resolveBreached: true };
const both = { ackBreached: true, resolveBreached: true };

describe("targetEscalationLevel", () => {
  it.each([
    [ok, 1],
    [ackMissed, 2],
    [resolveMissed, 3],
    [both, 3],
  ] as const)("%o → level %d", (clock, level) => {
    expect(targetEscalationLevel(clock)).toBe(level);
  });

  it("never goes below the current level and never above 3", () => {
    expect(targetEscalationLevel(ok, 2)).toBe(2);
    expect(targetEscalationLevel(ackMissed, 3)).toBe(3);
    expect(targetEscalationLevel(both, 7)).toBe(3);
    expect(targetEscalationLevel(ok, 0)).toBe(1);
  });

  it("follows a real clock", () => {
    const openedAt = new Date("2025-01-13T10:00:00Z");
    const policy = { ackMinutes: 30, resolveMinutes: 60, businessHoursOnly: false };
    // 10:20: nothing missed → 1 ; 10:45 unacked → 2 ; 11:10 unresolved → 3
    expect(targetEscalationLevel(computeSlaClock({ openedAt }, policy, new Date("2025-01-13T10:20:00Z")))).toBe(1);
    expect(targetEscalationLevel(computeSlaClock({ openedAt }, policy, new Date("2025-01-13T10:45:00Z")))).toBe(2);
    expect(targetEscalationLevel(computeSlaClock({ openedAt }, policy, new Date("2025-01-13T11:10:00Z")))).toBe(3);
  });
});

describe("escalationsDue", () => {
  it("one row per level climbed, with its reason", () => {
    expect(escalationsDue(ok)).toEqual([]);
    expect(escalationsDue(ackMissed)).toEqual([{ level: 2, reason: "ACK_BREACH" }]);
    expect(escalationsDue(both)).toEqual([
      { level: 2, reason: "ACK_BREACH" },
      { level: 3, reason: "RESOLVE_BREACH" },
    ]);
    // acked in time but resolution missed: level 2 is reached through the resolve breach
    expect(escalationsDue(resolveMissed)).toEqual([
      { level: 2, reason: "RESOLVE_BREACH" },
      { level: 3, reason: "RESOLVE_BREACH" },
    ]);
  });

  it("nothing again for levels already reached", () => {
    expect(escalationsDue(ackMissed, 2)).toEqual([]);
    expect(escalationsDue(both, 2)).toEqual([{ level: 3, reason: "RESOLVE_BREACH" }]);
    expect(escalationsDue(both, 3)).toEqual([]);
  });
});
