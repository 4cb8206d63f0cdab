/**
 * Computing and publishing a month of scorecards.
 *
 * computeMonth: reads every partner's inputs (inputs.ts, set-based), scores them with the pure rules
 * (sub-scores.ts, combine.ts) and writes one DRAFT per partner. A recompute deletes the month's drafts and
 * writes new ones; PUBLISHED cards are never changed (a new draft gets the next version number).
 * Change is measured against last month's published card (or its draft when nothing was published).
 *
 * publishMonth: the month's drafts become PUBLISHED (frozen: nothing updates a published card's figures);
 * a card published earlier for the same partner and month becomes SUPERSEDED.
 */
import { queueScorecardPublishedMail } from "@/lib/mail/messages/scorecard-published";
import type { Db } from "@/lib/db/scope";
import { DomainError } from "@/lib/errors";
import { formatMonth } from "@/lib/months";
import { uuidv7 } from "@/lib/api/ids";
import { rankAmongPeers, type combineScorecard, type Recommendation } from "./combine";
import { scorecardInputsForMonth, monthBounds } from "./inputs";
import type { SubScoreSet } from "./sub-scores";
import { scorePartner } from "./score-partner";
import { readScorecardConfig } from "./config";
import { enqueueMonthExport } from "./export-job";
import { invalidateDashboard } from "@/lib/dashboard/cache";
import { SCORECARD_AREAS, type RecommendationThresholds, type ScorecardWeights } from "./weights";
import type { ScorecardDetails } from "./types";

function details(
  set: SubScoreSet,
  weights: ScorecardWeights,
  thresholds: RecommendationThresholds,
  combined: ReturnType<typeof combineScorecard>,
): ScorecardDetails {
  const subScores: ScorecardDetails["subScores"] = {};
  for (const area of SCORECARD_AREAS) {
    const s = set[area];
    subScores[area] = {
      score: s.score,
      inputs: s.inputs,
      parts: s.parts.map((p) => ({ key: p.key, label: p.label, score: p.score })),
    };
  }
  return { weights, thresholds, effectiveWeights: combined.effectiveWeights, missing: combined.missing, subScores };
}

/** Last month's score per partner: the published card, or the latest draft when none was published. */
async function previousScores(db: Db, tenantId: string, prev: Date): Promise<Map<string, number | null>> {
  const rows = await db.$queryRaw<{ partnerId: string; score: number | null }[]>`
    select distinct on ("partnerId") "partnerId", score
    from "Scorecard"
    where "tenantId" = ${tenantId} and month = ${prev}::date and status in ('PUBLISHED', 'DRAFT')
    order by "partnerId", (status = 'PUBLISHED') desc, version desc`;
  return new Map(rows.map((r) => [r.partnerId, r.score]));
}

export type ComputeResult = { month: Date; partners: number; scored: number; averageScore: number | null };

export async function computeMonth(db: Db, tenantId: string, month: Date, now = new Date()): Promise<ComputeResult> {
  const { from, prev } = monthBounds(month, now);
  if (from.getTime() > now.getTime()) throw new DomainError("That month has not started yet.", "invalid");
  const { weights, thresholds } = await readScorecardConfig(db, tenantId);
  const inputs = await scorecardInputsForMonth(db, tenantId, from, now);
  const previous = await previousScores(db, tenantId, prev);

  const scored = inputs.map((p) => ({
    p,
    ...scorePartner(p.inputs, weights, thresholds, previous.get(p.partnerId) ?? null),
  }));
  const ranks = new Map(
    rankAmongPeers(scored.map((s) => ({ partnerId: s.p.partnerId, type: s.p.type, score: s.combined.score }))).map(
      (r) => [r.partnerId, r],
    ),
  );

  // Replace the month's drafts; published cards stay as they are and a new draft takes the next version.
  await db.$executeRaw`delete from "Scorecard" where "tenantId" = ${tenantId} and month = ${from}::date and status = 'DRAFT'`;
  const versions = await db.$queryRaw<{ partnerId: string; version: number }[]>`
    select "partnerId", max(version)::int as version from "Scorecard" where "tenantId" = ${tenantId} and month = ${from}::date group by 1`;
  const lastVersion = new Map(versions.map((v) => [v.partnerId, v.version]));

  const data = scored.map(({ p, set, combined }) => ({
    id: uuidv7(now.getTime()),
    partnerId: p.partnerId,
    version: (lastVersion.get(p.partnerId) ?? 0) + 1,
    complianceScore: set.compliance.score,
    experienceScore: set.experience.score,
    incidentScore: set.incidents.score,
    valueScore: set.value.score,
    engagementScore: set.engagement.score,
    score: combined.score,
    rank: ranks.get(p.partnerId)?.rank ?? null,
    peerCount: ranks.get(p.partnerId)?.peerCount ?? null,
    change: combined.change,
    recommendation: combined.recommendation as Recommendation | null,
    details: details(set, weights, thresholds, combined),
    equityServed: p.inputs.value.equityServed,
    equityAtRisk: p.inputs.value.equityAtRisk,
    incidents: p.inputs.incidents.incidents,
  }));
  // One INSERT … SELECT over a JSON array (one round trip, no per-row statements): 1,000 drafts in tens of ms.
  if (data.length > 0) {
    await db.$executeRaw`
      insert into "Scorecard" ("tenantId", id, "partnerId", month, version, status, "complianceScore", "experienceScore", "incidentScore",
                               "valueScore", "engagementScore", score, rank, "peerCount", change, recommendation, details, "computedAt",
                               "equityServed", "equityAtRisk", incidents)
      select ${tenantId}, x.id, x."partnerId", ${from}::date, x.version, 'DRAFT', x."complianceScore", x."experienceScore", x."incidentScore",
             x."valueScore", x."engagementScore", x.score, x.rank, x."peerCount", x.change, x.recommendation, x.details, ${now},
             x."equityServed", x."equityAtRisk", x.incidents
      from jsonb_to_recordset(${JSON.stringify(data)}::jsonb) as x(
        id text, "partnerId" text, version int, "complianceScore" float8, "experienceScore" float8, "incidentScore" float8,
        "valueScore" float8, "engagementScore" float8, score float8, rank int, "peerCount" int, change float8,
        recommendation "Recommendation", details jsonb, "equityServed" float8, "equityAtRisk" float8, incidents int)`;
  }
  invalidateDashboard(tenantId);
  const scores = scored.map((s) => s.combined.score).filter((s): s is number => s !== null);
  return {
    month: from,
    partners: data.length,
    scored: scores.length,
    averageScore: scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10 : null,
  };
}

/**
 * Publishing also queues the month's export job (lib/scorecards/export-job.ts) in the same transaction: the
 * caller launches it after the commit (launchExportJob), or the export sweep picks it up.
 */
export async function publishMonth(
  db: Db,
  tenantId: string,
  month: Date,
  userId: string,
  now = new Date(),
  { mailPartners = true }: { mailPartners?: boolean } = {},
): Promise<{ published: number; exportJobId: string }> {
  const { from } = monthBounds(month, now);
  const drafts = await db.scorecard.count({ where: { tenantId, month: from, status: "DRAFT" } });
  if (drafts === 0) throw new DomainError("There is no draft to publish for this month. Compute it first.", "invalid");
  await db.$executeRaw`
    update "Scorecard" s set status = 'SUPERSEDED'
    where s."tenantId" = ${tenantId} and s.month = ${from}::date and s.status = 'PUBLISHED'
      and exists (select 1 from "Scorecard" d where d."tenantId" = s."tenantId" and d."partnerId" = s."partnerId"
                  and d.month = s.month and d.status = 'DRAFT')`;
  const publishing = await db.scorecard.findMany({
    where: { tenantId, month: from, status: "DRAFT" },
    select: { id: true, partnerId: true },
  });
  const { count } = await db.scorecard.updateMany({
    where: { tenantId, month: from, status: "DRAFT" },
    data: { status: "PUBLISHED", publishedAt: now, publishedById: userId },
  });
  // One scorecard.published event per card, in the same transaction (the webhook dispatcher delivers them).
  const monthLabel = formatMonth(from);
  await db.outboxMessage.createMany({
    data: publishing.map((card) => ({
      tenantId,
      topic: "scorecard.published",
      payload: { scorecardId: card.id, partnerId: card.partnerId, month: monthLabel },
    })),
  });
  // The partner admins are mailed a link to their card (not for history the demo seed publishes).
  if (mailPartners)
    await queueScorecardPublishedMail(
      db,
      tenantId,
      publishing.map((card) => card.id),
      monthLabel,
      now,
    );
  const exportJobId = await enqueueMonthExport(db, tenantId, from, userId);
  invalidateDashboard(tenantId);
  return { published: count, exportJobId };
}
