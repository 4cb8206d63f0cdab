import { describe, expect, it } from "vitest";
import {
  LifecycleError,
  PARTNER_STATUSES,
  PARTNER_STATUS_LABELS,
  allowedPartnerTransitions,
  assertPartnerTransition,
  canTransitionPartner,
  isPartnerOperating,
  isPartnerStatus,
  type PartnerStatus,
} from "@/lib/partners/lifecycle";

// The full transition table from the brief; every other (from, to) pair must be refused.
const ALLOWED: Record<PartnerStatus, PartnerStatus[]> = {
  PROSPECT: ["VETTING", "OFFBOARDED"],
  VETTING: ["ACTIVE", "OFFBOARDED"],
  ACTIVE: ["PROBATION", "OFFBOARDED"],
  PROBATION: ["ACTIVE", "OFFBOARDED"],
  OFFBOARDED: [],
};

describe("partner lifecycle", () => {
  it("lists the statuses in lifecycle order, with labels", () => {
    expect(PARTNER_STATUSES).toEqual(["PROSPECT", "VETTING", "ACTIVE", "PROBATION", "OFFBOARDED"]);
    expect(PARTNER_STATUS_LABELS).toEqual({
      PROSPECT: "Prospect",
      VETTING: "Vetting",
      ACTIVE: "Active",
      PROBATION: "Probation",
      OFFBOARDED: "Offboarded",
    });
  });

  it.each(PARTNER_STATUSES)("allowedPartnerTransitions(%s)", (from) => {
    expect(allowedPartnerTransitions(from)).toEqual(ALLOWED[from]);
  });

  // 5 × 5 = 25 pairs, 8 allowed.
  const pairs = PARTNER_STATUSES.flatMap((from) => PARTNER_STATUSES.map((to) => [from, to] as const));
  it.each(pairs)("canTransitionPartner(%s, %s) matches the table", (from, to) => {
    const expected = ALLOWED[from].includes(to);
    expect(canTransitionPartner(from, to)).toBe(expected);
    if (expected) expect(() => assertPartnerTransition(from, to)).not.toThrow();
    else expect(() => assertPartnerTransition(from, to)).toThrow(LifecycleError);
  });

  it("counts 8 allowed transitions", () => {
    expect(pairs.filter(([f, t]) => canTransitionPartner(f, t))).toHaveLength(8);
  });

  it("explains a refused move with the allowed targets", () => {
    expect(() => assertPartnerTransition("VETTING", "PROBATION")).toThrow(
      "A partner in VETTING cannot move to PROBATION; allowed: ACTIVE, OFFBOARDED",
    );
    try {
      assertPartnerTransition("PROSPECT", "ACTIVE");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(LifecycleError);
      const err = e as LifecycleError;
      expect(err.name).toBe("LifecycleError");
      expect(err.entity).toBe("partner");
      expect(err.from).toBe("PROSPECT");
      expect(err.to).toBe("ACTIVE");
      expect(err.allowed).toEqual(["VETTING", "OFFBOARDED"]);
      expect(err.message).toBe("A partner in PROSPECT cannot move to ACTIVE; allowed: VETTING, OFFBOARDED");
    }
  });

  it("says OFFBOARDED is final", () => {
    expect(() => assertPartnerTransition("OFFBOARDED", "ACTIVE")).toThrow(
      "A partner in OFFBOARDED cannot move to ACTIVE; allowed: none (OFFBOARDED is final)",
    );
  });

  it("refuses staying in the same status", () => {
    expect(canTransitionPartner("ACTIVE", "ACTIVE")).toBe(false);
    expect(() => assertPartnerTransition("ACTIVE", "ACTIVE")).toThrow(
      "A partner in ACTIVE cannot move to ACTIVE; allowed: PROBATION, OFFBOARDED",
    );
  });

  it("rejects unknown statuses coming from untyped input", () => {
    expect(isPartnerStatus("ACTIVE")).toBe(true);
    expect(isPartnerStatus("active")).toBe(false);
    expect(isPartnerStatus(3)).toBe(false);
    expect(allowedPartnerTransitions("NOPE" as PartnerStatus)).toEqual([]);
    expect(canTransitionPartner("ACTIVE", "PAUSED" as PartnerStatus)).toBe(false);
    expect(() => assertPartnerTransition("NOPE" as PartnerStatus, "ACTIVE")).toThrow('Unknown partner status "NOPE"');
    expect(() => assertPartnerTransition("ACTIVE", "PAUSED" as PartnerStatus)).toThrow(
      'Unknown partner status "PAUSED"',
    );
  });

  it("isPartnerOperating is true only for ACTIVE and PROBATION", () => {
    expect(PARTNER_STATUSES.filter(isPartnerOperating)).toEqual(["ACTIVE", "PROBATION"]);
  });
});
