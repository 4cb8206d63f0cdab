import { describe, expect, it } from "vitest";
import { toInboxItem, type InboxRow } from "@/lib/incidents/inbox";

const row: InboxRow = {
  id: "i1",
  number: 7,
  title: "Parcel late",
  severity: "HIGH",
  status: "WAITING",
  category: "Late delivery",
  escalationLevel: 2,
  openedAt: new Date("2026-11-20T09:00:00Z"),
  acknowledgedAt: null,
  nextDueAt: new Date("2026-11-20T10:00:00Z"),
  resolveDueAt: null,
  pausedAt: new Date("2026-11-20T09:30:00Z"),
  partnerId: "p1",
  partnerName: "Swift",
  touchpointName: "Delivery",
  assigneeId: "m1",
  assigneeName: "Dana Steward",
} as InboxRow;

describe("toInboxItem", () => {
  it("gives the table plain JSON: ISO deadline, paused flag, names", () => {
    expect(toInboxItem(row, { showAssignee: true })).toEqual({
      id: "i1",
      number: 7,
      title: "Parcel late",
      severity: "HIGH",
      status: "WAITING",
      escalationLevel: 2,
      nextDueAt: "2026-11-20T10:00:00.000Z",
      paused: true,
      partnerName: "Swift",
      touchpointName: "Delivery",
      assigneeName: "Dana Steward",
    });
  });

  it("hides the assignee from partners, and has no deadline when none runs", () => {
    const item = toInboxItem({ ...row, nextDueAt: null, pausedAt: null }, { showAssignee: false });
    expect(item.assigneeName).toBeNull();
    expect(item.nextDueAt).toBeNull();
    expect(item.paused).toBe(false);
  });
});
