"use client";

import { Bar, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFigure } from "@/components/ui/chart-figure";
import { formatMoney } from "@/lib/workspace/money";

/** Causes by equity at risk (bars, largest first) with the cumulative share (line, right axis). */
export function ParetoChart({
  data,
  currency,
  summary,
}: {
  data: { label: string; value: number; cumulativeShare: number }[];
  currency: string;
  summary: string;
}) {
  const top = data.slice(0, 12).map((d) => ({ ...d, cumulative: Math.round(d.cumulativeShare * 1000) / 10 }));
  const money = (v: number) => formatMoney(v, currency, { compact: true });
  return (
    <ChartFigure className="h-72" title="Pareto of root causes by equity at risk" summary={summary}>
      <ResponsiveContainer>
        <ComposedChart accessibilityLayer={false} data={top} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="label" fontSize={11} interval={0} angle={-30} textAnchor="end" height={80} />
          <YAxis yAxisId="money" tickFormatter={money} fontSize={12} width={56} />
          <YAxis yAxisId="share" orientation="right" domain={[0, 100]} tickFormatter={(v) => `${v}%`} fontSize={12} />
          <Tooltip
            formatter={(v, name) =>
              name === "cumulative" ? [`${v}%`, "Cumulative share"] : [money(Number(v)), "Equity at risk"]
            }
          />
          <Bar yAxisId="money" dataKey="value" fill="#6366f1" isAnimationActive={false} />
          <Line
            yAxisId="share"
            dataKey="cumulative"
            stroke="#0f172a"
            strokeWidth={2}
            dot={{ r: 3 }}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
