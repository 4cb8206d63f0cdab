import type { Db } from "@/lib/db/scope";

/** The workspace's most recent messages with their delivery state (Settings → E-mail, owners only). */
export function listRecentMail(db: Db, tenantId: string, take = 50) {
  return db.emailMessage.findMany({
    where: { tenantId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      kind: true,
      recipient: true,
      subject: true,
      status: true,
      attempts: true,
      lastError: true,
      createdAt: true,
      sentAt: true,
    },
  });
}
