import { describe, expect, it } from "vitest";
import {
  INCIDENT_STATUSES,
  INCIDENT_STATUS_LABELS,
  LifecycleError,
  allowedIncidentTransitions,
  assertIncidentTransition,
  canTransitionIncident,
  incidentTransitionEffects,
  isIncidentActive,
  isReopen,
  requiresResolutionFields,
  resolutionFieldsError,
  type IncidentStatus,
} from "@/lib/incidents/lifecycle";

const ALLOWED: Record<IncidentStatus, IncidentStatus[]> = {
  OPEN: ["ACKNOWLEDGED", "RESOLVED"],
  ACKNOWLEDGED: ["IN_PROGRESS", "RESOLVED"],
  IN_PROGRESS: ["WAITING", "RESOLVED"],
  WAITING: ["IN_PROGRESS", "RESOLVED"],
  RESOLVED: ["CLOSED", "IN_PROGRESS"],
  CLOSED: ["IN_PROGRESS"],
};
const FIELDS = { rootCause: "Driver app crashed", resolution: "Re-delivered next morning" };

describe("incident lifecycle", () => {
  it("has six statuses with labels", () => {
    expect(INCIDENT_STATUSES).toEqual(["OPEN", "ACKNOWLEDGED", "IN_PROGRESS", "WAITING", "RESOLVED", "CLOSED"]);
    expect(INCIDENT_STATUS_LABELS.IN_PROGRESS).toBe("In progress");
    expect(INCIDENT_STATUSES.filter(isIncidentActive)).toEqual(["OPEN", "ACKNOWLEDGED", "IN_PROGRESS", "WAITING"]);
  });

  it.each(INCIDENT_STATUSES)("allowedIncidentTransitions(%s)", (from) => {
    expect(allowedIncidentTransitions(from)).toEqual(ALLOWED[from]);
  });

  // 6 × 6 = 36 pairs, 11 allowed.
  const pairs = INCIDENT_STATUSES.flatMap((from) => INCIDENT_STATUSES.map((to) => [from, to] as const));
  it.each(pairs)("canTransitionIncident(%s, %s) matches the table", (from, to) => {
    const expected = ALLOWED[from].includes(to);
    expect(canTransitionIncident(from, to)).toBe(expected);
    if (expected) expect(() => assertIncidentTransition(from, to, FIELDS)).not.toThrow();
    else expect(() => assertIncidentTransition(from, to, FIELDS)).toThrow(LifecycleError);
  });

  it("counts 11 allowed transitions", () => {
    expect(pairs.filter(([f, t]) => canTransitionIncident(f, t))).toHaveLength(11);
  });

  it("explains a refused move", () => {
    expect(() => assertIncidentTransition("OPEN", "CLOSED")).toThrow(
      "An incident in OPEN cannot move to CLOSED; allowed: ACKNOWLEDGED, RESOLVED",
    );
    expect(() => assertIncidentTransition("OPEN", "IN_PROGRESS")).toThrow(
      "An incident in OPEN cannot move to IN_PROGRESS; allowed: ACKNOWLEDGED, RESOLVED",
    );
    expect(() => assertIncidentTransition("CLOSED", "RESOLVED")).toThrow(
      "An incident in CLOSED cannot move to RESOLVED; allowed: IN_PROGRESS",
    );
    expect(() => assertIncidentTransition("WAITING", "WAITING")).toThrow(
      "An incident in WAITING cannot move to WAITING; allowed: IN_PROGRESS, RESOLVED",
    );
    expect(() => assertIncidentTransition("BOGUS" as IncidentStatus, "OPEN")).toThrow(
      'Unknown incident status "BOGUS"',
    );
  });

  it("resolving requires a non-blank root cause and resolution", () => {
    expect(requiresResolutionFields("RESOLVED")).toBe(true);
    expect(INCIDENT_STATUSES.filter(requiresResolutionFields)).toEqual(["RESOLVED"]);
    expect(() => assertIncidentTransition("IN_PROGRESS", "RESOLVED")).toThrow(
      "Resolving an incident requires a root cause and a resolution",
    );
    expect(() => assertIncidentTransition("WAITING", "RESOLVED", { rootCause: "  ", resolution: "Refunded" })).toThrow(
      "Resolving an incident requires a root cause",
    );
    expect(() => assertIncidentTransition("OPEN", "RESOLVED", { rootCause: "Late pickup", resolution: null })).toThrow(
      "Resolving an incident requires a resolution",
    );
    expect(resolutionFieldsError(FIELDS)).toBeNull();
    expect(() => assertIncidentTransition("ACKNOWLEDGED", "RESOLVED", FIELDS)).not.toThrow();
    // other moves do not need the fields
    expect(() => assertIncidentTransition("RESOLVED", "CLOSED")).not.toThrow();
  });

  it("the missing-fields error is a LifecycleError carrying the move", () => {
    try {
      assertIncidentTransition("IN_PROGRESS", "RESOLVED", { rootCause: "x" });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(LifecycleError);
      expect((e as LifecycleError).from).toBe("IN_PROGRESS");
      expect((e as LifecycleError).to).toBe("RESOLVED");
    }
  });

  it("reopen is RESOLVED/CLOSED → IN_PROGRESS", () => {
    const reopens = pairs.filter(([f, t]) => isReopen(f, t));
    expect(reopens).toEqual([
      ["RESOLVED", "IN_PROGRESS"],
      ["CLOSED", "IN_PROGRESS"],
    ]);
  });

  it("describes the effects of a transition", () => {
    expect(incidentTransitionEffects("OPEN", "ACKNOWLEDGED")).toEqual({
      acknowledges: true,
      pauses: false,
      resumes: false,
      resolves: false,
      closes: false,
      reopens: false,
      eventType: "STATUS_CHANGED",
    });
    expect(incidentTransitionEffects("IN_PROGRESS", "WAITING")).toMatchObject({ pauses: true, resumes: false });
    expect(incidentTransitionEffects("WAITING", "RESOLVED")).toMatchObject({
      resumes: true,
      resolves: true,
      acknowledges: false,
    });
    expect(incidentTransitionEffects("OPEN", "RESOLVED")).toMatchObject({ acknowledges: true, resolves: true });
    expect(incidentTransitionEffects("RESOLVED", "CLOSED")).toMatchObject({ closes: true, reopens: false });
    expect(incidentTransitionEffects("CLOSED", "IN_PROGRESS")).toMatchObject({ reopens: true, eventType: "REOPENED" });
  });
});
