import { describe, expect, it } from "vitest";
import {
  AlignmentError,
  alignmentScore,
  computeAlignment,
  roundTo1,
  validateAlignmentRating,
} from "@/lib/partners/alignment";

const QUESTIONS = [
  { id: "q1", weight: 3 },
  { id: "q2", weight: 2 },
  { id: "q3", weight: 1 },
  { id: "q4", weight: 2, active: false },
  { id: "q5", weight: 0 },
];

describe("values alignment", () => {
  it("scores the answered active questions (hand-computed fixture)", () => {
    // q1: 3 · 4/5 = 2.4 ; q2: 2 · 5/5 = 2 ; q3 unanswered (out of the denominator);
    // q4 inactive and q5 weight 0 are ignored even though answered.
    // (2.4 + 2) / (3 + 2) · 100 = 4.4 / 5 · 100 = 88.0
    const result = computeAlignment(QUESTIONS, [
      { questionId: "q1", rating: 4 },
      { questionId: "q2", rating: 5 },
      { questionId: "q4", rating: 0 },
      { questionId: "q5", rating: 1 },
    ]);
    expect(result).toEqual({
      score: 88,
      answeredCount: 2,
      answeredWeight: 5,
      totalWeight: 6, // 3 + 2 + 1 (q4 inactive, q5 weight 0)
      unansweredQuestionIds: ["q3"],
    });
  });

  it("rounds to one decimal", () => {
    const equal = [
      { id: "a", weight: 1 },
      { id: "b", weight: 1 },
      { id: "c", weight: 1 },
    ];
    // (1/5 + 1/5 + 0) / 3 · 100 = 0.4/3 · 100 = 13.333… → 13.3
    expect(
      alignmentScore(equal, [
        { questionId: "a", rating: 1 },
        { questionId: "b", rating: 1 },
        { questionId: "c", rating: 0 },
      ]),
    ).toBe(13.3);
    // (1 + 1 + 0) / 3 · 100 = 66.666… → 66.7
    expect(
      alignmentScore(equal, [
        { questionId: "a", rating: 5 },
        { questionId: "b", rating: 5 },
        { questionId: "c", rating: 0 },
      ]),
    ).toBe(66.7);
    // weights 1, 2; ratings 3, 4: (0.6 + 1.6) / 3 · 100 = 73.333… → 73.3
    expect(
      alignmentScore(
        [
          { id: "x", weight: 1 },
          { id: "y", weight: 2 },
        ],
        [
          { questionId: "x", rating: 3 },
          { questionId: "y", rating: 4 },
        ],
      ),
    ).toBe(73.3);
  });

  it("gives 0 and 100 at the ends of the scale", () => {
    expect(alignmentScore([{ id: "a", weight: 2 }], [{ questionId: "a", rating: 0 }])).toBe(0);
    expect(alignmentScore([{ id: "a", weight: 2 }], [{ questionId: "a", rating: 5 }])).toBe(100);
  });

  it("ignores answers to unknown questions", () => {
    // only q2 counts: 2 · 3/5 / 2 · 100 = 60
    expect(
      alignmentScore(QUESTIONS, [
        { questionId: "q2", rating: 3 },
        { questionId: "gone", rating: 5 },
      ]),
    ).toBe(60);
  });

  it("throws when nothing is answered", () => {
    expect(() => alignmentScore(QUESTIONS, [])).toThrow(AlignmentError);
    expect(() => alignmentScore(QUESTIONS, [])).toThrow(
      "Cannot score values alignment: no active question has been answered",
    );
    // answers only to the inactive / zero-weight questions do not count either
    expect(() =>
      alignmentScore(QUESTIONS, [
        { questionId: "q4", rating: 5 },
        { questionId: "q5", rating: 5 },
      ]),
    ).toThrow("Cannot score values alignment: no active question has been answered");
  });

  it("rejects ratings outside 0–5 or not whole", () => {
    expect(validateAlignmentRating(0)).toBeNull();
    expect(validateAlignmentRating(5)).toBeNull();
    expect(validateAlignmentRating(6)).toBe("A rating must be a whole number from 0 to 5");
    expect(validateAlignmentRating(-1)).toBe("A rating must be a whole number from 0 to 5");
    expect(validateAlignmentRating(2.5)).toBe("A rating must be a whole number from 0 to 5");
    expect(validateAlignmentRating(Number.NaN)).toBe("A rating must be a whole number from 0 to 5");
    expect(() => alignmentScore(QUESTIONS, [{ questionId: "q1", rating: 6 }])).toThrow(
      "A rating must be a whole number from 0 to 5 (question q1, got 6)",
    );
  });

  it("roundTo1 rounds half away from zero", () => {
    expect(roundTo1(12.25)).toBe(12.3);
    expect(roundTo1(87.45)).toBe(87.5);
    expect(roundTo1(50)).toBe(50);
  });
});
