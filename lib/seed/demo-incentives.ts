import { prisma } from "@/lib/db/client";
import { withTenant } from "@/lib/db/scope";
import { approveIncentives } from "@/lib/incentives/months";
import { DEFAULT_INCENTIVE_RULES } from "@/lib/incentives/rules";
import { formatMonth } from "@/lib/months";
import { scorecardMonths } from "@/lib/scorecards/queries";
import { updateTenantSettings } from "@/lib/tenants/settings";

/**
 * The demo's incentive programme (issue 18): the workspace's rules, and every published month approved in order by
 * the owner (the demo publishes two), so tiers, their history and payouts show from the first login.
 */
export async function seedDemoIncentives(
  tenantId: string,
  ownerEmail: string,
  today: Date,
  say: (line: string) => void,
) {
  const owner = await prisma().user.findUnique({ where: { email: ownerEmail }, select: { id: true } });
  if (!owner) return;
  await withTenant({ tenantId }, async (db) => {
    await updateTenantSettings(db, tenantId, "incentives", {
      ...DEFAULT_INCENTIVE_RULES,
      poolAmount: 25_000,
      floorScore: 65,
    });
    const months = (await scorecardMonths(db, tenantId, { publishedOnly: true })).reverse();
    for (const month of months) {
      const result = await approveIncentives(db, tenantId, month, owner.id, today);
      say(
        `  incentives ${formatMonth(month)}: ${result.partners} partners, ${result.tierChanges} tier changes, approved`,
      );
    }
  });
}
