import { z } from "zod";
import { withTenant, type Db } from "@/lib/db/scope";
import { uuidv7 } from "@/lib/api/ids";
import { DomainError } from "@/lib/errors";
import { readSurveyToken, SURVEY_LINK_NOT_VALID, surveyOfToken } from "./token";
import { claimSurveyAttempt } from "./throttle";

// Answering a survey (issue 19, item 1). The link works once and until it expires; an answer is written to the
// survey row and to the interaction it is about (its CSAT and NPS, which the scorecards read). A survey made after an
// incident with no interaction on record gets one, at the touchpoint and partner of the incident, so the answer
// counts the same way. Answers the partner collected in its own channel arrive through the API (recordFeedback).

const csatField = z
  .number({ error: "Choose how satisfied you were, from 1 to 5." })
  .int("Choose how satisfied you were, from 1 to 5.")
  .min(1, "Choose how satisfied you were, from 1 to 5.")
  .max(5, "Choose how satisfied you were, from 1 to 5.");
const npsField = z
  .number({ error: "Choose how likely you are to recommend us, from 0 to 10." })
  .int("Choose how likely you are to recommend us, from 0 to 10.")
  .min(0, "Choose how likely you are to recommend us, from 0 to 10.")
  .max(10, "Choose how likely you are to recommend us, from 0 to 10.");
const commentField = z.string().trim().max(2000, "Keep your comment under 2,000 characters.");

export const surveyAnswerSchema = z.object({
  token: z.string().min(1).max(300),
  csat: csatField,
  nps: npsField,
  comment: commentField.optional(),
});
export type SurveyAnswer = z.infer<typeof surveyAnswerSchema>;

export type SurveyView = {
  tenantName: string;
  touchpointName: string;
  partnerName: string;
  problem: "answered" | "expired" | null;
};

/** What the public page shows for a token, or null for an unknown or forged one. */
export async function readSurvey(token: string, now = new Date()): Promise<SurveyView | null> {
  const claims = readSurveyToken(token);
  if (!claims) return null;
  return withTenant({ tenantId: claims.tenantId }, async (db) => {
    const row = await db.customerFeedback.findFirst({
      where: surveyOfToken(claims, token),
      select: {
        answeredAt: true,
        expiresAt: true,
        tenant: { select: { name: true } },
        touchpoint: { select: { name: true } },
        partner: { select: { name: true } },
      },
    });
    if (!row) return null;
    return {
      tenantName: row.tenant.name,
      touchpointName: row.touchpoint.name,
      partnerName: row.partner.name,
      problem: row.answeredAt ? "answered" : row.expiresAt && row.expiresAt <= now ? "expired" : null,
    };
  });
}

/** Records a customer's answer from the public page: throttled per address, once per link, before it expires. */
export async function answerSurvey(input: SurveyAnswer, clientAddress: string, now = new Date()) {
  await claimSurveyAttempt(clientAddress, now);
  const claims = readSurveyToken(input.token);
  if (!claims) throw new DomainError(SURVEY_LINK_NOT_VALID, "not-found");
  await withTenant({ tenantId: claims.tenantId }, async (db) => {
    const row = await db.customerFeedback.findFirst({
      where: surveyOfToken(claims, input.token),
    });
    if (!row) throw new DomainError(SURVEY_LINK_NOT_VALID, "not-found");
    if (row.answeredAt) throw new DomainError("This survey was already answered. Thank you!", "conflict");
    if (row.expiresAt && row.expiresAt <= now)
      throw new DomainError("This survey link has expired. Thank you all the same.", "conflict");
    // Guarded on answeredAt: of two answers sent at once, one wins and the other is refused.
    const claimed = await db.customerFeedback.updateMany({
      where: { tenantId: claims.tenantId, id: row.id, answeredAt: null },
      data: { answeredAt: now, csat: input.csat, nps: input.nps, comment: input.comment || null },
    });
    if (claimed.count !== 1) throw new DomainError("This survey was already answered. Thank you!", "conflict");
    const interactionId = await scoreInteraction(db, claims.tenantId, { ...row, ...input, answeredAt: now });
    if (interactionId !== row.interactionId)
      await db.customerFeedback.update({
        where: { tenantId_id: { tenantId: claims.tenantId, id: row.id } },
        data: { interactionId },
      });
  });
}

type Scored = {
  id: string;
  partnerId: string;
  touchpointId: string;
  customerId: string | null;
  interactionId: string | null;
  csat: number | null | undefined;
  nps: number | null | undefined;
  answeredAt: Date;
};

const outcomeFor = (csat: number | null | undefined) =>
  csat == null ? "SUCCESS" : csat >= 4 ? "SUCCESS" : csat === 3 ? "PARTIAL" : "FAILURE";

/** Writes the answer's CSAT and NPS to its interaction (or a new one); returns the interaction's id. */
export async function scoreInteraction(db: Db, tenantId: string, s: Scored): Promise<string> {
  if (s.interactionId) {
    const updated = await db.interaction.updateMany({
      where: { tenantId, id: s.interactionId },
      data: { ...(s.csat != null ? { csat: s.csat } : {}), ...(s.nps != null ? { nps: s.nps } : {}) },
    });
    if (updated.count === 1) return s.interactionId;
  }
  const id = uuidv7();
  await db.interaction.create({
    data: {
      tenantId,
      id,
      partnerId: s.partnerId,
      touchpointId: s.touchpointId,
      customerId: s.customerId,
      occurredAt: s.answeredAt,
      outcome: outcomeFor(s.csat),
      csat: s.csat ?? null,
      nps: s.nps ?? null,
      externalRef: `survey:${s.id}`,
    },
  });
  return id;
}
