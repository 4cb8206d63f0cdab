// One sentence per chart saying what it shows (the charts' text alternative, also printed under each chart).
// Pure functions of the chart's own data.

const compact = (v: number) => new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 }).format(v);
const pct = (v: number) => `${v >= 0 ? "+" : ""}${v.toFixed(1)} %`;
const plural = (n: number, word: string) => `${n.toLocaleString("en")} ${word}${n === 1 ? "" : "s"}`;

export function equityTrendSummary(data: readonly { month: string; equity: number }[]): string {
  if (data.length === 0) return "No customer equity computed yet.";
  const first = data[0];
  const last = data[data.length - 1];
  if (data.length === 1) return `Customer equity was ${compact(last.equity)} in ${last.month}.`;
  const change = first.equity > 0 ? ` (${pct(((last.equity - first.equity) / first.equity) * 100)})` : "";
  return `Customer equity went from ${compact(first.equity)} in ${first.month} to ${compact(last.equity)} in ${last.month}${change}.`;
}

export function rollupSummary(label: string, data: readonly { label: string; equity: number }[]): string {
  const rows = [...data].sort((a, b) => b.equity - a.equity);
  if (rows.length === 0) return `${label}: no data.`;
  const total = rows.reduce((s, r) => s + r.equity, 0);
  const share = total > 0 ? `, ${((rows[0].equity / total) * 100).toFixed(0)} % of the total` : "";
  const rest = rows.slice(1, 3).map((r) => `${r.label} (${compact(r.equity)})`);
  return `${label}: largest ${rows[0].label} (${compact(rows[0].equity)}${share})${rest.length ? `, then ${rest.join(" and ")}` : ""}.`;
}

export function holdoutSummary(data: readonly { observed: number; expected: number }[]): string {
  const observed = data.reduce((s, d) => s + d.observed, 0);
  const expected = data.reduce((s, d) => s + d.expected, 0);
  const gap = observed > 0 ? ` (${pct(((expected - observed) / observed) * 100)} vs observed)` : "";
  return `Over ${plural(data.length, "holdout period")}: ${Math.round(observed).toLocaleString("en")} repeat purchases observed, ${Math.round(expected).toLocaleString("en")} expected by the model${gap}.`;
}

export function distributionSummary(data: readonly { bucket: string; partners: number }[]): string {
  const total = data.reduce((s, d) => s + d.partners, 0);
  if (total === 0) return "No partner scored.";
  const top = data.reduce((a, b) => (b.partners > a.partners ? b : a));
  return `${plural(total, "partner")} scored; the most (${top.partners}) in the ${top.bucket} band.`;
}

export function quadrantSummary(points: readonly { quadrant: string }[]): string {
  const count = (q: string) => points.filter((p) => p.quadrant === q).length;
  return `${plural(points.length, "partner")} by score and equity served: ${count("reward")} reward, ${count("develop")} develop, ${count("watch")} watch, ${count("exit")} exit.`;
}

export function incidentsByTouchpointSummary(
  data: readonly { name: string; incidents: number; open: number }[],
): string {
  const rows = [...data].sort((a, b) => b.incidents - a.incidents);
  if (rows.length === 0) return "No incidents.";
  const total = rows.reduce((s, r) => s + r.incidents, 0);
  const top = rows.slice(0, 3).map((r) => `${r.name} ${r.incidents} (${r.open} open)`);
  return `${plural(total, "incident")} at ${plural(rows.length, "touchpoint")}; most at ${top.join(", ")}.`;
}

export function scoreTrendSummary(data: readonly { month: string; score: number | null }[]): string {
  const scored = data.filter((d): d is { month: string; score: number } => d.score !== null);
  if (scored.length === 0) return "No overall score yet.";
  const first = scored[0];
  const last = scored[scored.length - 1];
  if (scored.length === 1) return `Overall score ${last.score.toFixed(1)} in ${last.month}.`;
  const best = scored.reduce((a, b) => (b.score > a.score ? b : a));
  const worst = scored.reduce((a, b) => (b.score < a.score ? b : a));
  return `Overall score from ${first.score.toFixed(1)} in ${first.month} to ${last.score.toFixed(1)} in ${last.month}; highest ${best.score.toFixed(1)} (${best.month}), lowest ${worst.score.toFixed(1)} (${worst.month}).`;
}
