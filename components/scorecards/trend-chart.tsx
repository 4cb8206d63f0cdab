"use client";

import { ChartFigure } from "@/components/ui/chart-figure";
import { scoreTrendSummary } from "@/lib/help/chart-summaries";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartTable } from "@/components/dashboard/chart-table";

export type TrendPoint = {
  month: string;
  score: number | null;
  compliance: number | null;
  experience: number | null;
  incidents: number | null;
  value: number | null;
  engagement: number | null;
};

const SERIES = [
  { key: "score", name: "Overall", color: "#4f46e5", width: 3 },
  { key: "compliance", name: "Compliance", color: "#0f766e", width: 1.5 },
  { key: "experience", name: "Experience", color: "#0284c7", width: 1.5 },
  { key: "incidents", name: "Incidents", color: "#dc2626", width: 1.5 },
  { key: "value", name: "Value", color: "#ca8a04", width: 1.5 },
  { key: "engagement", name: "Engagement", color: "#9333ea", width: 1.5 },
] as const;

/** Overall score and sub-scores per month; months without data leave a gap (never drawn as 0). */
export function ScoreTrendChart({ data }: { data: TrendPoint[] }) {
  const cell = (v: number | null) => (v === null ? "No data" : v.toFixed(1));
  return (
    <>
      <ChartTable
        caption="Score per month"
        head={["Month", ...SERIES.map((s) => s.name)]}
        rows={data.map((d) => [d.month, ...SERIES.map((s) => cell(d[s.key]))])}
      />
      <ChartFigure className="h-64" title="Score per month" summary={scoreTrendSummary(data)}>
        <ResponsiveContainer>
          <LineChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="month" fontSize={12} />
            <YAxis domain={[0, 100]} fontSize={12} width={36} />
            <Tooltip formatter={(v) => (v === null || v === undefined ? "No data" : Number(v).toFixed(1))} />
            <Legend />
            {SERIES.map((s) => (
              <Line
                key={s.key}
                type="monotone"
                dataKey={s.key}
                name={s.name}
                stroke={s.color}
                strokeWidth={s.width}
                dot={{ r: 3 }}
                connectNulls={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </ChartFigure>
    </>
  );
}
