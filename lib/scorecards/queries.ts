/**
 * Reading scorecards. Stewards see the month's current card per partner (the draft when one exists, else
 * the published card); partners read through withTenant({ tenantId, partnerId }) where row-level security
 * shows only their own PUBLISHED cards, and every function here also filters explicitly.
 */
import type { Db } from "@/lib/db/scope";
import type { ScorecardDetails, ScorecardRow } from "./types";

const select = {
  id: true,
  partnerId: true,
  month: true,
  version: true,
  status: true,
  complianceScore: true,
  experienceScore: true,
  incidentScore: true,
  valueScore: true,
  engagementScore: true,
  score: true,
  rank: true,
  peerCount: true,
  change: true,
  recommendation: true,
  computedAt: true,
  publishedAt: true,
  equityServed: true,
  partner: { select: { name: true, type: true } },
} as const;

/** A single card also carries its details (inputs and parts behind each sub-score); lists do not need them. */
const selectWithDetails = { ...select, details: true } as const;

/** A card as Prisma returns it with `select`: the row's own columns, the partner nested (and details for a single card). */
type Raw = Omit<ScorecardRow, "partnerName" | "partnerType"> & {
  details?: unknown;
  partner: { name: string; type: string };
};

function toRow({ partner, details: _details, ...columns }: Raw): ScorecardRow {
  return { ...columns, partnerName: partner.name, partnerType: partner.type };
}

type MonthState = "none" | "draft" | "published";

/** The month's current card per partner (drafts win over published), best score first, and the month's state. */
export async function monthScorecards(
  db: Db,
  tenantId: string,
  month: Date,
  options: { publishedOnly?: boolean } = {},
) {
  const rows = (await db.scorecard.findMany({
    where: { tenantId, month, status: options.publishedOnly ? "PUBLISHED" : { in: ["DRAFT", "PUBLISHED"] } },
    select,
    orderBy: [{ partnerId: "asc" }, { version: "desc" }],
  })) as Raw[];
  const current = new Map<string, ScorecardRow>();
  for (const r of rows) if (!current.has(r.partnerId)) current.set(r.partnerId, toRow(r));
  const list = [...current.values()].sort(
    (a, b) => (b.score ?? -1) - (a.score ?? -1) || a.partnerName.localeCompare(b.partnerName),
  );
  const drafts = list.filter((r) => r.status === "DRAFT").length;
  const state: MonthState = list.length === 0 ? "none" : drafts > 0 ? "draft" : "published";
  return { rows: list, state, drafts, published: rows.filter((r) => r.status === "PUBLISHED").length };
}

/** Months that have scorecards (newest first). */
export async function scorecardMonths(
  db: Db,
  tenantId: string,
  options: { partnerId?: string; publishedOnly?: boolean } = {},
): Promise<Date[]> {
  const rows = await db.scorecard.findMany({
    where: {
      tenantId,
      ...(options.partnerId ? { partnerId: options.partnerId } : {}),
      ...(options.publishedOnly ? { status: "PUBLISHED" } : {}),
    },
    distinct: ["month"],
    select: { month: true },
    orderBy: { month: "desc" },
  });
  return rows.map((r) => r.month);
}

export type ScorecardCard = ScorecardRow & { details: ScorecardDetails | null };

/** One partner's card for a month: the latest draft or published one (partners: published only). Null when none. */
export async function partnerScorecard(
  db: Db,
  tenantId: string,
  partnerId: string,
  month: Date,
  options: { publishedOnly?: boolean } = {},
): Promise<ScorecardCard | null> {
  const r = (await db.scorecard.findFirst({
    where: { tenantId, partnerId, month, status: options.publishedOnly ? "PUBLISHED" : { in: ["DRAFT", "PUBLISHED"] } },
    select: selectWithDetails,
    orderBy: { version: "desc" },
  })) as Raw | null;
  if (!r) return null;
  return { ...toRow(r), details: (r.details as ScorecardDetails) ?? null };
}

/** One partner's score trend: per month the published card (or, for stewards, the draft when nothing is published). */
export async function partnerTrend(
  db: Db,
  tenantId: string,
  partnerId: string,
  options: { publishedOnly?: boolean } = {},
) {
  const rows = (await db.scorecard.findMany({
    where: { tenantId, partnerId, status: options.publishedOnly ? "PUBLISHED" : { in: ["DRAFT", "PUBLISHED"] } },
    select,
    orderBy: [{ month: "asc" }, { version: "desc" }],
  })) as Raw[];
  const byMonth = new Map<number, ScorecardRow>();
  for (const r of rows) {
    const key = r.month.getTime();
    const existing = byMonth.get(key);
    // Prefer the published card of a month; else the latest version.
    if (!existing || (existing.status !== "PUBLISHED" && r.status === "PUBLISHED")) byMonth.set(key, toRow(r));
  }
  return [...byMonth.values()].slice(-12);
}

export type ScorecardCommentRow = {
  id: string;
  body: string;
  acknowledged: boolean;
  createdAt: Date;
  author: string;
  version: number;
};

/** Comments on a partner's cards of a month (every version), oldest first. */
export async function scorecardComments(
  db: Db,
  tenantId: string,
  partnerId: string,
  month: Date,
): Promise<ScorecardCommentRow[]> {
  const rows = await db.scorecardComment.findMany({
    where: { tenantId, scorecard: { tenantId, partnerId, month } },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      body: true,
      acknowledged: true,
      createdAt: true,
      userId: true,
      scorecard: { select: { version: true } },
    },
  });
  const users = await db.membership.findMany({
    where: { tenantId, userId: { in: [...new Set(rows.map((r) => r.userId))] } },
    select: { userId: true, user: { select: { name: true, email: true } } },
  });
  const name = new Map(users.map((u) => [u.userId, u.user.name || u.user.email]));
  return rows.map((r) => ({
    id: r.id,
    body: r.body,
    acknowledged: r.acknowledged,
    createdAt: r.createdAt,
    author: name.get(r.userId) ?? "A former member",
    version: r.scorecard.version,
  }));
}

/** Latest comments across partners (steward view on the scorecards page). */
export async function recentScorecardComments(db: Db, tenantId: string, month: Date, take = 20) {
  return db.scorecardComment.findMany({
    where: { tenantId, scorecard: { tenantId, month } },
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      body: true,
      acknowledged: true,
      createdAt: true,
      scorecard: { select: { partnerId: true, partner: { select: { name: true } } } },
    },
  });
}
