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
import type { QuadrantLabel, QuadrantPoint } from "@/lib/dashboard/overview";

const compact = (v: number) => new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 }).format(v);

export const QUADRANT_COLORS: Record<QuadrantLabel, string> = { reward: "#059669", develop: "#7c3aed", watch: "#d97706", exit: "#dc2626" };

export function ScoreDistributionChart({ data }: { data: { bucket: string; partners: number }[] }) {
  return (
    <ChartFigure className="h-48" title="Number of partners per score band" summary={distributionSummary(data)}>
      <ResponsiveContainer>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="bucket" fontSize={10} interval={0} />
          <YAxis allowDecimals={false} fontSize={11} width={32} />
          <Tooltip formatter={(v) => [v, "Partners"]} />
          <Bar dataKey="partners" fill="#6366f1" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

/** Score (x) vs equity served (y), with the tenant's maintain threshold and the median equity as quadrant lines. */
export function QuadrantChart({ points, scoreLine, equityLine, hrefBase }: { points: QuadrantPoint[]; scoreLine: number; equityLine: number; hrefBase: string }) {
  const router = useRouter();
  return (
    <ChartFigure className="h-80" title="Partners by score and customer equity served: reward, develop, watch, exit" summary={quadrantSummary(points)}>
      <ResponsiveContainer>
        <ScatterChart margin={{ top: 16, right: 24, bottom: 16, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis type="number" dataKey="score" name="Score" domain={[0, 100]} fontSize={11}>
            <Label value="Score" position="insideBottom" offset={-8} fontSize={11} />
          </XAxis>
          <YAxis type="number" dataKey="equity" name="Equity served" tickFormatter={compact} fontSize={11} width={56} />
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
                    Score {p.score.toFixed(1)} · equity {compact(p.equity)} · {p.quadrant}
                  </p>
                </div>
              );
            }}
          />
          <ReferenceLine x={scoreLine} stroke="#94a3b8" />
          <ReferenceLine y={equityLine} stroke="#94a3b8" />
          <Scatter data={points} isAnimationActive={false} onClick={(p) => router.push(`${hrefBase}/${(p as unknown as QuadrantPoint).partnerId}`)} cursor="pointer">
            {points.map((p) => (
              <Cell key={p.partnerId} fill={QUADRANT_COLORS[p.quadrant]} />
            ))}
          </Scatter>
        </ScatterChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

export function IncidentsByTouchpointChart({ data }: { data: { name: string; incidents: number; open: number }[] }) {
  return (
    <ChartFigure style={{ height: Math.max(120, data.length * 26 + 40) }} title="Incidents per touchpoint, last 90 days" summary={incidentsByTouchpointSummary(data)}>
      <ResponsiveContainer>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" horizontal={false} />
          <XAxis type="number" allowDecimals={false} fontSize={11} />
          <YAxis type="category" dataKey="name" width={140} fontSize={11} />
          <Tooltip />
          <Bar dataKey="incidents" name="Incidents (90 days)" fill="#f59e0b" isAnimationActive={false} />
          <Bar dataKey="open" name="Still open" fill="#dc2626" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
