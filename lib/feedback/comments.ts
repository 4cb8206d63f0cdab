import type { Db } from "@/lib/db/scope";
import type { Prisma } from "@/generated/prisma/client";
import { surveyUrl } from "./token";

// The comments view (issue 19, item 1): answered surveys per partner and touchpoint, filterable by score, and the
// open survey links to copy into a partner's own channel. Under a partner's scope row-level security leaves only
// that partner's rows; the filters never widen it.

export const SCORE_BANDS = {
  low: { label: "Unhappy (CSAT 1–2)", csat: { gte: 1, lte: 2 } },
  neutral: { label: "Neutral (CSAT 3)", csat: { gte: 3, lte: 3 } },
  high: { label: "Happy (CSAT 4–5)", csat: { gte: 4, lte: 5 } },
} as const;
export type ScoreBand = keyof typeof SCORE_BANDS;
export const isScoreBand = (v: unknown): v is ScoreBand => typeof v === "string" && v in SCORE_BANDS;

export type FeedbackQuery = {
  partnerId?: string;
  touchpointId?: string;
  score?: ScoreBand;
  page: number;
  linksPage: number;
};

const COMMENTS_PAGE_SIZE = 20;
const LINKS_PAGE_SIZE = 10;

export type FeedbackSummaryRow = {
  partnerId: string;
  partner: string;
  touchpointId: string;
  touchpoint: string;
  responses: number;
  csat: number | null;
  nps: number | null;
  comments: number;
};

export async function feedbackView(db: Db, tenantId: string, query: FeedbackQuery, now = new Date()) {
  const where: Prisma.CustomerFeedbackWhereInput = {
    tenantId,
    answeredAt: { not: null },
    ...(query.partnerId ? { partnerId: query.partnerId } : {}),
    ...(query.touchpointId ? { touchpointId: query.touchpointId } : {}),
    ...(query.score ? { csat: SCORE_BANDS[query.score].csat } : {}),
  };
  const openWhere: Prisma.CustomerFeedbackWhereInput = {
    tenantId,
    answeredAt: null,
    tokenHash: { not: null },
    expiresAt: { gt: now },
    ...(query.partnerId ? { partnerId: query.partnerId } : {}),
    ...(query.touchpointId ? { touchpointId: query.touchpointId } : {}),
  };
  const [summary, total, rows, openTotal, open, partners, touchpoints] = await Promise.all([
    // NPS = % promoters (9–10) − % detractors (0–6) of the answers with an NPS.
    db.$queryRaw<FeedbackSummaryRow[]>`
      select f."partnerId", p.name as partner, f."touchpointId", t.name as touchpoint,
             count(*)::int as responses, avg(f.csat)::float8 as csat,
             (100.0 * (count(*) filter (where f.nps >= 9) - count(*) filter (where f.nps <= 6))
               / nullif(count(f.nps), 0))::float8 as nps,
             count(*) filter (where coalesce(f.comment, '') <> '')::int as comments
      from "CustomerFeedback" f
      join "Partner" p on p."tenantId" = f."tenantId" and p.id = f."partnerId"
      join "Touchpoint" t on t."tenantId" = f."tenantId" and t.id = f."touchpointId"
      where f."tenantId" = ${tenantId} and f."answeredAt" is not null
      group by 1, 2, 3, 4
      order by p.name, t.name`,
    db.customerFeedback.count({ where }),
    db.customerFeedback.findMany({
      where,
      orderBy: [{ answeredAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * COMMENTS_PAGE_SIZE,
      take: COMMENTS_PAGE_SIZE,
      select: {
        id: true,
        answeredAt: true,
        csat: true,
        nps: true,
        comment: true,
        source: true,
        partner: { select: { name: true } },
        touchpoint: { select: { name: true } },
        customer: { select: { id: true, name: true, externalRef: true } },
      },
    }),
    db.customerFeedback.count({ where: openWhere }),
    db.customerFeedback.findMany({
      where: openWhere,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (query.linksPage - 1) * LINKS_PAGE_SIZE,
      take: LINKS_PAGE_SIZE,
      select: {
        id: true,
        createdAt: true,
        expiresAt: true,
        emailed: true,
        partner: { select: { name: true } },
        touchpoint: { select: { name: true } },
        customer: { select: { name: true, externalRef: true } },
      },
    }),
    db.partner.findMany({ where: { tenantId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.touchpoint.findMany({ where: { tenantId }, select: { id: true, name: true }, orderBy: { position: "asc" } }),
  ]);
  return {
    summary,
    comments: {
      total,
      pageCount: Math.max(1, Math.ceil(total / COMMENTS_PAGE_SIZE)),
      rows: rows.map((r) => ({
        id: r.id,
        answeredAt: r.answeredAt as Date,
        csat: r.csat,
        nps: r.nps,
        comment: r.comment,
        source: r.source,
        partner: r.partner.name,
        touchpoint: r.touchpoint.name,
        customerId: r.customer?.id ?? null,
        customer: r.customer ? (r.customer.name ?? r.customer.externalRef ?? "Customer") : "Anonymous",
      })),
    },
    links: {
      total: openTotal,
      pageCount: Math.max(1, Math.ceil(openTotal / LINKS_PAGE_SIZE)),
      rows: open.map((r) => ({
        id: r.id,
        createdAt: r.createdAt,
        expiresAt: r.expiresAt as Date,
        emailed: r.emailed,
        partner: r.partner.name,
        touchpoint: r.touchpoint.name,
        customer: r.customer ? (r.customer.name ?? r.customer.externalRef ?? "Customer") : "Customer",
        url: surveyUrl(tenantId, r.id),
      })),
    },
    partners,
    touchpoints,
  };
}

export type FeedbackView = Awaited<ReturnType<typeof feedbackView>>;
