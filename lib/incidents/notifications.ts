import type { Db } from "@/lib/db/scope";

export async function listNotifications(db: Db, tenantId: string, membershipId: string, take = 50) {
  return db.notification.findMany({ where: { tenantId, membershipId }, orderBy: { createdAt: "desc" }, take });
}

export async function unreadNotificationCount(db: Db, tenantId: string, membershipId: string) {
  return db.notification.count({ where: { tenantId, membershipId, readAt: null } });
}

export async function markNotificationsRead(db: Db, tenantId: string, membershipId: string, now = new Date()) {
  const { count } = await db.notification.updateMany({ where: { tenantId, membershipId, readAt: null }, data: { readAt: now } });
  return count;
}
