"use client";

import { useId } from "react";
import { cn } from "@/lib/cn";

/** A chart named by its title, with a one-line text alternative printed under it (its accessible description). */
export function ChartFigure({
  title,
  summary,
  className,
  style,
  children,
}: {
  title: string;
  summary: string;
  className?: string;
  style?: React.CSSProperties;
  children: React.ReactNode;
}) {
  const id = useId();
  return (
    <figure className="w-full">
      <div className={cn("w-full", className)} style={style} role="img" aria-label={title} aria-describedby={id}>
        {children}
      </div>
      <figcaption id={id} className="mt-1 text-xs text-slate-600" data-testid="chart-summary">
        {summary}
      </figcaption>
    </figure>
  );
}
