"use client";

import { useRouter } from "next/navigation";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Label,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  ZAxis,
} from "recharts";
import { ChartFigure } from "@/components/ui/chart-figure";
import { distributionSummary, incidentsByTouchpointSummary, quadrantSummary } from "@/lib/help/chart-summaries";
import type { QuadrantPoint } from "@/lib/dashboard/overview";
import { RECOMMENDATION_LABELS, type Recommendation } from "@/lib/scorecards/combine";
import { formatMoney } from "@/lib/workspace/money";
import { ChartTable } from "./chart-table";

/** The scorecard's recommendation colours (its badges' tones), so a dot reads as its scorecard does. */
export const RECOMMENDATION_COLORS: Record<Recommendation, string> = {
  REWARD: "#059669",
  MAINTAIN: "#2563eb",
  DEVELOP: "#7c3aed",
  PROBATION: "#d97706",
  EXIT: "#dc2626",
};
const NO_RECOMMENDATION_COLOR = "#64748b";
const QUADRANT_TEXT = {
  reward: "high score, high equity",
  develop: "low score, high equity",
  watch: "high score, low equity",
  exit: "low score, low equity",
};

export function ScoreDistributionChart({ data }: { data: { bucket: string; partners: number }[] }) {
  return (
    <>
      <ChartTable
        caption="Partners per score band"
        head={["Score band", "Partners"]}
        rows={data.map((d) => [d.bucket, d.partners])}
      />
      <ChartFigure className="h-48" title="Number of partners per score band" summary={distributionSummary(data)}>
        <ResponsiveContainer>
          <BarChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={false} />
            <XAxis dataKey="bucket" fontSize={10} interval={0} />
            <YAxis allowDecimals={false} fontSize={11} width={32} />
            <Tooltip formatter={(v) => [v, "Partners"]} />
            <Bar dataKey="partners" fill="#6366f1" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </ChartFigure>
    </>
  );
}

/**
 * Score (x) vs equity served (y), with the tenant's maintain threshold and the median equity as
 * quadrant lines. Dots take the colour of the partner's scorecard recommendation, so the chart
 * never names a partner differently from its scorecard.
 */
export function QuadrantChart({
  points,
  scoreLine,
  equityLine,
  hrefBase,
  currency,
}: {
  points: QuadrantPoint[];
  scoreLine: number;
  equityLine: number;
  hrefBase: string;
  currency: string;
}) {
  const router = useRouter();
  const compact = (v: number) => formatMoney(v, currency, { compact: true });
  const colour = (p: QuadrantPoint) =>
    p.recommendation ? RECOMMENDATION_COLORS[p.recommendation] : NO_RECOMMENDATION_COLOR;
  const recommendation = (p: QuadrantPoint) =>
    p.recommendation ? RECOMMENDATION_LABELS[p.recommendation] : "no recommendation";
  return (
    <>
      <ChartTable
        caption="Partners by score and customer equity served"
        head={["Partner", "Score", "Equity served", "Recommendation", "Quadrant"]}
        rows={points.map((p) => [
          p.name,
          p.score.toFixed(1),
          compact(p.equity),
          recommendation(p),
          QUADRANT_TEXT[p.quadrant],
        ])}
      />
      <ChartFigure
        className="h-80"
        title="Partners by score and customer equity served: reward, develop, watch, exit"
        summary={quadrantSummary(points)}
      >
        <ResponsiveContainer>
          <ScatterChart accessibilityLayer={false} margin={{ top: 16, right: 24, bottom: 16, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis type="number" dataKey="score" name="Score" domain={[0, 100]} fontSize={11}>
              <Label value="Score" position="insideBottom" offset={-8} fontSize={11} />
            </XAxis>
            <YAxis
              type="number"
              dataKey="equity"
              name="Equity served"
              tickFormatter={compact}
              fontSize={11}
              width={56}
            />
            <ZAxis range={[40, 40]} />
            <Tooltip
              cursor={{ strokeDasharray: "3 3" }}
              content={({ payload }) => {
                const p = payload?.[0]?.payload as QuadrantPoint | undefined;
                if (!p) return null;
                return (
                  <div className="rounded border border-slate-200 bg-white px-2 py-1 text-xs shadow">
                    <p className="font-medium">{p.name}</p>
                    <p>
                      Score {p.score.toFixed(1)} · equity {compact(p.equity)} · {recommendation(p)} (
                      {QUADRANT_TEXT[p.quadrant]})
                    </p>
                  </div>
                );
              }}
            />
            <ReferenceLine x={scoreLine} stroke="#94a3b8" />
            <ReferenceLine y={equityLine} stroke="#94a3b8" />
            <Scatter
              data={points}
              isAnimationActive={false}
              onClick={(p) => router.push(`${hrefBase}/${(p as unknown as QuadrantPoint).partnerId}`)}
              cursor="pointer"
            >
              {points.map((p) => (
                <Cell key={p.partnerId} fill={colour(p)} />
              ))}
            </Scatter>
          </ScatterChart>
        </ResponsiveContainer>
      </ChartFigure>
    </>
  );
}

const INCIDENT_SERIES = [
  { key: "incidents", label: "Opened in the last 90 days", colour: "#d97706" },
  { key: "open", label: "Still open", colour: "#dc2626" },
] as const;

export function IncidentsByTouchpointChart({ data }: { data: { name: string; incidents: number; open: number }[] }) {
  return (
    <>
      <ChartTable
        caption="Incidents per touchpoint, last 90 days"
        head={["Touchpoint", ...INCIDENT_SERIES.map((s) => s.label)]}
        rows={data.map((d) => [d.name, d.incidents, d.open])}
      />
      <ChartFigure
        style={{ height: Math.max(120, data.length * 26 + 40) }}
        title="Incidents per touchpoint, last 90 days"
        summary={incidentsByTouchpointSummary(data)}
      >
        <ResponsiveContainer>
          <BarChart
            accessibilityLayer={false}
            data={data}
            layout="vertical"
            margin={{ top: 4, right: 16, bottom: 4, left: 8 }}
          >
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" horizontal={false} />
            <XAxis type="number" allowDecimals={false} fontSize={11} />
            <YAxis type="category" dataKey="name" width={140} fontSize={11} />
            <Tooltip />
            {INCIDENT_SERIES.map((s) => (
              <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.colour} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </ChartFigure>
      <Legend items={INCIDENT_SERIES.map((s) => ({ label: s.label, colour: s.colour }))} testId="incidents-legend" />
    </>
  );
}

/** A chart legend: a colour swatch before each label. */
export function Legend({ items, testId }: { items: { label: string; colour: string }[]; testId?: string }) {
  return (
    <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600" data-testid={testId}>
      {items.map((item) => (
        <li key={item.label} className="inline-flex items-center gap-1.5">
          <span
            className="inline-block size-2.5 rounded-sm"
            style={{ background: item.colour }}
            data-testid="legend-swatch"
            aria-hidden
          />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
