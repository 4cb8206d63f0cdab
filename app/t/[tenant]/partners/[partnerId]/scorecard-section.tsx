import Link from "next/link";
import type { PartnerPageData } from "@/lib/partners/pages";
import { Card, EmptyState } from "@/components/ui/card";
import { monthLabel, RecommendationBadge, ScoreAndChange, StatusBadge } from "@/components/scorecards/labels";
import { ScoreTrendChart } from "@/components/scorecards/trend-chart";
import { trendPoints } from "@/components/scorecards/trend";
import { formatMonth } from "@/lib/months";

/** The partner's latest scorecard and score trend, or how to get one. */
export function ScorecardSection({
  tenant,
  partnerId,
  data,
}: {
  tenant: string;
  partnerId: string;
  data: Pick<PartnerPageData, "scorecards">;
}) {
  return (
    <section aria-labelledby="scorecard-heading">
      <h2 id="scorecard-heading" className="mb-3 text-lg font-semibold">
        Scorecard
      </h2>
      {data.scorecards.length === 0 ? (
        <EmptyState title="No scorecard yet">Compute a month on the Scorecards page to score this partner.</EmptyState>
      ) : (
        <LatestScorecard tenant={tenant} partnerId={partnerId} cards={data.scorecards} />
      )}
    </section>
  );
}

/** The latest card (published, or a draft when nothing is published yet) and the score trend. */
function LatestScorecard({
  tenant,
  partnerId,
  cards,
}: {
  tenant: string;
  partnerId: string;
  cards: PartnerPageData["scorecards"];
}) {
  const latest = cards[cards.length - 1];
  const latestMonth = formatMonth(latest.month);
  return (
    <Card className="space-y-4 p-5" data-testid="partner-scorecard">
      <div className="flex flex-wrap items-center gap-x-8 gap-y-3">
        <ScoreAndChange
          label={`Overall score, ${monthLabel(latest.month)}`}
          score={latest.score}
          change={latest.change}
        />
        <div>
          <p className="text-xs text-slate-500">Recommendation</p>
          <RecommendationBadge value={latest.recommendation} />
        </div>
        <StatusBadge status={latest.status} />
        <Link
          href={`/t/${tenant}/scorecards/${partnerId}?month=${latestMonth}`}
          className="ml-auto text-sm text-brand-700 hover:underline"
        >
          Open the scorecard →
        </Link>
      </div>
      {cards.length > 1 && <ScoreTrendChart data={trendPoints(cards)} />}
    </Card>
  );
}
