import type { Db } from "@/lib/db/scope";

export type Assignment = { partnerId: string; touchpointId: string };

/**
 * The touchpoint assignments in force just before `at` (a month's end), from the append-only
 * TouchpointAssignmentEvent history the database writes on every assignment and unassignment: for each
 * partner–touchpoint pair, its latest event before `at` decides. Pairs with no event before `at` were not assigned.
 */
export async function assignmentsInForce(
  db: Db,
  tenantId: string,
  at: Date,
  partnerIds?: string[],
): Promise<Assignment[]> {
  const events = await db.touchpointAssignmentEvent.findMany({
    where: { tenantId, at: { lt: at }, ...(partnerIds ? { partnerId: { in: partnerIds } } : {}) },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    select: { partnerId: true, touchpointId: true, assigned: true },
  });
  const state = new Map<string, Assignment & { assigned: boolean }>();
  for (const e of events) state.set(`${e.partnerId} ${e.touchpointId}`, e);
  return [...state.values()]
    .filter((e) => e.assigned)
    .map(({ partnerId, touchpointId }) => ({ partnerId, touchpointId }));
}
