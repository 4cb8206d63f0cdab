import { describe, expect, it } from "vitest";
import {
  MeasurementError,
  describeTarget,
  formatMeasurement,
  isMet,
  validateMeasurement,
  validateStandardDefinition,
  type StandardTarget,
} from "@/lib/standards/evaluate";

const onTime: StandardTarget = { name: "on-time", metricKind: "PERCENTAGE", comparator: "GTE", target: 95 };
const csat: StandardTarget = { name: "CSAT", metricKind: "RATING", comparator: "GTE", target: 4.5 };
const firstResponse: StandardTarget = {
  name: "first response",
  metricKind: "DURATION",
  comparator: "LTE",
  target: 120,
};
const audit: StandardTarget = { name: "uniform audit", metricKind: "PASS_FAIL", comparator: "GTE", target: 1 };
const damage: StandardTarget = { name: "damaged parcels", metricKind: "PERCENTAGE", comparator: "LTE", target: 2 };

describe("isMet", () => {
  it.each([
    [onTime, 95, true], // boundary: 95 ≥ 95
    [onTime, 96.4, true],
    [onTime, 94.99, false],
    [csat, 4.5, true],
    [csat, 4.49, false],
    [firstResponse, 120, true], // boundary: 120 ≤ 120
    [firstResponse, 121, false],
    [firstResponse, 0, true],
    [damage, 2, true],
    [damage, 2.1, false],
    [audit, 1, true],
    [audit, 0, false],
  ] as const)("%o with %d → %s", (standard, value, expected) => {
    expect(isMet(standard, value)).toBe(expected);
  });

  it("throws on an invalid value", () => {
    expect(() => isMet(onTime, 101)).toThrow(MeasurementError);
    expect(() => isMet(onTime, 101)).toThrow("A percentage must be between 0 and 100");
    expect(() => isMet(audit, 0.5)).toThrow("A pass/fail result must be 1 (pass) or 0 (fail)");
    expect(() => isMet(firstResponse, -5)).toThrow("A duration must be 0 minutes or more");
  });
});

describe("validateMeasurement", () => {
  it.each([
    ["PERCENTAGE", 0, null],
    ["PERCENTAGE", 100, null],
    ["PERCENTAGE", -0.1, "A percentage must be between 0 and 100"],
    ["PERCENTAGE", 100.5, "A percentage must be between 0 and 100"],
    ["RATING", 0, null],
    ["RATING", 4.7, null],
    ["RATING", -1, "A rating must be 0 or more"],
    ["DURATION", 0, null],
    ["DURATION", 1440, null],
    ["DURATION", -1, "A duration must be 0 minutes or more"],
    ["PASS_FAIL", 0, null],
    ["PASS_FAIL", 1, null],
    ["PASS_FAIL", 2, "A pass/fail result must be 1 (pass) or 0 (fail)"],
    ["PERCENTAGE", Number.NaN, "The value must be a number"],
    ["DURATION", Number.POSITIVE_INFINITY, "The value must be a number"],
  ] as const)("%s %d → %s", (kind, value, expected) => {
    expect(validateMeasurement(kind, value)).toBe(expected);
  });
});

describe("validateStandardDefinition", () => {
  it("accepts valid definitions", () => {
    for (const s of [onTime, csat, firstResponse, audit, damage]) expect(validateStandardDefinition(s)).toBeNull();
    expect(validateStandardDefinition({ ...onTime, weight: 2 })).toBeNull();
  });

  it("requires pass/fail to be GTE 1", () => {
    const msg = "A pass/fail standard must have comparator GTE and target 1 (met when passed)";
    expect(validateStandardDefinition({ ...audit, comparator: "LTE" })).toBe(msg);
    expect(validateStandardDefinition({ ...audit, target: 0 })).toBe(msg);
  });

  it("checks the target like a measurement, and the weight", () => {
    expect(validateStandardDefinition({ ...onTime, target: 120 })).toBe(
      "Invalid target: A percentage must be between 0 and 100",
    );
    expect(validateStandardDefinition({ ...firstResponse, target: -1 })).toBe(
      "Invalid target: A duration must be 0 minutes or more",
    );
    expect(validateStandardDefinition({ ...onTime, weight: 0 })).toBe("The weight must be a number greater than 0");
    expect(validateStandardDefinition({ ...onTime, metricKind: "SPEED" as never })).toBe('Unknown metric kind "SPEED"');
    expect(validateStandardDefinition({ ...onTime, comparator: "EQ" as never })).toBe('Unknown comparator "EQ"');
  });
});

describe("describeTarget / formatMeasurement", () => {
  it("says the target in words", () => {
    expect(describeTarget(onTime)).toBe("on-time ≥ 95%");
    expect(describeTarget(csat)).toBe("CSAT ≥ 4.5/5");
    expect(describeTarget(firstResponse)).toBe("first response ≤ 120 min");
    expect(describeTarget(audit)).toBe("uniform audit: pass");
    expect(describeTarget(damage)).toBe("damaged parcels ≤ 2%");
  });

  it("works without a name and honours a rating scale unit", () => {
    expect(describeTarget({ ...onTime, name: null })).toBe("≥ 95%");
    expect(describeTarget({ ...audit, name: undefined })).toBe("pass");
    expect(describeTarget({ ...csat, name: "NPS-style", unit: "/10", target: 8 })).toBe("NPS-style ≥ 8/10");
    expect(describeTarget({ ...csat, unit: "stars", target: 4 })).toBe("CSAT ≥ 4 stars");
    expect(describeTarget({ ...onTime, target: 99.5 })).toBe("on-time ≥ 99.5%");
  });

  it("formats measured values", () => {
    expect(formatMeasurement(onTime, 96.25)).toBe("96.25%");
    expect(formatMeasurement(onTime, 100 / 3)).toBe("33.33%");
    expect(formatMeasurement(csat, 4.2)).toBe("4.2/5");
    expect(formatMeasurement(firstResponse, 135)).toBe("135 min");
    expect(formatMeasurement(audit, 1)).toBe("pass");
    expect(formatMeasurement(audit, 0)).toBe("fail");
  });
});
