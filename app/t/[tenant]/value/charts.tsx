"use client";

import { ChartFigure } from "@/components/ui/chart-figure";
import { equityTrendSummary, holdoutSummary, rollupSummary } from "@/lib/help/chart-summaries";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

import { ChartTable } from "@/components/dashboard/chart-table";
import { formatMoney } from "@/lib/workspace/money";

// Each chart carries its data as a screen-reader table; the drawing is one image that points to it.

export function EquityTrendChart({ data, currency }: { data: { month: string; equity: number }[]; currency: string }) {
  const money = (v: number) => formatMoney(v, currency, { compact: true });
  return (
    <>
      <ChartTable
        caption="Customer equity per month"
        head={["Month", "Equity"]}
        rows={data.map((d) => [d.month, formatMoney(d.equity, currency)])}
      />
      <ChartFigure className="h-56" title="Customer equity per month" summary={equityTrendSummary(data)}>
        <ResponsiveContainer>
          <LineChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="month" fontSize={12} />
            <YAxis tickFormatter={money} fontSize={12} width={56} />
            <Tooltip formatter={(v) => [money(Number(v)), "Equity"]} />
            <Line
              type="monotone"
              dataKey="equity"
              stroke="#4f46e5"
              strokeWidth={2}
              dot={{ r: 3 }}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </ChartFigure>
    </>
  );
}

export function RollupBarChart({
  data,
  label,
  currency,
}: {
  data: { label: string; equity: number }[];
  label: string;
  currency: string;
}) {
  const top = data.slice(0, 10);
  const money = (v: number) => formatMoney(v, currency, { compact: true });
  return (
    <>
      <ChartTable
        caption={label}
        head={["Name", "Equity"]}
        rows={top.map((d) => [d.label, formatMoney(d.equity, currency)])}
      />
      <ChartFigure
        style={{ height: Math.max(120, top.length * 28 + 40) }}
        title={label}
        summary={rollupSummary(label, data)}
      >
        <ResponsiveContainer>
          <BarChart
            accessibilityLayer={false}
            data={top}
            layout="vertical"
            margin={{ top: 4, right: 16, bottom: 4, left: 8 }}
          >
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" horizontal={false} />
            <XAxis type="number" tickFormatter={money} fontSize={12} />
            <YAxis type="category" dataKey="label" width={150} fontSize={12} />
            <Tooltip formatter={(v) => [money(Number(v)), "Equity"]} />
            <Bar dataKey="equity" fill="#6366f1" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </ChartFigure>
    </>
  );
}

export function HoldoutChart({ data }: { data: { period: string; observed: number; expected: number }[] }) {
  return (
    <>
      <ChartTable
        caption="Observed and expected repeat purchases per holdout period"
        head={["Period", "Observed", "Expected (model)"]}
        rows={data.map((d) => [d.period, d.observed, Math.round(d.expected * 10) / 10])}
      />
      <ChartFigure
        className="h-56"
        title="Observed and expected repeat purchases per holdout period"
        summary={holdoutSummary(data)}
      >
        <ResponsiveContainer>
          <BarChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="period" fontSize={12} />
            <YAxis fontSize={12} width={56} />
            <Tooltip />
            <Legend />
            <Bar dataKey="observed" name="Observed" fill="#0f766e" isAnimationActive={false} />
            <Bar dataKey="expected" name="Expected (model)" fill="#a5b4fc" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </ChartFigure>
    </>
  );
}
