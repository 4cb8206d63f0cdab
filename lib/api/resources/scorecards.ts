import type { z } from "zod";
import type { Db } from "@/lib/db/scope";
import type { Scorecard as ScorecardRow } from "@/generated/prisma/client";
import type { ApiPrincipal } from "../keys";
import { pageArgs, toPage, type Pagination } from "../pagination";
import { notFound } from "../problem";
import type { Scorecard, ScorecardListQuery } from "../schemas";

// Published scorecards only: drafts and superseded versions are never served by the API. A
// partner key reads only its own partner's.

export function scorecardJson(s: ScorecardRow): z.infer<typeof Scorecard> {
  return {
    id: s.id,
    partnerId: s.partnerId,
    month: s.month.toISOString().slice(0, 10),
    version: s.version,
    score: s.score,
    complianceScore: s.complianceScore,
    experienceScore: s.experienceScore,
    incidentScore: s.incidentScore,
    valueScore: s.valueScore,
    engagementScore: s.engagementScore,
    rank: s.rank,
    peerCount: s.peerCount,
    change: s.change,
    recommendation: s.recommendation,
    publishedAt: s.publishedAt ? s.publishedAt.toISOString() : null,
  };
}

export async function listScorecards(db: Db, principal: ApiPrincipal, query: z.output<typeof ScorecardListQuery>) {
  if (principal.partnerId && query.partnerId && query.partnerId !== principal.partnerId)
    return { data: [], next_cursor: null };
  const args = pageArgs(query as Pagination);
  const partnerId = principal.partnerId ?? query.partnerId;
  const rows = await db.scorecard.findMany({
    ...args,
    where: {
      ...args.where,
      tenantId: principal.tenantId,
      status: "PUBLISHED",
      ...(partnerId ? { partnerId } : {}),
      ...(query.month ? { month: new Date(`${query.month}-01T00:00:00Z`) } : {}),
    },
  });
  return toPage(rows, query, scorecardJson);
}

export async function getScorecard(db: Db, principal: ApiPrincipal, id: string) {
  const row = await db.scorecard.findFirst({
    where: {
      tenantId: principal.tenantId,
      id,
      status: "PUBLISHED",
      ...(principal.partnerId ? { partnerId: principal.partnerId } : {}),
    },
  });
  if (!row) throw notFound("Scorecard");
  return scorecardJson(row);
}
