import { Badge, type BadgeTone } from "@/components/ui/badge";
import { RECOMMENDATION_LABELS, type Recommendation } from "@/lib/scorecards/combine";

const REC_TONE: Record<Recommendation, BadgeTone> = {
  REWARD: "green",
  MAINTAIN: "blue",
  DEVELOP: "violet",
  PROBATION: "amber",
  EXIT: "red",
};

export function RecommendationBadge({ value }: { value: Recommendation | null }) {
  if (!value) return <span className="text-xs text-slate-500">No score</span>;
  return <Badge tone={REC_TONE[value]}>{RECOMMENDATION_LABELS[value]}</Badge>;
}

/** A 0–100 score, or an explicit "No data" (never 0). */
export function Score({ value, strong }: { value: number | null; strong?: boolean }) {
  if (value === null || value === undefined)
    return (
      <span
        className="text-xs italic text-slate-600"
        title="No data this month: left out and the other weights scaled up"
      >
        No data
      </span>
    );
  return <span className={strong ? "font-semibold tabular-nums" : "tabular-nums"}>{value.toFixed(1)}</span>;
}

export function Change({ value }: { value: number | null }) {
  if (value === null || value === undefined) return <span className="text-xs text-slate-600">—</span>;
  const tone = value > 0 ? "text-emerald-700" : value < 0 ? "text-red-700" : "text-slate-600";
  return <span className={`tabular-nums ${tone}`}>{value > 0 ? `+${value.toFixed(1)}` : value.toFixed(1)}</span>;
}

export function StatusBadge({ status }: { status: "DRAFT" | "PUBLISHED" | "SUPERSEDED" }) {
  return status === "PUBLISHED" ? (
    <Badge tone="green">Published</Badge>
  ) : status === "DRAFT" ? (
    <Badge tone="amber">Draft</Badge>
  ) : (
    <Badge>Superseded</Badge>
  );
}

export const monthLabel = (d: Date) => d.toLocaleDateString("en", { month: "long", year: "numeric", timeZone: "UTC" });

/** The overall score and its change against last month, as the first facts of a card's summary (help: beside the label). */
export function ScoreAndChange({
  label,
  score,
  change,
  help,
}: {
  label: string;
  score: number | null;
  change: number | null;
  help?: React.ReactNode;
}) {
  return (
    <>
      <div>
        <p className="text-xs text-slate-500">
          {label} {help}
        </p>
        <p className="text-3xl">
          <Score value={score} strong />
        </p>
      </div>
      <div>
        <p className="text-xs text-slate-500">Change vs last month</p>
        <p className="text-lg">
          <Change value={change} />
        </p>
      </div>
    </>
  );
}
