import { describe, expect, it } from "vitest";
import {
  MEASUREMENT_FIELDS,
  StandardEditError,
  planStandardEdit,
  type StandardEdit,
  type StandardVersion,
} from "@/lib/standards/versioning";

const CURRENT: StandardVersion = {
  id: "std-1",
  lineageId: "lin-1",
  version: 3,
  isCurrent: true,
  name: "On-time delivery",
  description: "Delivered within the promised window",
  metricKind: "PERCENTAGE",
  comparator: "GTE",
  target: 95,
  unit: null,
  weight: 2,
  severity: "HIGH",
  touchpointId: "tp-1",
};

const { id: _id, lineageId: _l, version: _v, isCurrent: _c, ...CURRENT_FIELDS } = CURRENT;

describe("planStandardEdit", () => {
  it("cosmetic edit of an assessed standard is made in place", () => {
    const plan = planStandardEdit(CURRENT, { name: "On-time delivery (same day)", description: "New text" }, true);
    expect(plan).toEqual({
      kind: "in-place",
      id: "std-1",
      patch: { name: "On-time delivery (same day)", description: "New text" },
      changedFields: ["name", "description"],
    });
  });

  it("measurement edit of an assessed standard makes version old + 1 in the same lineage", () => {
    const plan = planStandardEdit(CURRENT, { target: 97, name: "On-time (97)" }, true);
    expect(plan).toEqual({
      kind: "new-version",
      lineageId: "lin-1",
      version: 4, // 3 + 1
      supersedesId: "std-1",
      data: { ...CURRENT_FIELDS, target: 97, name: "On-time (97)" },
      changedFields: ["name", "target"],
      measurementChanges: ["target"],
    });
  });

  it("measurement edit of a never-assessed standard is made in place", () => {
    const plan = planStandardEdit(CURRENT, { target: 97 }, false);
    expect(plan).toEqual({ kind: "in-place", id: "std-1", patch: { target: 97 }, changedFields: ["target"] });
  });

  const measurementEdits: [string, StandardEdit][] = [
    ["metricKind", { metricKind: "RATING", target: 4.5 }],
    ["comparator", { comparator: "LTE" }],
    ["target", { target: 90 }],
    ["unit", { unit: "%" }],
    ["weight", { weight: 3 }],
    ["severity", { severity: "CRITICAL" }],
    ["touchpointId", { touchpointId: "tp-2" }],
  ];
  it.each(measurementEdits)("a change of %s with assessments → new version", (field, edit) => {
    const plan = planStandardEdit(CURRENT, edit, true);
    expect(plan.kind).toBe("new-version");
    if (plan.kind === "new-version") expect(plan.measurementChanges).toContain(field);
  });

  it("covers every measurement field listed in the brief", () => {
    expect([...MEASUREMENT_FIELDS].sort()).toEqual(measurementEdits.map(([f]) => f).sort());
  });

  it("an edit that changes nothing is an empty in-place plan", () => {
    const plan = planStandardEdit(CURRENT, { target: 95, weight: 2, name: "  On-time delivery ", unit: "  " }, true);
    expect(plan).toEqual({ kind: "in-place", id: "std-1", patch: {}, changedFields: [] });
  });

  it("treats blank optional text as null and undefined fields as unchanged", () => {
    const plan = planStandardEdit(CURRENT, { description: "   ", target: undefined }, true);
    expect(plan).toEqual({
      kind: "in-place",
      id: "std-1",
      patch: { description: null },
      changedFields: ["description"],
    });
  });

  it("refuses to edit a superseded version", () => {
    expect(() => planStandardEdit({ ...CURRENT, isCurrent: false }, { name: "x" }, true)).toThrow(StandardEditError);
    expect(() => planStandardEdit({ ...CURRENT, isCurrent: false }, { name: "x" }, true)).toThrow(
      "Only the current version of a standard can be edited (version 3 has been superseded)",
    );
  });

  it("refuses an invalid result", () => {
    expect(() => planStandardEdit(CURRENT, { name: "  " }, false)).toThrow("A standard needs a name");
    expect(() => planStandardEdit(CURRENT, { metricKind: "PASS_FAIL" }, false)).toThrow(
      "A pass/fail standard must have comparator GTE and target 1 (met when passed)",
    );
    expect(() => planStandardEdit(CURRENT, { target: 150 }, true)).toThrow(
      "Invalid target: A percentage must be between 0 and 100",
    );
    expect(() => planStandardEdit(CURRENT, { weight: 0 }, true)).toThrow("The weight must be a number greater than 0");
  });

  it("switching to pass/fail with its required target is a new version when assessed", () => {
    const plan = planStandardEdit(CURRENT, { metricKind: "PASS_FAIL", target: 1 }, true);
    expect(plan.kind).toBe("new-version");
    if (plan.kind === "new-version") {
      expect(plan.measurementChanges).toEqual(["metricKind", "target"]);
      expect(plan.data).toMatchObject({ metricKind: "PASS_FAIL", comparator: "GTE", target: 1 });
    }
  });
});
