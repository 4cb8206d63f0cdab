import type { z } from "zod";
import type { Db } from "@/lib/db/scope";
import { parseMonth } from "@/lib/months";
import { getTenantSettings } from "@/lib/tenants/settings";
import type { ApiPrincipal } from "../keys";
import { notFound } from "../problem";
import type { IncentiveMonth } from "../schemas";

// An approved month's tiers and payouts, as frozen at approval. A partner key reads only its own row (row-level
// security on IncentivePayout and the filter below) and none of the pool totals.

export async function getIncentiveMonth(
  db: Db,
  principal: ApiPrincipal,
  month: string,
): Promise<z.infer<typeof IncentiveMonth>> {
  const date = parseMonth(month);
  const { tenantId, partnerId } = principal;
  const payouts = await db.incentivePayout.findMany({
    where: { tenantId, month: date, ...(partnerId ? { partnerId } : {}) },
    orderBy: { partnerId: "asc" },
  });
  // Partner keys cannot read IncentiveMonth (steward-only): an approved month is one with payout rows for them.
  const approved = partnerId
    ? null
    : await db.incentiveMonth.findUnique({ where: { tenantId_month: { tenantId, month: date } } });
  if (partnerId ? payouts.length === 0 : !approved) throw notFound("Approved incentive month");
  const currency = approved?.currency ?? (await getTenantSettings(db, tenantId)).workspace.currency;
  return {
    month,
    currency,
    approvedAt: approved ? approved.approvedAt.toISOString() : null,
    poolCents: approved?.poolCents ?? null,
    paidCents: approved?.paidCents ?? null,
    payouts: payouts.map((p) => ({
      partnerId: p.partnerId,
      score: p.score,
      equityServed: p.equityServed,
      band: p.band,
      previousTier: p.previousTier,
      tier: p.tier,
      tierReason: p.tierReason,
      eligible: p.eligible,
      share: p.share,
      payout: p.payoutCents / 100,
      payoutCents: p.payoutCents,
      reason: p.reason,
    })),
  };
}
