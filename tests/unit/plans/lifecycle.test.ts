import { describe, expect, it } from "vitest";
import {
  actionTransition,
  availableEvents,
  canEditActions,
  PLAN_STATUSES,
  PLAN_TRANSITIONS,
  planTransition,
  type PlanEventName,
} from "@/lib/plans/lifecycle";

describe("the plan state machine", () => {
  it("walks the happy path DRAFT → PROPOSED → ACCEPTED → IN_PROGRESS → VERIFIED", () => {
    expect(planTransition("DRAFT", "propose", { by: "steward", actions: ["OPEN"] })).toEqual({
      ok: true,
      to: "PROPOSED",
    });
    expect(planTransition("PROPOSED", "accept", { by: "partner", actions: ["OPEN"] })).toEqual({
      ok: true,
      to: "ACCEPTED",
    });
    expect(planTransition("ACCEPTED", "start", { by: "steward", actions: ["OPEN"] })).toEqual({
      ok: true,
      to: "IN_PROGRESS",
    });
    expect(planTransition("IN_PROGRESS", "verify", { by: "steward", actions: ["VERIFIED", "VERIFIED"] })).toEqual({
      ok: true,
      to: "VERIFIED",
    });
  });

  it("lets the partner dispute with a reason and the steward propose again", () => {
    expect(planTransition("PROPOSED", "dispute", { by: "partner", actions: ["OPEN"], reason: "  " })).toEqual({
      ok: false,
      message: "Say why you dispute the plan.",
    });
    expect(
      planTransition("PROPOSED", "dispute", { by: "partner", actions: ["OPEN"], reason: "Dates too tight" }),
    ).toEqual({ ok: true, to: "DISPUTED" });
    expect(planTransition("DISPUTED", "propose", { by: "steward", actions: ["OPEN"] })).toEqual({
      ok: true,
      to: "PROPOSED",
    });
    expect(planTransition("DISPUTED", "closeUnmet", { by: "steward", actions: ["OPEN"] })).toEqual({
      ok: true,
      to: "CLOSED_UNMET",
    });
  });

  it("refuses the other side's events", () => {
    expect(planTransition("PROPOSED", "accept", { by: "steward", actions: ["OPEN"] })).toEqual({
      ok: false,
      message: "Only the partner can do this.",
    });
    expect(planTransition("DRAFT", "propose", { by: "partner", actions: ["OPEN"] })).toEqual({
      ok: false,
      message: "Only the brand's stewards can do this.",
    });
  });

  it("needs an action to propose and every action verified to verify", () => {
    expect(planTransition("DRAFT", "propose", { by: "steward", actions: [] }).ok).toBe(false);
    expect(planTransition("IN_PROGRESS", "verify", { by: "steward", actions: ["VERIFIED", "DONE"] })).toEqual({
      ok: false,
      message: "Verify every action before closing the plan as verified.",
    });
    expect(planTransition("IN_PROGRESS", "closeUnmet", { by: "steward", actions: ["OPEN"] })).toEqual({
      ok: true,
      to: "CLOSED_UNMET",
    });
  });

  it("allows no transition out of a closed plan and names the status when refusing", () => {
    for (const event of Object.keys(PLAN_TRANSITIONS) as PlanEventName[]) {
      for (const closed of ["VERIFIED", "CLOSED_UNMET"] as const) {
        const by = PLAN_TRANSITIONS[event].by;
        expect(planTransition(closed, event, { by, actions: ["VERIFIED"], reason: "x" }).ok).toBe(false);
      }
    }
    expect(planTransition("VERIFIED", "propose", { by: "steward", actions: ["OPEN"] })).toEqual({
      ok: false,
      message: "A verified plan cannot be proposed.",
    });
  });

  it("lists the buttons each side gets per status", () => {
    expect(availableEvents("DRAFT", "steward")).toEqual(["propose"]);
    expect(availableEvents("PROPOSED", "partner")).toEqual(["accept", "dispute"]);
    expect(availableEvents("PROPOSED", "steward")).toEqual([]);
    expect(availableEvents("IN_PROGRESS", "steward")).toEqual(["verify", "closeUnmet"]);
    for (const status of PLAN_STATUSES) expect(availableEvents(status, "partner").length <= 2).toBe(true);
    expect(canEditActions("DRAFT")).toBe(true);
    expect(canEditActions("DISPUTED")).toBe(true);
    // A proposed plan's actions are what the partner accepts: they cannot change under it.
    expect(canEditActions("PROPOSED")).toBe(false);
    expect(canEditActions("IN_PROGRESS")).toBe(false);
  });

  it("moves actions only while the plan is active, each side its own step", () => {
    expect(actionTransition("PROPOSED", "OPEN", "markDone", "partner")).toEqual({
      ok: false,
      message: "The plan must be accepted before its actions move.",
    });
    expect(actionTransition("ACCEPTED", "OPEN", "markDone", "partner")).toEqual({ ok: true, to: "DONE" });
    expect(actionTransition("IN_PROGRESS", "DONE", "verify", "steward")).toEqual({ ok: true, to: "VERIFIED" });
    expect(actionTransition("IN_PROGRESS", "VERIFIED", "reopen", "steward")).toEqual({ ok: true, to: "OPEN" });
    expect(actionTransition("IN_PROGRESS", "OPEN", "verify", "steward").ok).toBe(false);
    expect(actionTransition("IN_PROGRESS", "DONE", "verify", "partner").ok).toBe(false);
    expect(actionTransition("IN_PROGRESS", "DONE", "markDone", "partner").ok).toBe(false);
  });
});
