import { describe, expect, it } from "vitest";
import {
  daysUntilDue,
  describeMovement,
  isDueSoon,
  metricMovement,
  overdueLevel,
  overdueLevelsDue,
  planProgress,
  reminderDue,
  reminderFrom,
} from "@/lib/plans/progress";

const due = new Date("2026-11-10T00:00:00Z");
const at = (iso: string) => new Date(iso);

describe("overdue levels", () => {
  it("is not overdue during the due day, level 1 after it, level 2 after the grace period", () => {
    expect(overdueLevel(due, at("2026-11-10T23:59:59Z"))).toBe(0);
    expect(overdueLevel(due, at("2026-11-11T00:00:00Z"))).toBe(1);
    expect(overdueLevel(due, at("2026-11-13T23:59:59Z"))).toBe(1);
    expect(overdueLevel(due, at("2026-11-14T00:00:00Z"))).toBe(2);
    expect(overdueLevel(due, at("2026-11-12T00:00:00Z"), 1)).toBe(2);
  });

  it("raises each level once, in order, and only for open actions of active plans", () => {
    const open = { status: "OPEN" as const, dueOn: due, escalationLevel: 0 };
    expect(overdueLevelsDue(open, "IN_PROGRESS", at("2026-11-10T12:00:00Z"))).toEqual([]);
    expect(overdueLevelsDue(open, "IN_PROGRESS", at("2026-11-11T12:00:00Z"))).toEqual([1]);
    // A sweep that missed the first level raises both, level 1 first.
    expect(overdueLevelsDue(open, "ACCEPTED", at("2026-11-20T00:00:00Z"))).toEqual([1, 2]);
    expect(overdueLevelsDue({ ...open, escalationLevel: 1 }, "IN_PROGRESS", at("2026-11-20T00:00:00Z"))).toEqual([2]);
    expect(overdueLevelsDue({ ...open, escalationLevel: 2 }, "IN_PROGRESS", at("2026-11-20T00:00:00Z"))).toEqual([]);
    expect(overdueLevelsDue({ ...open, status: "DONE" }, "IN_PROGRESS", at("2026-11-20T00:00:00Z"))).toEqual([]);
    expect(overdueLevelsDue(open, "PROPOSED", at("2026-11-20T00:00:00Z"))).toEqual([]);
    expect(overdueLevelsDue(open, "VERIFIED", at("2026-11-20T00:00:00Z"))).toEqual([]);
  });
});

describe("due soon", () => {
  const open = { status: "OPEN" as const, dueOn: due };

  it("counts whole days to the due day, and marks the two days before it and the day itself", () => {
    expect(daysUntilDue(open, at("2026-11-07T23:59:59Z"))).toBe(3);
    expect(isDueSoon(open, at("2026-11-07T23:59:59Z"))).toBe(false);
    expect(reminderFrom(due)).toEqual(at("2026-11-08T00:00:00Z"));
    expect(daysUntilDue(open, at("2026-11-08T00:00:00Z"))).toBe(2);
    expect(isDueSoon(open, at("2026-11-08T00:00:00Z"))).toBe(true);
    expect(daysUntilDue(open, at("2026-11-09T18:00:00Z"))).toBe(1);
    expect(daysUntilDue(open, at("2026-11-10T23:59:59Z"))).toBe(0);
    // Overdue, or done: no longer "due soon".
    expect(daysUntilDue(open, at("2026-11-11T00:00:00Z"))).toBeNull();
    expect(isDueSoon({ ...open, status: "DONE" }, at("2026-11-09T00:00:00Z"))).toBe(false);
  });

  it("reminds once, in an active plan, of an action added and accepted before its window opened", () => {
    const action = { ...open, createdAt: at("2026-11-01T09:00:00Z"), remindedAt: null };
    const plan = { status: "ACCEPTED" as const, acceptedAt: at("2026-11-02T09:00:00Z") };
    const inWindow = at("2026-11-08T06:00:00Z");
    expect(reminderDue(action, plan, at("2026-11-07T23:00:00Z"))).toBe(false);
    expect(reminderDue(action, plan, inWindow)).toBe(true);
    expect(reminderDue(action, { ...plan, status: "IN_PROGRESS" }, at("2026-11-10T23:00:00Z"))).toBe(true);
    expect(reminderDue({ ...action, remindedAt: inWindow }, plan, inWindow)).toBe(false);
    expect(reminderDue(action, { ...plan, status: "PROPOSED" }, inWindow)).toBe(false);
    expect(reminderDue({ ...action, status: "DONE" }, plan, inWindow)).toBe(false);
    expect(reminderDue(action, plan, at("2026-11-11T00:00:00Z"))).toBe(false);
    // Agreed to inside the window: its owner already knows.
    expect(reminderDue({ ...action, createdAt: at("2026-11-08T01:00:00Z") }, plan, inWindow)).toBe(false);
    expect(reminderDue(action, { ...plan, acceptedAt: at("2026-11-08T01:00:00Z") }, inWindow)).toBe(false);
  });
});

describe("plan progress", () => {
  it("counts done (done or verified), verified and overdue open actions", () => {
    const now = at("2026-11-15T00:00:00Z");
    const progress = planProgress(
      [
        { status: "VERIFIED", dueOn: due },
        { status: "DONE", dueOn: due },
        { status: "OPEN", dueOn: due },
        { status: "OPEN", dueOn: at("2026-12-01T00:00:00Z") },
      ],
      now,
    );
    expect(progress).toEqual({ total: 4, done: 2, verified: 1, overdue: 1 });
  });
});

describe("metric movement", () => {
  it("measures the share of the way from baseline to target", () => {
    const m = metricMovement(48, 55.5, 65);
    expect(m.change).toBeCloseTo(7.5);
    expect(m.progress).toBeCloseTo(7.5 / 17);
    expect(m.reached).toBe(false);
    expect(describeMovement(m)).toBe("48.0 → 55.5 (target 65.0): 44% of the way");
  });

  it("treats a target below the baseline as lower is better", () => {
    const m = metricMovement(12, 8, 6);
    expect(m.progress).toBeCloseTo(4 / 6);
    expect(metricMovement(12, 5, 6).reached).toBe(true);
    expect(describeMovement(metricMovement(12, 14, 6))).toBe("12.0 → 14.0 (target 6.0): moved away from the target");
  });

  it("says when there is no published value yet or the target is reached", () => {
    expect(describeMovement(metricMovement(48, null, 65))).toBe(
      "48.0 → — (target 65.0): no published value since the plan opened",
    );
    expect(describeMovement(metricMovement(48, 70, 65))).toBe("48.0 → 70.0 (target 65.0): target reached");
    expect(metricMovement(null, 50, 65).progress).toBeNull();
  });
});
