import type { Prisma } from "@/generated/prisma/client";
import { withTenant, type Db } from "@/lib/db/scope";
import { log } from "@/lib/log";

// What the reminder and the overdue sweeps share: the action as they read it, and a pass over the due actions.

/** An action and its plan, as the sweeps read them. */
export const sweptActionSelect = {
  id: true,
  description: true,
  dueOn: true,
  status: true,
  createdAt: true,
  remindedAt: true,
  escalationLevel: true,
  ownerMembershipId: true,
  ownerContactId: true,
  plan: {
    select: {
      id: true,
      partnerId: true,
      title: true,
      status: true,
      acceptedAt: true,
      ownerMembershipId: true,
      partner: { select: { name: true } },
    },
  },
} satisfies Prisma.PlanActionSelect;

export type DueAction = { tenantId: string; actionId: string };

/**
 * Runs `work` on each due action in a transaction of its own tenant; one that fails is logged and the pass goes on.
 * Returns the sum of what `work` returned and how many failed.
 */
export async function sweepActions(
  rows: DueAction[],
  failure: string,
  work: (db: Db, tenantId: string, actionId: string) => Promise<number>,
): Promise<{ done: number; failed: number }> {
  let done = 0;
  let failed = 0;
  for (const { tenantId, actionId } of rows) {
    try {
      done += await withTenant({ tenantId }, (db) => work(db, tenantId, actionId), { timeoutMs: 10_000 });
    } catch (error) {
      failed++;
      log.error(failure, { tenantId, actionId, error });
    }
  }
  return { done, failed };
}
