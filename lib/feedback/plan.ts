// Which moments of truth get a survey (issue 19, item 1). A customer is asked about one touchpoint at most once per
// `everyDays`: a candidate is skipped while the same customer has a survey for the same touchpoint made less than
// that long ago (answered or not), and within one batch only the first candidate of a customer and touchpoint counts.

export type SurveyCandidate = { customerId: string; touchpointId: string; at: Date };
/** The newest survey made for a customer and touchpoint, from the database. */
export type LastSurvey = { customerId: string; touchpointId: string; createdAt: Date };

const DAY = 86_400_000;
const key = (c: { customerId: string; touchpointId: string }) => `${c.customerId}\u0000${c.touchpointId}`;

/** The candidates to invite, in their order, after the dedup rule. */
export function planSurveys<C extends SurveyCandidate>(
  candidates: C[],
  last: LastSurvey[],
  everyDays: number,
  now: Date,
): C[] {
  const newest = new Map<string, number>();
  for (const s of last) newest.set(key(s), Math.max(newest.get(key(s)) ?? 0, s.createdAt.getTime()));
  const chosen: C[] = [];
  for (const candidate of candidates) {
    const previous = newest.get(key(candidate));
    if (previous !== undefined && now.getTime() - previous < everyDays * DAY) continue;
    newest.set(key(candidate), now.getTime());
    chosen.push(candidate);
  }
  return chosen;
}
