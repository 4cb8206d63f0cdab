import type { Metadata } from "next";
import { partnerScope } from "@/lib/auth/access";
import { requirePartner } from "@/lib/auth/guards";
import { loadPortalIncentivesPage } from "@/lib/incentives/pages";
import { parseMonth } from "@/lib/months";
import { formatMoney } from "@/lib/workspace/money";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState, PageHeader, ScrollCard } from "@/components/ui/card";
import { HelpDisclosure } from "@/components/ui/help-disclosure";
import { monthLabel } from "@/components/scorecards/labels";

export const metadata: Metadata = { title: "Your incentives" };

const th = "px-3 py-2 font-medium";

export default async function PortalIncentivesPage({ params }: PageProps<"/portal/[tenant]/incentives">) {
  const { tenant } = await params;
  const access = await requirePartner(tenant);
  const data = await loadPortalIncentivesPage(partnerScope(access));
  const header = (
    <PageHeader
      title="Your incentives"
      description={`Your tier in ${access.tenant.name}'s partner programme and your share of each month's bonus pool. Both are earned by customer experience and the customer value you serve, not by sales volume.`}
    />
  );
  if (data.history.length === 0)
    return (
      <div>
        {header}
        <EmptyState title="No approved month yet">
          Your tier and payout appear here once {access.tenant.name} approves a month&apos;s incentives.
        </EmptyState>
      </div>
    );
  const latest = data.history[0];
  const money = (cents: number) => formatMoney(cents / 100, data.currency, { cents: true });
  return (
    <div className="space-y-6">
      {header}
      <Card className="flex flex-wrap items-center gap-6 p-5" data-testid="portal-tier">
        <div>
          <p className="flex items-center gap-1 text-sm text-slate-600">
            Your tier <HelpDisclosure topic="incentiveTier" />
          </p>
          <p className="text-2xl font-semibold">{latest.tier ?? "—"}</p>
          <p className="text-xs text-slate-600">as of {monthLabel(parseMonth(latest.month))}</p>
        </div>
        <div>
          <p className="flex items-center gap-1 text-sm text-slate-600">
            Latest payout <HelpDisclosure topic="incentivePayout" />
          </p>
          <p className="text-2xl font-semibold" data-testid="portal-latest-payout">
            {money(latest.payoutCents)}
          </p>
          <p className="text-xs text-slate-600">{latest.reason}</p>
        </div>
        <p className="max-w-md text-xs text-slate-600">
          Tiers: {data.rules.tiers.map((t) => `${t.name} from ${t.minScore}`).join(", ")}. A tier moves after{" "}
          {data.rules.hysteresisMonths} consecutive published month{data.rules.hysteresisMonths === 1 ? "" : "s"} in a
          new band. Partners scoring at least {data.rules.floorScore} share the pool by score × equity served.
        </p>
      </Card>
      <ScrollCard label="Your tier and payout by month">
        <table className="w-full text-sm">
          <caption className="sr-only">Your tier and payout for each approved month</caption>
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>
              <th className={th}>Month</th>
              <th className={th}>Score</th>
              <th className={th}>Tier</th>
              <th className={th}>Your share</th>
              <th className={th}>Payout</th>
            </tr>
          </thead>
          <tbody>
            {data.history.map((h) => (
              <tr key={h.month} className="border-t border-slate-100 align-top" data-testid="portal-incentive-row">
                <td className="px-3 py-2">{monthLabel(parseMonth(h.month))}</td>
                <td className="px-3 py-2 tabular-nums">{h.score === null ? "—" : h.score.toFixed(1)}</td>
                <td className="px-3 py-2">
                  <Badge tone={h.tier !== h.previousTier ? "violet" : "slate"}>{h.tier ?? "—"}</Badge>
                  <span className="block text-xs text-slate-600">{h.tierReason}</span>
                </td>
                <td className="px-3 py-2 tabular-nums">
                  {h.eligible ? `${(h.share * 100).toFixed(2)} %` : "—"}
                  <span className="block text-xs text-slate-600">{h.reason}</span>
                </td>
                <td className="px-3 py-2 font-medium tabular-nums">{money(h.payoutCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollCard>
    </div>
  );
}
