import { prisma } from "@/lib/db/client";
import { withTenant } from "@/lib/db/scope";
import { approveIncentives } from "@/lib/incentives/months";
import { DEFAULT_INCENTIVE_RULES } from "@/lib/incentives/rules";
import { createInboxView } from "@/lib/incidents/inbox-views";
import { formatMonth } from "@/lib/months";
import { scorecardMonths } from "@/lib/scorecards/queries";
import { updateTenantSettings } from "@/lib/tenants/settings";

/**
 * The demo's incentive programme and incident operations (issue 18): the workspace's rules, every published month
 * approved in order by the owner (the demo publishes two), so tiers, their history and payouts show from the first
 * login; and one saved inbox view of the steward, shared with the workspace.
 */
export async function seedDemoIncentives(
  tenantId: string,
  logins: { owner: { email: string }; steward: { email: string } },
  today: Date,
  say: (line: string) => void,
) {
  const owner = await prisma().user.findUnique({ where: { email: logins.owner.email }, select: { id: true } });
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
    const steward = await db.membership.findFirst({
      where: { tenantId, role: "STEWARD", user: { email: logins.steward.email } },
      select: { id: true },
    });
    if (steward)
      await createInboxView(db, tenantId, steward.id, {
        name: "Biggest equity at risk",
        query: "sort=risk",
        shared: true,
      });
  });
}
