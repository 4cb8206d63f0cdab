import { HelpDisclosure } from "@/components/ui/help-disclosure";
import Link from "next/link";
import { SCORECARD_AREA_LABELS, SCORECARD_AREAS, type ScorecardArea } from "@/lib/scorecards/weights";
import {
  COMPLIANCE_FORMULA,
  ENGAGEMENT_FORMULA,
  EXPERIENCE_FORMULA,
  INCIDENT_FORMULA,
  VALUE_FORMULA,
} from "@/lib/scorecards/sub-scores";
import { OVERALL_FORMULA } from "@/lib/scorecards/combine";
import type { ScorecardCard } from "@/lib/scorecards/queries";
import { Card } from "@/components/ui/card";
import { Score } from "./labels";

const AREA_FORMULAS: Record<ScorecardArea, string> = {
  compliance: COMPLIANCE_FORMULA,
  experience: EXPERIENCE_FORMULA,
  incidents: INCIDENT_FORMULA,
  value: VALUE_FORMULA,
  engagement: ENGAGEMENT_FORMULA,
};

export const AREA_SCORE_KEY = {
  compliance: "complianceScore",
  experience: "experienceScore",
  incidents: "incidentScore",
  value: "valueScore",
  engagement: "engagementScore",
} as const satisfies Record<ScorecardArea, string>;

const fmt = (v: unknown) =>
  v === null || v === undefined
    ? "no data"
    : typeof v === "number"
      ? Number.isInteger(v)
        ? v.toLocaleString("en")
        : v.toLocaleString("en", { maximumFractionDigits: 2 })
      : String(v);

const INPUT_LABELS: Record<string, string> = {
  compliance: "Compliance %",
  successes: "Successful interactions",
  partials: "Partial successes",
  failures: "Failures",
  csatAverage: "Average CSAT (1–5)",
  nps: "NPS",
  interactions: "Interactions",
  incidents: "Incidents opened",
  slaMeasured: "Incidents with a known SLA outcome",
  slaMet: "Resolved within target",
  meanHoursToResolve: "Mean hours to resolve",
  targetHoursToResolve: "Mean target hours",
  equityServed: "Equity served",
  equityServedLastMonth: "Equity served last month",
  equityAtRisk: "Equity at risk",
  responses: "Survey responses",
  communication: "Communication (1–5)",
  fairness: "Fairness (1–5)",
  tools: "Tools (1–5)",
  support: "Support (1–5)",
};

/** Where every scoring rule is written down, with a worked example (shown under both formula panels). */
function ScoringRulesReference() {
  return (
    <p className="mt-2" data-testid="scoring-rules-reference">
      Ties share a rank (90, 80, 80, 70 → 1, 2, 2, 4); change is against last month&apos;s published card (its draft
      when none was published); offboarded partners are scored in a month they were active. Every rule — who is scored,
      the SLA outcome&apos;s month, the survey quarter, equity at risk — with a worked example:{" "}
      <Link href="/help/scorecards" className="font-medium text-brand-700 underline">
        How partner scorecards are computed
      </Link>
      .
    </p>
  );
}

/** Each sub-score with its parts, the inputs behind it and its formula ("how is this computed"). */
/** helpBase: the workspace path for the help's setting links (staff pages); none in the partner portal. */
export function SubScoreBreakdown({ card, helpBase }: { card: ScorecardCard; helpBase?: string }) {
  const details = card.details;
  return (
    <div className="grid gap-4 *:min-w-0 lg:grid-cols-2" data-testid="sub-score-breakdown">
      {SCORECARD_AREAS.map((area) => {
        const sub = details?.subScores?.[area];
        const weight = details?.weights?.[area];
        const effective = details?.effectiveWeights?.[area];
        return (
          <Card key={area} className="p-5" data-testid={`area-${area}`}>
            <div className="flex items-baseline justify-between gap-3">
              <h3 className="font-semibold">
                {SCORECARD_AREA_LABELS[area]} <HelpDisclosure topic={area} base={helpBase} />
              </h3>
              <span className="text-xl">
                <Score value={card[AREA_SCORE_KEY[area]]} strong />
              </span>
            </div>
            <p className="mt-1 text-xs text-slate-500">
              Weight {weight ?? "—"} %
              {effective !== null &&
              effective !== undefined &&
              weight !== undefined &&
              Math.abs(effective - weight) > 0.05
                ? ` (${effective.toFixed(1)} % after leaving out the areas without data)`
                : ""}
              {effective === null ? " — left out of the overall score this month" : ""}
            </p>
            {sub && sub.parts.length > 1 && (
              <ul className="mt-3 space-y-1 text-sm">
                {sub.parts.map((p) => (
                  <li key={p.key} className="flex justify-between gap-3">
                    <span className="text-slate-600">{p.label}</span>
                    <Score value={p.score} />
                  </li>
                ))}
              </ul>
            )}
            {sub?.inputs && typeof sub.inputs === "object" ? (
              <dl className="mt-3 grid grid-cols-2 gap-x-3 gap-y-0.5 text-xs text-slate-600">
                {Object.keys(INPUT_LABELS)
                  .filter((k) => k in (sub.inputs as Record<string, unknown>))
                  .map((k) => [k, (sub.inputs as Record<string, unknown>)[k]] as const)
                  .map(([k, v]) => (
                    <div key={k} className="contents">
                      <dt>{INPUT_LABELS[k] ?? k}</dt>
                      <dd className="text-right tabular-nums">{fmt(v)}</dd>
                    </div>
                  ))}
              </dl>
            ) : null}
            <details className="mt-3 text-xs text-slate-600">
              <summary className="cursor-pointer font-medium text-brand-700">How is this computed?</summary>
              <p className="mt-1">{AREA_FORMULAS[area]}</p>
            </details>
          </Card>
        );
      })}
      <Card className="p-5 text-xs text-slate-600 lg:col-span-2">
        <p>
          <span className="font-medium text-slate-800">Overall score.</span> {OVERALL_FORMULA}
        </p>
        <ScoringRulesReference />
      </Card>
    </div>
  );
}

/** The formulas of every area, for the scorecards page. */
export function FormulaPanel() {
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="formula-panel">
      <summary className="cursor-pointer font-medium text-brand-700">How are the scores computed?</summary>
      <dl className="mt-3 space-y-3 text-slate-600">
        {SCORECARD_AREAS.map((area) => (
          <div key={area}>
            <dt className="font-medium text-slate-800">{SCORECARD_AREA_LABELS[area]}</dt>
            <dd>{AREA_FORMULAS[area]}</dd>
          </div>
        ))}
        <div>
          <dt className="font-medium text-slate-800">Overall score, rank and recommendation</dt>
          <dd>
            {OVERALL_FORMULA} Rank is among partners of the same type (1 = best). The recommendation comes from the
            tenant&apos;s thresholds (reward, maintain, develop, probation; below probation: exit). A sub-score without
            data shows &ldquo;No data&rdquo;, never 0.
            <ScoringRulesReference />
          </dd>
        </div>
      </dl>
    </details>
  );
}
