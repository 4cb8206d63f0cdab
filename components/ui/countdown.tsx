"use client";

import { useEffect, useState } from "react";
import { cn } from "@/lib/cn";

/** "3h 05m" from minutes. */
function formatDuration(totalMinutes: number): string {
  const m = Math.abs(Math.floor(totalMinutes));
  const d = Math.floor(m / 1440);
  const h = Math.floor((m % 1440) / 60);
  const min = m % 60;
  if (d > 0) return `${d}d ${h}h`;
  if (h > 0) return `${h}h ${String(min).padStart(2, "0")}m`;
  return `${min}m`;
}

/**
 * Time left until a deadline (or overdue since), updated live every 15 seconds.
 * `paused` shows the clock as paused; no deadline shows a dash.
 */
export function Countdown({
  dueAt,
  paused,
  className,
}: {
  dueAt: string | null;
  paused?: boolean;
  className?: string;
}) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);
  if (paused)
    return (
      <span className={cn("text-slate-500", className)} data-testid="sla-clock">
        Paused (waiting)
      </span>
    );
  if (!dueAt)
    return (
      <span className={cn("text-slate-500", className)} data-testid="sla-clock">
        —
      </span>
    );
  const due = new Date(dueAt).getTime();
  const reference = now ?? due; // before hydration: neutral
  const minutes = (due - reference) / 60_000;
  const overdue = now !== null && minutes < 0;
  const soon = !overdue && minutes <= 60;
  return (
    <span
      data-testid="sla-clock"
      title={new Date(dueAt).toISOString()}
      className={cn(
        "font-medium tabular-nums",
        overdue ? "text-red-700" : soon ? "text-amber-700" : "text-slate-700",
        className,
      )}
    >
      {now === null ? "…" : overdue ? `Overdue ${formatDuration(-minutes)}` : `${formatDuration(minutes)} left`}
    </span>
  );
}
