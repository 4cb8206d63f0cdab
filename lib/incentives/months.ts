/**
 * A published month's incentive consequences: proposed from the month's published scorecards with the workspace's
 * rules (one set-based query), approved by a steward, then frozen in IncentiveMonth / IncentivePayout and never
 * recomputed (republishing the month or editing the rules leaves an approved month as it was).
 */
import type { Db } from "@/lib/db/scope";
import { DomainError } from "@/lib/errors";
import { formatMonth } from "@/lib/months";
import { getTenantSettings } from "@/lib/tenants/settings";
import { bandFor, type IncentiveRules, incentiveRulesSchema, nextTier, poolShares, toCents } from "./rules";

export type IncentiveRow = {
  partnerId: string;
  partnerName: string;
  score: number | null;
  equityServed: number | null;
  band: string | null;
  previousTier: string | null;
  tier: string | null;
  streak: number;
  tierReason: string;
  eligible: boolean;
  weight: number;
  share: number;
  payoutCents: number;
  reason: string;
};

export type IncentiveMonthView = {
  month: string;
  state: "approved" | "proposed" | "unpublished";
  rules: IncentiveRules;
  currency: string;
  poolCents: number;
  paidCents: number;
  note: string | null;
  approvedAt: Date | null;
  approvedBy: string | null;
  rows: IncentiveRow[];
};

type SourceRow = {
  partnerId: string;
  partnerName: string;
  score: number | null;
  equityServed: number | null;
  previousTier: string | null;
  history: { month: string; score: number | null }[];
};

function previousMonth(month: string, back: number): string {
  const [y, m] = month.split("-").map(Number);
  return formatMonth(new Date(Date.UTC(y, m - 1 - back, 1)));
}

/** The month's published scorecards with each partner's tier before the month and its earlier published scores. */
async function monthSources(db: Db, tenantId: string, month: Date, lookback: number): Promise<SourceRow[]> {
  return db.$queryRaw<SourceRow[]>`
    select s."partnerId", p."name" as "partnerName", s."score", s."equityServed",
      (select ip."tier" from "IncentivePayout" ip
        where ip."tenantId" = s."tenantId" and ip."partnerId" = s."partnerId" and ip."month" < s."month" and ip."tier" is not null
        order by ip."month" desc limit 1) as "previousTier",
      (select coalesce(json_agg(json_build_object('month', to_char(h."month", 'YYYY-MM'), 'score', h."score") order by h."month"), '[]'::json)
        from "Scorecard" h
        where h."tenantId" = s."tenantId" and h."partnerId" = s."partnerId" and h."status" = 'PUBLISHED'
          and h."month" < s."month" and h."month" >= (s."month" - make_interval(months => ${lookback}::integer))::date) as "history"
    from "Scorecard" s
    join "Partner" p on p."tenantId" = s."tenantId" and p."id" = s."partnerId"
    where s."tenantId" = ${tenantId} and s."month" = ${month}::date and s."status" = 'PUBLISHED'
    order by p."name"`;
}

/** The bands of the consecutive published months ending with this one, oldest first. */
function bandRun(month: string, score: number | null, history: SourceRow["history"], rules: IncentiveRules) {
  const byMonth = new Map(history.map((h) => [h.month, h.score]));
  const bands = [bandFor(score, rules.tiers)];
  for (let back = 1; back < rules.hysteresisMonths; back++) {
    const m = previousMonth(month, back);
    if (!byMonth.has(m)) break;
    bands.unshift(bandFor(byMonth.get(m) ?? null, rules.tiers));
  }
  return bands;
}

/** What the rules give for the month's published scorecards (nothing is stored). */
async function proposeIncentives(
  db: Db,
  tenantId: string,
  month: Date,
  rules: IncentiveRules,
): Promise<{ rows: IncentiveRow[]; poolCents: number; paidCents: number; note: string | null }> {
  const text = formatMonth(month);
  const sources = await monthSources(db, tenantId, month, rules.hysteresisMonths - 1);
  const poolCents = toCents(rules.poolAmount);
  const pool = poolShares(poolCents, sources, rules.floorScore);
  const rows = sources.map((source, i) => {
    const bands = bandRun(text, source.score, source.history, rules);
    const decision = nextTier(source.previousTier, bands, rules.hysteresisMonths);
    const share = pool.shares[i];
    return {
      partnerId: source.partnerId,
      partnerName: source.partnerName,
      score: source.score,
      equityServed: source.equityServed,
      band: bands.at(-1) ?? null,
      previousTier: source.previousTier,
      tier: decision.tier,
      streak: decision.streak,
      tierReason: decision.reason,
      eligible: share.eligible,
      weight: share.weight,
      share: share.share,
      payoutCents: share.payoutCents,
      reason: share.reason,
    };
  });
  return { rows, poolCents, paidCents: pool.paidCents, note: pool.note };
}

/** The month as the Incentives page shows it: frozen when approved, otherwise the proposal under today's rules. */
export async function incentiveMonth(db: Db, tenantId: string, month: Date): Promise<IncentiveMonthView> {
  const text = formatMonth(month);
  const approved = await db.incentiveMonth.findUnique({ where: { tenantId_month: { tenantId, month } } });
  if (approved) {
    const payouts = await db.incentivePayout.findMany({
      where: { tenantId, month },
      include: { partner: { select: { name: true } } },
      orderBy: { partner: { name: "asc" } },
    });
    const approver = await db.membership.findFirst({
      where: { tenantId, userId: approved.approvedById },
      select: { user: { select: { name: true } } },
    });
    return {
      month: text,
      state: "approved",
      rules: incentiveRulesSchema.parse(approved.rules),
      currency: approved.currency,
      poolCents: approved.poolCents,
      paidCents: approved.paidCents,
      note: approved.note,
      approvedAt: approved.approvedAt,
      approvedBy: approver?.user.name ?? null,
      rows: payouts.map(({ partner, tenantId: _t, month: _m, ...p }) => ({ ...p, partnerName: partner.name })),
    };
  }
  const settings = await getTenantSettings(db, tenantId);
  const proposal = await proposeIncentives(db, tenantId, month, settings.incentives);
  return {
    month: text,
    state: proposal.rows.length > 0 ? "proposed" : "unpublished",
    rules: settings.incentives,
    currency: settings.workspace.currency,
    approvedAt: null,
    approvedBy: null,
    ...proposal,
  };
}

/**
 * Approves the month: stores the proposal under today's rules as the month's frozen result. Months are approved in
 * order (a tier depends on the tier before it), each once.
 */
export async function approveIncentives(db: Db, tenantId: string, month: Date, userId: string, now = new Date()) {
  // One approval at a time per workspace: two stewards approving at once cannot both pass the checks below.
  await db.$queryRaw`select 1 from "Tenant" where "id" = ${tenantId} for update`;
  const text = formatMonth(month);
  if (await db.incentiveMonth.findUnique({ where: { tenantId_month: { tenantId, month } } }))
    throw new DomainError(`The incentives of ${text} are already approved.`, "conflict");
  const later = await db.incentiveMonth.findFirst({
    where: { tenantId, month: { gt: month } },
    select: { month: true },
  });
  if (later)
    throw new DomainError(
      `${formatMonth(later.month)} is already approved: approve months in order, a tier follows the month before.`,
      "conflict",
    );
  const settings = await getTenantSettings(db, tenantId);
  const proposal = await proposeIncentives(db, tenantId, month, settings.incentives);
  if (proposal.rows.length === 0)
    throw new DomainError(`${text} has no published scorecards: publish the month first.`, "invalid");
  await db.incentiveMonth.create({
    data: {
      tenantId,
      month,
      rules: settings.incentives,
      currency: settings.workspace.currency,
      poolCents: proposal.poolCents,
      paidCents: proposal.paidCents,
      note: proposal.note,
      approvedAt: now,
      approvedById: userId,
    },
  });
  await db.incentivePayout.createMany({
    data: proposal.rows.map(({ partnerName: _n, ...row }) => ({ tenantId, month, ...row })),
  });
  const changes = proposal.rows.filter((r) => r.tier !== r.previousTier).length;
  return { month: text, partners: proposal.rows.length, tierChanges: changes, paidCents: proposal.paidCents };
}

/** A partner's approved months, newest first (its own rows only: row-level security and the filter). */
export function partnerIncentiveHistory(db: Db, tenantId: string, partnerId: string) {
  return db.incentivePayout.findMany({
    where: { tenantId, partnerId },
    orderBy: { month: "desc" },
    take: 24,
    select: {
      month: true,
      score: true,
      equityServed: true,
      band: true,
      previousTier: true,
      tier: true,
      tierReason: true,
      eligible: true,
      share: true,
      payoutCents: true,
      reason: true,
    },
  });
}

/** The partner's current incentive tier (from its latest approved month), or null. */
export async function currentTier(db: Db, tenantId: string, partnerId: string) {
  const row = await db.incentivePayout.findFirst({
    where: { tenantId, partnerId, tier: { not: null } },
    orderBy: { month: "desc" },
    select: { tier: true, month: true },
  });
  return row ? { tier: row.tier as string, month: formatMonth(row.month) } : null;
}
