import type { Db } from "@/lib/db/scope";
import type { Actor } from "@/lib/incidents/events";

/**
 * The plan timeline's event types: OPENED, ACTION_ADDED, ACTION_REMOVED, PROPOSED, ACCEPTED, DISPUTED, STARTED,
 * EVIDENCE, ACTION_DONE, ACTION_VERIFIED, ACTION_REOPENED, REMINDED, OVERDUE, VERIFIED, CLOSED_UNMET.
 */
export type PlanEventInput = { type: string; body?: string | null; link?: string | null; actionId?: string | null };

/** One timeline event (createMany: no row is read back, so it works in partner contexts too). */
export async function recordPlanEvent(
  db: Db,
  tenantId: string,
  plan: { id: string; partnerId: string },
  actor: Pick<Actor, "userId" | "label">,
  event: PlanEventInput,
  at = new Date(),
) {
  await db.planEvent.createMany({
    data: [
      {
        tenantId,
        planId: plan.id,
        partnerId: plan.partnerId,
        actionId: event.actionId ?? null,
        type: event.type,
        body: event.body ?? null,
        link: event.link ?? null,
        actorUserId: actor.userId,
        actorLabel: actor.label,
        createdAt: at,
      },
    ],
  });
}
