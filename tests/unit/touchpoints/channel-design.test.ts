import { describe, expect, it } from "vitest";
import {
  channelRolesSchema,
  journeyGaps,
  touchpointGapLabels,
  type GapTouchpoint,
} from "@/lib/touchpoints/channel-design";

const tp = (over: Partial<GapTouchpoint> & { id: string }): GapTouchpoint => ({
  name: over.id,
  isMomentOfTruth: false,
  valueProposition: null,
  standards: 0,
  roles: [],
  ...over,
});

describe("journey gaps", () => {
  it("finds touchpoints without an accountable party, unserved propositions and moments of truth without a standard", () => {
    const gaps = journeyGaps([
      tp({ id: "a", roles: [{ role: "ACCOUNTABLE" }], valueProposition: "WORLD_CLASS_SERVICE", standards: 1 }),
      tp({ id: "b", roles: [{ role: "RESPONSIBLE" }, { role: "INFORMED" }], valueProposition: "CUSTOMIZATION" }),
      tp({ id: "c", roles: [{ role: "ACCOUNTABLE" }], isMomentOfTruth: true, standards: 0 }),
      tp({ id: "d", roles: [{ role: "ACCOUNTABLE" }], isMomentOfTruth: true, standards: 2 }),
    ]);
    expect(gaps.noAccountable).toEqual([{ id: "b", name: "b" }]);
    expect(gaps.unservedPropositions).toEqual(["INTENSITY_OF_EXPERIENCE", "CONVENIENT_SOLUTIONS"]);
    expect(gaps.momentsWithoutStandard).toEqual([{ id: "c", name: "c" }]);
    expect(gaps.total).toBe(4);
  });

  it("an empty journey serves no proposition; a complete one has no gap", () => {
    expect(journeyGaps([])).toMatchObject({ total: 4, noAccountable: [], momentsWithoutStandard: [] });
    const full = (
      ["INTENSITY_OF_EXPERIENCE", "WORLD_CLASS_SERVICE", "CONVENIENT_SOLUTIONS", "CUSTOMIZATION"] as const
    ).map((v) =>
      tp({ id: v, valueProposition: v, roles: [{ role: "ACCOUNTABLE" }], isMomentOfTruth: true, standards: 1 }),
    );
    expect(journeyGaps(full).total).toBe(0);
  });

  it("labels each card's own gaps in words", () => {
    expect(touchpointGapLabels(tp({ id: "x", isMomentOfTruth: true }))).toEqual([
      "No accountable party",
      "Moment of truth without a standard",
      "No value proposition",
    ]);
  });
});

describe("RACI validation", () => {
  const parse = (roles: { role: string; party: string }[]) =>
    channelRolesSchema.safeParse({ valueProposition: "CUSTOMIZATION", roles });
  it("needs exactly one accountable party", () => {
    expect(parse([{ role: "ACCOUNTABLE", party: "brand" }]).success).toBe(true);
    expect(parse([{ role: "RESPONSIBLE", party: "p1" }]).error?.issues[0].message).toBe(
      "Choose exactly one accountable party (the brand or a partner)",
    );
    expect(
      parse([
        { role: "ACCOUNTABLE", party: "p1" },
        { role: "ACCOUNTABLE", party: "p2" },
      ]).error?.issues[0].message,
    ).toBe("Exactly one party can be accountable (2 were chosen)");
  });
  it("refuses the same party twice in a role and an empty party", () => {
    expect(
      parse([
        { role: "ACCOUNTABLE", party: "p1" },
        { role: "CONSULTED", party: "p2" },
        { role: "CONSULTED", party: "p2" },
      ]).error?.issues[0].message,
    ).toBe("The same party is listed twice in one role");
    expect(parse([{ role: "ACCOUNTABLE", party: " " }]).error?.issues[0].message).toBe("Choose the brand or a partner");
  });
});
