"use client";

import { useId } from "react";
import { cn } from "@/lib/cn";

/** A chart with its one-line text alternative: the sentence names the picture for screen readers and is printed under it. */
export function ChartFigure({ summary, className, style, children }: { summary: string; className?: string; style?: React.CSSProperties; children: React.ReactNode }) {
  const id = useId();
  return (
    <figure className="w-full">
      <div className={cn("w-full", className)} style={style} role="img" aria-labelledby={id}>
        {children}
      </div>
      <figcaption id={id} className="mt-1 text-xs text-slate-600" data-testid="chart-summary">
        {summary}
      </figcaption>
    </figure>
  );
}
