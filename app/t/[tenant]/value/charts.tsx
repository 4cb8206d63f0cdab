"use client";

import { ChartFigure } from "@/components/ui/chart-figure";
import { equityTrendSummary, holdoutSummary, rollupSummary } from "@/lib/help/chart-summaries";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const money = (v: number) => new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 }).format(v);

export function EquityTrendChart({ data }: { data: { month: string; equity: number }[] }) {
  return (
    <ChartFigure className="h-56" title="Customer equity per month" summary={equityTrendSummary(data)}>
      <ResponsiveContainer>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="month" fontSize={12} />
          <YAxis tickFormatter={money} fontSize={12} width={56} />
          <Tooltip formatter={(v) => [money(Number(v)), "Equity"]} />
          <Line type="monotone" dataKey="equity" stroke="#4f46e5" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

export function RollupBarChart({ data, label }: { data: { label: string; equity: number }[]; label: string }) {
  const top = data.slice(0, 10);
  return (
    <ChartFigure style={{ height: Math.max(120, top.length * 28 + 40) }} title={label} summary={rollupSummary(label, data)}>
      <ResponsiveContainer>
        <BarChart data={top} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" horizontal={false} />
          <XAxis type="number" tickFormatter={money} fontSize={12} />
          <YAxis type="category" dataKey="label" width={150} fontSize={12} />
          <Tooltip formatter={(v) => [money(Number(v)), "Equity"]} />
          <Bar dataKey="equity" fill="#6366f1" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

export function HoldoutChart({ data }: { data: { period: string; observed: number; expected: number }[] }) {
  return (
    <ChartFigure className="h-56" title="Observed and expected repeat purchases per holdout period" summary={holdoutSummary(data)}>
      <ResponsiveContainer>
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
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
  );
}
