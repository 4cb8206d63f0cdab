import type { Db } from "@/lib/db/scope";
import type { QueryDb } from "@/lib/db/sql-scope";

export async function listNotifications(db: Db, tenantId: string, membershipId: string, take = 50) {
  return db.notification.findMany({ where: { tenantId, membershipId }, orderBy: { createdAt: "desc" }, take });
}

export async function unreadNotificationCount(db: QueryDb, tenantId: string, membershipId: string) {
  const rows = await db.$queryRaw<{ n: bigint }[]>`
    select count(*) as n from "Notification" where "tenantId" = ${tenantId} and "membershipId" = ${membershipId} and "readAt" is null`;
  return Number(rows[0]?.n ?? 0);
}

export async function markNotificationsRead(db: Db, tenantId: string, membershipId: string, now = new Date()) {
  const { count } = await db.notification.updateMany({
    where: { tenantId, membershipId, readAt: null },
    data: { readAt: now },
  });
  return count;
}
