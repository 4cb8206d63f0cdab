/**
 * Values-alignment assessment made during vetting: does the partner share the brand's values?
 *
 * score = Σ(wᵢ · ratingᵢ / 5) / Σ(wᵢ) · 100 over the answered, active questions with weight > 0,
 * rounded to 1 decimal. Unanswered questions are left out of the denominator (and reported).
 */

const MAX_ALIGNMENT_RATING = 5;
const MIN_ALIGNMENT_RATING = 0;

export interface AlignmentQuestionInput {
  id: string;
  weight: number;
  /** Defaults to true. Inactive questions are ignored. */
  active?: boolean;
  text?: string;
}

export interface AlignmentAnswerInput {
  questionId: string;
  /** Integer 0 (not at all) … 5 (fully shares this value). */
  rating: number;
}

export interface AlignmentResult {
  /** 0–100, 1 decimal. */
  score: number;
  answeredCount: number;
  answeredWeight: number;
  /** Total weight of the active questions with weight > 0, answered or not. */
  totalWeight: number;
  unansweredQuestionIds: string[];
}

export class AlignmentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AlignmentError";
  }
}

/** Error message for a rating, or null when it is valid. */
export function validateAlignmentRating(rating: number): string | null {
  if (
    typeof rating !== "number" ||
    !Number.isInteger(rating) ||
    rating < MIN_ALIGNMENT_RATING ||
    rating > MAX_ALIGNMENT_RATING
  ) {
    return `A rating must be a whole number from ${MIN_ALIGNMENT_RATING} to ${MAX_ALIGNMENT_RATING}`;
  }
  return null;
}

export function roundTo1(x: number): number {
  return Math.round((x + Number.EPSILON * Math.sign(x)) * 10) / 10;
}

/**
 * Full result. Answers to unknown or inactive questions, or questions with weight ≤ 0, are ignored.
 * Throws AlignmentError on an invalid rating or when no counted question is answered.
 */
export function computeAlignment(
  questions: readonly AlignmentQuestionInput[],
  answers: readonly AlignmentAnswerInput[],
): AlignmentResult {
  const counted = questions.filter((q) => q.active !== false && Number.isFinite(q.weight) && q.weight > 0);
  const ratingByQuestion = new Map<string, number>();
  for (const a of answers) {
    const err = validateAlignmentRating(a.rating);
    if (err) throw new AlignmentError(`${err} (question ${a.questionId}, got ${String(a.rating)})`);
    ratingByQuestion.set(a.questionId, a.rating);
  }

  let weighted = 0;
  let answeredWeight = 0;
  let totalWeight = 0;
  let answeredCount = 0;
  const unansweredQuestionIds: string[] = [];
  for (const q of counted) {
    totalWeight += q.weight;
    const rating = ratingByQuestion.get(q.id);
    if (rating === undefined) {
      unansweredQuestionIds.push(q.id);
      continue;
    }
    answeredCount += 1;
    answeredWeight += q.weight;
    weighted += (q.weight * rating) / MAX_ALIGNMENT_RATING;
  }

  if (answeredCount === 0) {
    throw new AlignmentError("Cannot score values alignment: no active question has been answered");
  }
  return {
    score: roundTo1((weighted / answeredWeight) * 100),
    answeredCount,
    answeredWeight,
    totalWeight,
    unansweredQuestionIds,
  };
}

/** Just the 0–100 score (1 decimal). Same rules and errors as computeAlignment. */
export function alignmentScore(
  questions: readonly AlignmentQuestionInput[],
  answers: readonly AlignmentAnswerInput[],
): number {
  return computeAlignment(questions, answers).score;
}
