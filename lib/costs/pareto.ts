// The Pareto of causes (issue 19, item 5): causes by equity at risk, largest first, with each one's share of the
// total and the running (cumulative) share, so "the few causes behind most of the damage" can be read off.

export type ParetoInput = { key: string; label: string; value: number };
export type ParetoRow = ParetoInput & { share: number; cumulativeShare: number };

export function pareto(items: ParetoInput[]): ParetoRow[] {
  const sorted = [...items]
    .filter((i) => i.value > 0)
    .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
  const total = sorted.reduce((sum, i) => sum + i.value, 0);
  let running = 0;
  return sorted.map((i, index) => {
    running += i.value;
    return {
      ...i,
      share: i.value / total,
      // The last row is exactly 100 %, whatever the floating-point sum says.
      cumulativeShare: index === sorted.length - 1 ? 1 : running / total,
    };
  });
}
