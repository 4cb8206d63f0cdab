import type { Metadata } from "next";
import { partnerScope } from "@/lib/auth/access";
import { requirePartner } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { loadPortalScorecardPage } from "@/lib/portal/pages";
import { parseMonth } from "@/lib/months";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { IncentiveTier } from "@/components/incentives/tier-badge";
import { HelpDisclosure } from "@/components/ui/help-disclosure";
import { SubScoreBreakdown } from "@/components/scorecards/breakdown";
import { monthLabel, RecommendationBadge, ScoreAndChange } from "@/components/scorecards/labels";
import { MonthPicker } from "@/components/scorecards/month-picker";
import { ScoreTrendChart } from "@/components/scorecards/trend-chart";
import { trendPoints } from "@/components/scorecards/trend";
import { ScorecardComments } from "@/components/scorecards/comments";
import { CommentForm } from "./comment-form";

export const metadata: Metadata = { title: "Your scorecard" };

export default async function PortalScorecardPage({ params, searchParams }: PageProps<"/portal/[tenant]/scorecard">) {
  const { tenant } = await params;
  const query = await searchParams;
  const access = await requirePartner(tenant);
  const data = await loadPortalScorecardPage(partnerScope(access), {
    month: typeof query.month === "string" ? query.month : undefined,
  });
  const header = (
    <PageHeader
      title="Your scorecard"
      description={`How ${access.tenant.name} scores your partnership each month: standards compliance, customer experience, incident performance, customer value and your survey answers.`}
    />
  );
  if (!data.month || !data.card) {
    return (
      <div>
        {header}
        <EmptyState title="No published scorecard yet">
          Your first scorecard appears here once {access.tenant.name} publishes a month.
        </EmptyState>
      </div>
    );
  }
  const card = data.card;
  const base = `/portal/${tenant}/scorecard`;
  const acknowledged = data.comments.some((c) => c.acknowledged && c.version === card.version);
  return (
    <div className="space-y-6">
      {header}
      <div className="flex flex-wrap items-end justify-between gap-4">
        <MonthPicker
          months={data.months.map((m) => ({ value: m, label: monthLabel(parseMonth(m)) }))}
          value={data.month}
          basePath={base}
        />
        <div className="flex gap-2">
          <a
            href={`${base}/export?month=${data.month}&format=csv`}
            className={buttonClass("secondary", "px-2.5 py-1 text-xs")}
            download
          >
            Export CSV
          </a>
          <a
            href={`${base}/export?month=${data.month}&format=pdf`}
            className={buttonClass("secondary", "px-2.5 py-1 text-xs")}
            download
          >
            Export PDF
          </a>
        </div>
      </div>
      <Card className="flex flex-wrap items-center gap-x-8 gap-y-3 p-5" data-testid="scorecard-summary">
        <ScoreAndChange
          label={`Overall score, ${monthLabel(card.month)}`}
          score={card.score}
          change={card.change}
          help={<HelpDisclosure topic="score" />}
        />
        <div>
          <p className="text-xs text-slate-500">Rank among partners of your type</p>
          <p className="text-lg tabular-nums">{card.rank === null ? "—" : `${card.rank} of ${card.peerCount}`}</p>
        </div>
        <div>
          <p className="text-xs text-slate-500">Recommendation</p>
          <RecommendationBadge value={card.recommendation} />
        </div>
        <IncentiveTier tier={data.incentiveTier} label="Your incentive tier" />
      </Card>
      <SubScoreBreakdown card={card} />
      <Card className="p-5">
        <h2 className="mb-3 text-base font-semibold">Trend</h2>
        <ScoreTrendChart data={trendPoints(data.trend)} />
      </Card>
      <Card className="space-y-4 p-5">
        <h2 className="text-base font-semibold">Comments</h2>
        <ScorecardComments comments={data.comments} empty="No comments yet." />
        {can(access.membership.role, "portal:respond") && (
          <CommentForm tenantSlug={tenant} scorecardId={card.id} acknowledged={acknowledged} />
        )}
      </Card>
    </div>
  );
}
