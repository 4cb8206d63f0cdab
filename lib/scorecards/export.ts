/**
 * Monthly scorecard export: the rows (one per partner, all sub-scores) and, for the PDF, each partner's trend.
 * Stewards export the month's current cards (drafts included, marked as such); a partner exports only its own
 * PUBLISHED card (the caller passes partnerId and runs in the partner's scope).
 */
import type { Db } from "@/lib/db/scope";
import { toCsv, safeFileName, type CsvColumn } from "@/lib/exports/csv";
import { formatMonth } from "@/lib/months";
import { RECOMMENDATION_LABELS } from "./combine";
import { monthScorecards } from "./queries";
import type { ScorecardExport } from "./types";

/** partnerId: one partner's published card (the portal); publishedOnly: every partner's published card (the stored export). */
export type ExportScope = { partnerId?: string; publishedOnly?: boolean };

export async function scorecardExport(
  db: Db,
  tenantId: string,
  month: Date,
  scope: ExportScope = {},
): Promise<ScorecardExport> {
  const publishedOnly = Boolean(scope.partnerId) || scope.publishedOnly === true;
  const all = await monthScorecards(db, tenantId, month, { publishedOnly });
  const rows = scope.partnerId ? all.rows.filter((r) => r.partnerId === scope.partnerId) : all.rows;
  const from = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() - 11, 1));
  const history = await db.$queryRaw<{ partnerId: string; month: Date; score: number | null }[]>`
    select distinct on ("partnerId", month) "partnerId", month, score
    from "Scorecard"
    where "tenantId" = ${tenantId} and month >= ${from}::date and month <= ${month}::date
      and status = any(${publishedOnly ? ["PUBLISHED"] : ["PUBLISHED", "DRAFT"]}::"ScorecardStatus"[])
      and (${scope.partnerId ?? null}::text is null or "partnerId" = ${scope.partnerId ?? null}::text)
    order by "partnerId", month, (status = 'PUBLISHED') desc, version desc`;
  const trends = new Map<string, { month: Date; score: number | null }[]>();
  for (const h of history) {
    const list = trends.get(h.partnerId) ?? [];
    list.push({ month: h.month, score: h.score });
    trends.set(h.partnerId, list);
  }
  return { month, rows, trends };
}

type CsvRow = Record<string, string | number | null>;

const COLUMNS: CsvColumn<string>[] = [
  { key: "month", header: "Month" },
  { key: "partner", header: "Partner" },
  { key: "type", header: "Partner type" },
  { key: "status", header: "Status" },
  { key: "version", header: "Version" },
  { key: "compliance", header: "Standards compliance" },
  { key: "experience", header: "Customer experience" },
  { key: "incidents", header: "Incident performance" },
  { key: "value", header: "Customer value" },
  { key: "engagement", header: "Partner engagement" },
  { key: "score", header: "Overall score" },
  { key: "rank", header: "Rank" },
  { key: "peers", header: "Peers" },
  { key: "change", header: "Change vs last month" },
  { key: "recommendation", header: "Recommendation" },
  { key: "equityServed", header: "Equity served" },
  { key: "computedAt", header: "Computed at" },
  { key: "publishedAt", header: "Published at" },
];

/** One CSV row per partner; a missing sub-score is an empty cell (no data), never 0. */
export function scorecardCsv(data: ScorecardExport): string {
  const month = formatMonth(data.month);
  const rows: CsvRow[] = data.rows.map((r) => ({
    month,
    partner: r.partnerName,
    type: r.partnerType,
    status: r.status,
    version: r.version,
    compliance: r.complianceScore,
    experience: r.experienceScore,
    incidents: r.incidentScore,
    value: r.valueScore,
    engagement: r.engagementScore,
    score: r.score,
    rank: r.rank,
    peers: r.peerCount,
    change: r.change,
    recommendation: r.recommendation ? RECOMMENDATION_LABELS[r.recommendation] : null,
    equityServed: r.equityServed === null ? null : Math.round(r.equityServed * 100) / 100,
    computedAt: r.computedAt.toISOString(),
    publishedAt: r.publishedAt ? r.publishedAt.toISOString() : null,
  }));
  return toCsv(rows, COLUMNS, { bom: true });
}

export function exportFileName(tenantSlug: string, month: Date, ext: "csv" | "pdf", partnerName?: string) {
  return safeFileName(`scorecards-${tenantSlug}-${formatMonth(month)}${partnerName ? `-${partnerName}` : ""}.${ext}`);
}
