import { describe, expect, it } from "vitest";
import {
  applicableStandards,
  computeCompliance,
  type ComplianceAssessment,
  type ComplianceStandard,
} from "@/lib/standards/compliance";

const MARCH = new Date("2025-03-01T00:00:00Z");
const FEB = new Date("2025-02-01T00:00:00Z");
const d = (iso: string) => new Date(iso);

// Partner handles touchpoints tp1 and tp2.
const STANDARDS: ComplianceStandard[] = [
  { id: "A", touchpointId: "tp1", weight: 3, name: "On-time" },
  { id: "B", touchpointId: "tp1", weight: 2, name: "CSAT" },
  { id: "C", touchpointId: "tp2", weight: 1, name: "Uniform audit" },
  { id: "D", touchpointId: "tp3", weight: 5, name: "Not this partner's touchpoint" },
];

const ASSESSMENTS: ComplianceAssessment[] = [
  // A: two verified assessments in March; the later one (met) counts.
  {
    id: "a2",
    standardId: "A",
    period: MARCH,
    met: true,
    value: 96,
    verification: "VERIFIED",
    createdAt: d("2025-03-20T00:00:00Z"),
  },
  {
    id: "a1",
    standardId: "A",
    period: MARCH,
    met: false,
    value: 90,
    verification: "VERIFIED",
    createdAt: d("2025-03-05T00:00:00Z"),
  },
  // B: verified unmet; a newer PENDING self-report says met but does not count.
  {
    id: "b1",
    standardId: "B",
    period: MARCH,
    met: false,
    value: 4.1,
    verification: "VERIFIED",
    createdAt: d("2025-03-10T00:00:00Z"),
  },
  {
    id: "b2",
    standardId: "B",
    period: MARCH,
    met: true,
    value: 4.8,
    verification: "PENDING",
    createdAt: d("2025-03-25T00:00:00Z"),
  },
  // C: REJECTED in March, VERIFIED only in February → not assessed in March.
  {
    id: "c1",
    standardId: "C",
    period: MARCH,
    met: true,
    value: 1,
    verification: "REJECTED",
    createdAt: d("2025-03-12T00:00:00Z"),
  },
  {
    id: "c0",
    standardId: "C",
    period: FEB,
    met: true,
    value: 1,
    verification: "VERIFIED",
    createdAt: d("2025-02-12T00:00:00Z"),
  },
  // D: met, but not applicable to this partner.
  {
    id: "d1",
    standardId: "D",
    period: MARCH,
    met: true,
    value: 99,
    verification: "VERIFIED",
    createdAt: d("2025-03-02T00:00:00Z"),
  },
];

describe("computeCompliance", () => {
  it("weights 3 (met), 2 (not met), 1 (not assessed)", () => {
    // totalWeight    = 3 + 2 + 1 = 6 (D is on tp3, not applicable)
    // assessedWeight = 3 + 2     = 5 (C has no counted assessment in March)
    // metWeight      = 3
    // score    = 3 / 5 · 100 = 60.0
    // coverage = 5 / 6 · 100 = 83.33… → 83.3
    const result = computeCompliance({
      standards: STANDARDS,
      partnerTouchpointIds: ["tp1", "tp2"],
      assessments: ASSESSMENTS,
      period: MARCH,
    });
    expect(result.score).toBe(60);
    expect(result.coverage).toBe(83.3);
    expect(result.metWeight).toBe(3);
    expect(result.assessedWeight).toBe(5);
    expect(result.totalWeight).toBe(6);
    expect(result.perStandard).toEqual([
      {
        standardId: "A",
        lineageId: "A",
        name: "On-time",
        weight: 3,
        status: "MET",
        assessmentId: "a2",
        value: 96,
        pendingVerification: false,
      },
      {
        standardId: "B",
        lineageId: "B",
        name: "CSAT",
        weight: 2,
        status: "NOT_MET",
        assessmentId: "b1",
        value: 4.1,
        pendingVerification: true,
      },
      {
        standardId: "C",
        lineageId: "C",
        name: "Uniform audit",
        weight: 1,
        status: "NOT_ASSESSED",
        assessmentId: null,
        value: null,
        pendingVerification: false,
      },
    ]);
  });

  it("matches the period by month, whatever the day", () => {
    const result = computeCompliance({
      standards: STANDARDS,
      partnerTouchpointIds: ["tp1", "tp2"],
      assessments: ASSESSMENTS,
      period: d("2025-03-17T12:00:00Z"),
    });
    expect(result.score).toBe(60);
    // February: only c0 (C, weight 1, met) counts → score 1/1 = 100, coverage 1/6 = 16.7
    const feb = computeCompliance({
      standards: STANDARDS,
      partnerTouchpointIds: ["tp1", "tp2"],
      assessments: ASSESSMENTS,
      period: FEB,
    });
    expect(feb.score).toBe(100);
    expect(feb.coverage).toBe(16.7);
    expect(feb.perStandard.map((s) => s.status)).toEqual(["NOT_ASSESSED", "NOT_ASSESSED", "MET"]);
  });

  it("score is null when nothing is assessed; coverage null when nothing applies", () => {
    const none = computeCompliance({
      standards: STANDARDS,
      partnerTouchpointIds: ["tp1", "tp2"],
      assessments: [],
      period: MARCH,
    });
    expect(none).toMatchObject({ score: null, coverage: 0, metWeight: 0, assessedWeight: 0, totalWeight: 6 });
    const nothingApplies = computeCompliance({
      standards: STANDARDS,
      partnerTouchpointIds: ["tp9"],
      assessments: ASSESSMENTS,
      period: MARCH,
    });
    expect(nothingApplies).toEqual({
      score: null,
      coverage: null,
      metWeight: 0,
      assessedWeight: 0,
      totalWeight: 0,
      perStandard: [],
    });
  });

  it("counts assessments of an older version of the same lineage; only current versions apply", () => {
    // X v1 (superseded) and X v2 (current) share lineage LX; weight of the current version is used.
    const standards: ComplianceStandard[] = [
      { id: "X1", lineageId: "LX", isCurrent: false, touchpointId: "tp1", weight: 1 },
      { id: "X2", lineageId: "LX", isCurrent: true, touchpointId: "tp1", weight: 4 },
      { id: "Y", touchpointId: "tp1", weight: 1 },
    ];
    const assessments: ComplianceAssessment[] = [
      {
        id: "x1-a",
        standardId: "X1",
        period: MARCH,
        met: true,
        verification: "VERIFIED",
        createdAt: d("2025-03-03T00:00:00Z"),
      },
      {
        id: "y-a",
        standardId: "Y",
        period: MARCH,
        met: false,
        verification: "VERIFIED",
        createdAt: d("2025-03-03T00:00:00Z"),
      },
    ];
    // met 4, assessed 4 + 1 = 5 → 80.0 ; coverage 5/5 = 100
    const result = computeCompliance({ standards, partnerTouchpointIds: ["tp1"], assessments, period: MARCH });
    expect(result.score).toBe(80);
    expect(result.coverage).toBe(100);
    expect(result.perStandard.map((s) => [s.standardId, s.status, s.assessmentId])).toEqual([
      ["X2", "MET", "x1-a"],
      ["Y", "NOT_MET", "y-a"],
    ]);
    // the newer assessment (on v2) wins over the older one (on v1)
    const withV2 = computeCompliance({
      standards,
      partnerTouchpointIds: ["tp1"],
      assessments: [
        ...assessments,
        {
          id: "x2-a",
          standardId: "X2",
          period: MARCH,
          met: false,
          verification: "VERIFIED",
          createdAt: d("2025-03-28T00:00:00Z"),
        },
      ],
      period: MARCH,
    });
    // met 0, assessed 5 → 0
    expect(withV2.score).toBe(0);
    expect(withV2.perStandard[0].assessmentId).toBe("x2-a");
  });

  it("ignores assessments of unknown standards; a tie on createdAt goes to the later row", () => {
    const t = d("2025-03-10T00:00:00Z");
    const result = computeCompliance({
      standards: [{ id: "A", touchpointId: "tp1", weight: 1 }],
      partnerTouchpointIds: ["tp1"],
      assessments: [
        { id: "ghost", standardId: "ZZ", period: MARCH, met: true, verification: "VERIFIED", createdAt: t },
        { id: "first", standardId: "A", period: MARCH, met: true, verification: "VERIFIED", createdAt: t },
        { id: "second", standardId: "A", period: MARCH, met: false, verification: "VERIFIED", createdAt: t },
      ],
      period: MARCH,
    });
    expect(result.perStandard[0].assessmentId).toBe("second");
    expect(result.score).toBe(0);
  });

  it("applicableStandards keeps current versions on the partner's touchpoints", () => {
    expect(applicableStandards(STANDARDS, ["tp2", "tp3"]).map((s) => s.id)).toEqual(["C", "D"]);
    expect(applicableStandards([{ id: "old", isCurrent: false, touchpointId: "tp1", weight: 1 }], ["tp1"])).toEqual([]);
  });
});
