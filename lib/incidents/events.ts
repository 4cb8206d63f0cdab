import type { Prisma } from "@/generated/prisma/client";
import type { IncidentStatus } from "@/generated/prisma/enums";
import type { Db } from "@/lib/db/scope";
import { invalidateDashboard } from "@/lib/dashboard/cache";

/** Who did something: a user (steward or partner), the API, or the system (the sweep). */
export type Actor = {
  userId: string | null;
  label: string;
  kind: "steward" | "partner" | "api" | "system";
  membershipId?: string | null;
};

export type EventInput = {
  type: string;
  fromStatus?: IncidentStatus | null;
  toStatus?: IncidentStatus | null;
  body?: string | null;
  internal?: boolean;
  data?: Prisma.InputJsonValue;
};

/** One timeline event (createMany: it works in partner contexts too). */
export async function recordEvent(
  db: Db,
  tenantId: string,
  incidentId: string,
  actor: Actor,
  event: EventInput,
  at = new Date(),
) {
  invalidateDashboard(tenantId); // the dashboard's incident figures (lib/dashboard/cache.ts)
  await db.incidentEvent.createMany({
    data: [
      {
        tenantId,
        incidentId,
        type: event.type,
        fromStatus: event.fromStatus ?? null,
        toStatus: event.toStatus ?? null,
        body: event.body ?? null,
        internal: event.internal ?? false,
        actorUserId: actor.userId,
        actorLabel: actor.label,
        data: event.data,
        createdAt: at,
      },
    ],
  });
}

/** An outbox row for e-mail / webhook delivery, written in the same transaction as the change. */
export async function enqueueOutbox(db: Db, tenantId: string, topic: string, payload: Prisma.InputJsonValue) {
  await db.outboxMessage.createMany({ data: [{ tenantId, topic, payload }] });
}
