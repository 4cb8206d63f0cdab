import type { Db } from "@/lib/db/scope";
import { DomainError } from "@/lib/errors";
import { computeAlignment, AlignmentError } from "./alignment";
import { requirePartnerRow } from "./partners";

/** The tenant's questions, in order (active only unless `all`). */
export function listAlignmentQuestions(db: Db, tenantId: string, all = false) {
  return db.alignmentQuestion.findMany({
    where: { tenantId, ...(all ? {} : { active: true }) },
    orderBy: [{ position: "asc" }, { id: "asc" }],
  });
}

/** The questionnaire of one partner: active questions with this partner's ratings. */
export async function alignmentQuestionnaire(db: Db, tenantId: string, partnerId: string) {
  const questions = await listAlignmentQuestions(db, tenantId);
  const answers = await db.alignmentAnswer.findMany({ where: { tenantId, partnerId } });
  const rating = new Map(answers.map((a) => [a.questionId, a.rating]));
  return questions.map((q) => ({ id: q.id, text: q.text, weight: q.weight, rating: rating.get(q.id) ?? null }));
}

/**
 * Saves the partner's ratings and stores the resulting 0–100 alignment score on the partner.
 * Only active questions of this tenant may be answered; an offboarded partner is not assessed.
 */
export async function saveAlignmentAnswers(
  db: Db,
  tenantId: string,
  partnerId: string,
  answers: { questionId: string; rating: number }[],
) {
  const partner = await requirePartnerRow(db, tenantId, partnerId);
  if (partner.status === "OFFBOARDED") throw new DomainError("An offboarded partner is no longer assessed.", "invalid");
  const questions = await listAlignmentQuestions(db, tenantId);
  const known = new Set(questions.map((q) => q.id));
  const unknown = answers.find((a) => !known.has(a.questionId));
  if (unknown) throw new DomainError("That question was not found.", "not-found");
  for (const a of answers) {
    await db.alignmentAnswer.upsert({
      where: { tenantId_partnerId_questionId: { tenantId, partnerId, questionId: a.questionId } },
      create: { tenantId, partnerId, questionId: a.questionId, rating: a.rating },
      update: { rating: a.rating, answeredAt: new Date() },
    });
  }
  const all = await db.alignmentAnswer.findMany({ where: { tenantId, partnerId } });
  let result: ReturnType<typeof computeAlignment>;
  try {
    result = computeAlignment(questions, all);
  } catch (error) {
    if (error instanceof AlignmentError) throw new DomainError(error.message, "invalid");
    throw error;
  }
  await db.partner.updateMany({ where: { tenantId, id: partnerId }, data: { alignmentScore: result.score } });
  return { score: result.score, unanswered: result.unansweredQuestionIds.length, before: partner.alignmentScore };
}

// ---------------------------------------------------------------- tenant-editable questions

export async function createAlignmentQuestion(
  db: Db,
  tenantId: string,
  input: { text: string; weight: number; active: boolean },
) {
  const last = await db.alignmentQuestion.aggregate({ where: { tenantId }, _max: { position: true } });
  return db.alignmentQuestion.create({ data: { tenantId, ...input, position: (last._max.position ?? -1) + 1 } });
}

export async function updateAlignmentQuestion(
  db: Db,
  tenantId: string,
  questionId: string,
  input: { text: string; weight: number; active: boolean },
) {
  const updated = await db.alignmentQuestion.updateMany({ where: { tenantId, id: questionId }, data: input });
  if (updated.count !== 1) throw new DomainError("That question was not found.", "not-found");
  return { id: questionId, ...input };
}
