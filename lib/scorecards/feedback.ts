/**
 * Partner feedback on published scorecards (comment and/or acknowledge) and the quarterly partner survey.
 * Partner functions run in the partner's scope (withTenant({ tenantId, partnerId })) and also filter by partner.
 */
import type { Db } from "@/lib/db/scope";
import { DomainError } from "@/lib/errors";

/** A partner comments on (and/or acknowledges) one of its own PUBLISHED cards. */
export async function commentOnScorecard(
  db: Db,
  tenantId: string,
  partnerId: string,
  userId: string,
  input: { scorecardId: string; body: string; acknowledged: boolean },
) {
  const card = await db.scorecard.findFirst({
    where: { tenantId, partnerId, id: input.scorecardId, status: "PUBLISHED" },
    select: { id: true, month: true },
  });
  if (!card) throw new DomainError("That scorecard was not found.", "not-found");
  if (!input.body && !input.acknowledged)
    throw new DomainError("Write a comment or acknowledge the scorecard.", "invalid");
  if (input.acknowledged && !input.body) {
    const already = await db.scorecardComment.findFirst({
      where: { tenantId, scorecardId: card.id, acknowledged: true },
      select: { id: true },
    });
    if (already) throw new DomainError("This scorecard is already acknowledged.", "conflict");
  }
  await db.scorecardComment.createMany({
    data: [
      { tenantId, scorecardId: card.id, userId, body: input.body || "Acknowledged.", acknowledged: input.acknowledged },
    ],
  });
  return card;
}

// ---------------------------------------------------------------- partner survey

import type { SurveyKey } from "./survey-questions";

/** "2026-Q4" for a date. */
export function quarterOf(date: Date): string {
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

export type SurveyAnswer = Record<SurveyKey, number> & { comment: string | null };

/** One answer per partner user and quarter: answering again the same quarter replaces the answer. */
export async function submitSurvey(
  db: Db,
  tenantId: string,
  partnerId: string,
  userId: string,
  quarter: string,
  answer: SurveyAnswer,
) {
  const data = {
    communication: answer.communication,
    fairness: answer.fairness,
    tools: answer.tools,
    support: answer.support,
    comment: answer.comment,
  };
  const existing = await db.partnerSurveyResponse.findFirst({
    where: { tenantId, partnerId, userId, quarter },
    select: { id: true },
  });
  if (existing) {
    await db.partnerSurveyResponse.updateMany({ where: { tenantId, id: existing.id, partnerId }, data });
    return { id: existing.id, replaced: true };
  }
  const created = await db.partnerSurveyResponse.create({
    data: { tenantId, partnerId, userId, quarter, ...data },
    select: { id: true },
  });
  return { id: created.id, replaced: false };
}

export async function myAnswer(db: Db, tenantId: string, partnerId: string, userId: string, quarter: string) {
  return db.partnerSurveyResponse.findFirst({ where: { tenantId, partnerId, userId, quarter } });
}

export type SurveySummaryRow = {
  quarter: string;
  partnerId: string;
  partnerName: string;
  responses: number;
  communication: number;
  fairness: number;
  tools: number;
  support: number;
  overall: number;
};

/** Steward view: averages per partner and quarter (latest quarters first), one query. */
export async function surveySummary(db: Db, tenantId: string, quarter?: string): Promise<SurveySummaryRow[]> {
  const q = quarter ?? null;
  return db.$queryRaw<SurveySummaryRow[]>`
    select r.quarter, r."partnerId", p.name as "partnerName", count(*)::int as responses,
           avg(r.communication)::float8 as communication, avg(r.fairness)::float8 as fairness,
           avg(r.tools)::float8 as tools, avg(r.support)::float8 as support,
           ((avg(r.communication) + avg(r.fairness) + avg(r.tools) + avg(r.support)) / 4)::float8 as overall
    from "PartnerSurveyResponse" r join "Partner" p on p."tenantId" = r."tenantId" and p.id = r."partnerId"
    where r."tenantId" = ${tenantId} and (${q}::text is null or r.quarter = ${q}::text)
    group by r.quarter, r."partnerId", p.name
    order by r.quarter desc, overall asc, p.name`;
}

export async function surveyQuarters(db: Db, tenantId: string): Promise<string[]> {
  const rows = await db.partnerSurveyResponse.findMany({
    where: { tenantId },
    distinct: ["quarter"],
    select: { quarter: true },
    orderBy: { quarter: "desc" },
  });
  return rows.map((r) => r.quarter);
}

export async function recentSurveyComments(db: Db, tenantId: string, quarter: string, take = 20) {
  return db.partnerSurveyResponse.findMany({
    where: { tenantId, quarter, comment: { not: null } },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, comment: true, createdAt: true, partner: { select: { name: true } } },
  });
}
