import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireSteward } from "@/lib/auth/guards";
import { loadPartnerScorecardPage } from "@/lib/scorecards/pages";
import { parseMonth } from "@/lib/months";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { IncentiveTier } from "@/components/incentives/tier-badge";
import { HelpDisclosure } from "@/components/ui/help-disclosure";
import { SubScoreBreakdown } from "@/components/scorecards/breakdown";
import { monthLabel, RecommendationBadge, ScoreAndChange, StatusBadge } from "@/components/scorecards/labels";
import { MonthPicker } from "@/components/scorecards/month-picker";
import { ScoreTrendChart } from "@/components/scorecards/trend-chart";
import { trendPoints } from "@/components/scorecards/trend";
import { ScorecardComments } from "@/components/scorecards/comments";
import { recentMonths } from "@/lib/scorecards/month-choice";
import { can } from "@/lib/auth/permissions";
import { PartnerPlans } from "../../plans/partner-plans";

export const metadata: Metadata = { title: "Partner scorecard" };

export default async function PartnerScorecardPage({
  params,
  searchParams,
}: PageProps<"/t/[tenant]/scorecards/[partnerId]">) {
  const { tenant, partnerId } = await params;
  const query = await searchParams;
  const access = await requireSteward(tenant, "workspace:read");
  const data = await loadPartnerScorecardPage(access.tenant.id, partnerId, query);
  if (!data) notFound();
  const monthName = monthLabel(parseMonth(data.month));
  const card = data.card;
  const months = recentMonths().map((m) => ({ value: m, label: monthLabel(parseMonth(m)) }));
  if (!months.some((m) => m.value === data.month)) months.push({ value: data.month, label: monthName });
  return (
    <div className="space-y-6">
      <PageHeader
        title={`${data.partner.name} — scorecard`}
        description={`Monthly scorecard of ${data.partner.name}: each sub-score with its inputs and formula, the trend and the partner's comments.`}
        actions={
          <Link href={`/t/${tenant}/scorecards?month=${data.month}`} className="text-sm text-brand-700 hover:underline">
            ← All scorecards
          </Link>
        }
      />
      <MonthPicker months={months} value={data.month} basePath={`/t/${tenant}/scorecards/${partnerId}`} />
      {!card ? (
        <EmptyState title={`No scorecard for ${monthName}`}>Compute the month on the scorecards page.</EmptyState>
      ) : (
        <>
          <Card className="flex flex-wrap items-center gap-x-8 gap-y-3 p-5" data-testid="scorecard-summary">
            <ScoreAndChange
              label="Overall score"
              score={card.score}
              change={card.change}
              help={<HelpDisclosure topic="score" base={`/t/${tenant}`} />}
            />
            <div>
              <p className="text-xs text-slate-500">Rank among {data.partner.type.toLowerCase()} partners</p>
              <p className="text-lg tabular-nums">{card.rank === null ? "—" : `${card.rank} of ${card.peerCount}`}</p>
            </div>
            <IncentiveTier tier={data.incentiveTier} base={`/t/${tenant}`} />
            <div>
              <p className="text-xs text-slate-500">Recommendation</p>
              <RecommendationBadge value={card.recommendation} />
            </div>
            <div>
              <p className="text-xs text-slate-500">State</p>
              <StatusBadge status={card.status} />{" "}
              <span className="text-xs text-slate-500">version {card.version}</span>
            </div>
          </Card>
          <SubScoreBreakdown card={card} helpBase={`/t/${tenant}`} />
        </>
      )}
      <PartnerPlans tenant={tenant} data={data.plans} write={can(access.membership.role, "plans:write")} />
      <Card className="p-5">
        <h2 className="mb-3 text-base font-semibold">Trend</h2>
        {data.trend.length === 0 ? (
          <p className="text-sm text-slate-600">No scorecards yet.</p>
        ) : (
          <ScoreTrendChart data={trendPoints(data.trend)} />
        )}
      </Card>
      <Card className="p-5">
        <h2 className="mb-3 text-base font-semibold">Partner comments</h2>
        <ScorecardComments comments={data.comments} empty="The partner has not commented on this month's scorecard." />
      </Card>
    </div>
  );
}
