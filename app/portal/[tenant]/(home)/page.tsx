import type { Metadata } from "next";
import Link from "next/link";
import { requirePartner } from "@/lib/auth/guards";
import { partnerOverview } from "@/lib/portal/overview";
import { portalHome, type PortalHome } from "@/lib/portal/home";
import { loadPortalPlanPanel } from "@/lib/plans/pages";
import { PlanPanel } from "@/components/plans/plan-view";
import { QUARTILE_LABELS } from "@/lib/portal/quartile";
import { SEVERITY_LABELS, type SeverityValue } from "@/lib/incidents/labels";
import type { Recommendation } from "@/lib/scorecards/combine";
import { Card, PageHeader } from "@/components/ui/card";
import { Countdown } from "@/components/ui/countdown";
import { HelpDisclosure } from "@/components/ui/help-disclosure";
import { monthLabel, RecommendationBadge, ScoreAndChange } from "@/components/scorecards/labels";

export const metadata: Metadata = { title: "Partner portal" };

const label = (value: string) => value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, " ");
const plural = (n: number, word: string) => `${n.toLocaleString("en")} ${word}${n === 1 ? "" : "s"}`;

function TodoTile({
  title,
  value,
  detail,
  href,
  testId,
  urgent,
}: {
  title: string;
  value: string;
  detail: string;
  href: string;
  testId: string;
  urgent: boolean;
}) {
  return (
    <Link href={href} className="group" data-testid={testId}>
      <Card className={`h-full p-4 transition-shadow group-hover:shadow-md ${urgent ? "border-amber-400" : ""}`}>
        <p className="text-sm text-slate-600">{title}</p>
        <p className="mt-1 text-2xl font-semibold tabular-nums">{value}</p>
        <p className="mt-1 text-xs text-slate-600">{detail}</p>
      </Card>
    </Link>
  );
}

function NeedsYou({ home, base }: { home: PortalHome; base: string }) {
  const { incidents, toAcknowledge, assessmentsDue, survey } = home;
  return (
    <section aria-labelledby="needs-heading" className="space-y-3">
      <h2 id="needs-heading" className="text-lg font-semibold">
        What needs you now
      </h2>
      <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
        <TodoTile
          title="Incidents awaiting you"
          testId="todo-incidents"
          href={`${base}/incidents`}
          value={incidents.total.toLocaleString("en")}
          detail={incidents.breached > 0 ? `${plural(incidents.breached, "deadline")} passed` : "none past a deadline"}
          urgent={incidents.breached > 0}
        />
        <TodoTile
          title="Standards to acknowledge"
          testId="todo-acknowledge"
          href={`${base}/standards`}
          value={toAcknowledge.length.toLocaleString("en")}
          detail={
            toAcknowledge.length
              ? toAcknowledge
                  .slice(0, 2)
                  .map((s) => s.name)
                  .join(", ")
              : "all acknowledged"
          }
          urgent={toAcknowledge.length > 0}
        />
        <TodoTile
          title={`Assessments due for ${monthLabel(assessmentsDue.period)}`}
          testId="todo-assessments"
          href={`${base}/standards`}
          value={assessmentsDue.standards.length.toLocaleString("en")}
          detail={
            assessmentsDue.standards.length ? "standards not yet measured for that month" : "every standard measured"
          }
          urgent={assessmentsDue.standards.length > 0}
        />
        <TodoTile
          title={`Partner survey ${survey.quarter.replace("-", " ")}`}
          testId="todo-survey"
          href={`${base}/survey`}
          value={survey.answered ? "Done" : "To do"}
          detail={
            survey.answered
              ? "thank you: you can change your answers until the quarter ends"
              : "four questions, about a minute"
          }
          urgent={!survey.answered}
        />
      </div>
      {incidents.items.length > 0 ? (
        <Card>
          <ul
            className="divide-y divide-slate-100 text-sm"
            aria-label="Incidents awaiting you, most urgent first"
            data-testid="waiting-incidents"
          >
            {incidents.items.map((i) => (
              <li key={i.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-3">
                <Link href={`${base}/incidents/${i.id}`} className="min-w-0 font-medium text-brand-700 hover:underline">
                  INC-{i.number} · {i.title}
                </Link>
                <span className="flex flex-wrap items-center gap-x-3 text-xs text-slate-600">
                  <span>{SEVERITY_LABELS[i.severity as SeverityValue] ?? i.severity}</span>
                  <span>{label(i.status)}</span>
                  <span>
                    {i.nextDeadline === "ACKNOWLEDGE"
                      ? "Acknowledge: "
                      : i.nextDeadline === "RESOLVE"
                        ? "Resolve: "
                        : ""}
                    <Countdown dueAt={i.dueAt ? i.dueAt.toISOString() : null} paused={i.status === "WAITING"} />
                  </span>
                </span>
              </li>
            ))}
          </ul>
          {incidents.total > incidents.items.length ? (
            <p className="border-t border-slate-100 px-4 py-2 text-xs">
              <Link href={`${base}/incidents`} className="text-brand-700 hover:underline">
                All {incidents.total.toLocaleString("en")} open incidents →
              </Link>
            </p>
          ) : null}
        </Card>
      ) : null}
    </section>
  );
}

function LatestScore({ home, base }: { home: PortalHome; base: string }) {
  const latest = home.latest;
  return (
    <section aria-labelledby="score-heading" className="space-y-3">
      <h2 id="score-heading" className="text-lg font-semibold">
        Your latest scorecard
      </h2>
      <Card className="p-5" data-testid="latest-score">
        {latest === null ? (
          <p className="text-sm text-slate-600">
            No scorecard has been published for you yet. It appears here once the brand publishes a month.
          </p>
        ) : (
          <div className="flex flex-wrap items-start gap-x-10 gap-y-4">
            <ScoreAndChange
              label={`Score, ${monthLabel(latest.month)}`}
              score={latest.score}
              change={latest.change}
              help={<HelpDisclosure topic="score" />}
            />
            <div>
              <p className="text-xs text-slate-500">Recommendation</p>
              <p className="mt-1">
                <RecommendationBadge value={latest.recommendation as Recommendation | null} />
              </p>
            </div>
            <div data-testid="network-quartile">
              <p className="text-xs text-slate-500">Compared with the network</p>
              <p className="mt-1 font-medium">
                {latest.quartile
                  ? `${QUARTILE_LABELS[latest.quartile]} of ${latest.peerCount} ${label(latest.peerType).toLowerCase()} partners`
                  : latest.score === null
                    ? "No score this month"
                    : "Too few partners of your type to compare"}
              </p>
              <p className="text-xs text-slate-500">Other partners&apos; names and scores are never shown.</p>
            </div>
            <Link href={`${base}/scorecard`} className="self-center text-sm text-brand-700 hover:underline">
              Your scorecard →
            </Link>
          </div>
        )}
      </Card>
    </section>
  );
}

export default async function PortalHomePage({ params }: PageProps<"/portal/[tenant]">) {
  const { tenant } = await params;
  const access = await requirePartner(tenant);
  const scope = { tenantId: access.tenant.id, partnerId: access.partner.id, userId: access.user.id };
  const [overview, home, plans] = await Promise.all([
    partnerOverview(scope),
    portalHome(scope),
    loadPortalPlanPanel(scope),
  ]);
  const base = `/portal/${tenant}`;
  const facts = [
    ["Status", label(overview.status)],
    ["Tier", label(overview.tier)],
    ["Type", label(overview.type)],
    ["Region", overview.region],
    ["Touchpoints you handle", String(overview.touchpoints)],
    ["Open incidents", String(overview.openIncidents)],
  ];
  return (
    <div className="space-y-8">
      <PageHeader
        title={overview.name}
        description={`Your partnership with ${access.tenant.name}: what needs you today and how you are doing.`}
      />
      <NeedsYou home={home} base={base} />
      <LatestScore home={home} base={base} />
      {plans.openCount > 0 ? (
        <PlanPanel
          plans={plans.open}
          openCount={plans.openCount}
          hrefFor={(id) => `${base}/plans/${id}`}
          empty="No open corrective-action plan."
        />
      ) : null}
      <section aria-labelledby="facts-heading" className="space-y-3">
        <h2 id="facts-heading" className="text-lg font-semibold">
          Your partnership
        </h2>
        <Card className="max-w-2xl">
          <dl className="divide-y divide-slate-100" data-testid="partner-facts">
            {facts.map(([term, value]) => (
              <div key={term} className="flex justify-between gap-4 px-5 py-3 text-sm">
                <dt className="text-slate-600">{term}</dt>
                <dd className="font-medium">{value}</dd>
              </div>
            ))}
          </dl>
        </Card>
      </section>
    </div>
  );
}
