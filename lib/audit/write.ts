import type { Db } from "@/lib/db/scope";
import type { Prisma } from "@/generated/prisma/client";

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId?: string | null;
  data?: Prisma.InputJsonValue;
};

/** Writes audit rows in the caller's transaction (createMany: partner users may write but not read them). */
export async function writeAudit(
  db: Db,
  tenantId: string,
  actor: { userId?: string | null; label: string },
  entries: AuditEntry[],
) {
  if (entries.length === 0) return;
  await db.auditLog.createMany({
    data: entries.map((e) => ({
      tenantId,
      actorUserId: actor.userId ?? null,
      actorLabel: actor.label,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId ?? null,
      data: e.data,
    })),
  });
}
