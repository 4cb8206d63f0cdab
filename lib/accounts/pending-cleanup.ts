import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db/client";
import { withTenant } from "@/lib/db/scope";
import { log } from "@/lib/log";
import { discardPendingAccount } from "@/lib/tenants/sign-up";

// A sign-up whose address was never proved holds its e-mail and its workspace address until someone proves the
// address (lib/tenants/sign-up.ts replaces it then). One left for a week is abandoned: its verification link died
// after 24 hours and no new one was asked for, so it is removed with its empty workspace, freeing the workspace
// address for someone else. Part of the hourly `accounts.cleanup` job.

export const PENDING_SIGN_UP_DAYS = 7;

/** Removes never-verified accounts with no link issued in the last week; returns how many. */
export async function discardAbandonedSignUps(now = new Date(), limit = 100): Promise<number> {
  const cutoff = new Date(now.getTime() - PENDING_SIGN_UP_DAYS * 86_400_000);
  const abandoned = await prisma().$queryRaw<{ id: string }[]>`
    select u.id from "User" u
    where u."emailVerifiedAt" is null and u."createdAt" < ${cutoff}
      and not exists (select 1 from "AccountToken" t where t."userId" = u.id and t."createdAt" >= ${cutoff})
    order by u."createdAt" limit ${limit}`;
  let removed = 0;
  for (const { id } of abandoned) {
    // Each in its own transaction, re-checked inside it: a sign-up or a verification that lands meanwhile wins.
    const gone = await withTenant({ tenantId: randomUUID() }, async (db) => {
      const still = await db.user.findFirst({ where: { id, emailVerifiedAt: null }, select: { id: true } });
      if (!still) return false;
      await discardPendingAccount(db, id, randomUUID(), now);
      await db.user.delete({ where: { id } });
      return true;
    });
    if (gone) removed++;
  }
  if (removed > 0) log.info("abandoned sign-ups removed", { removed });
  return removed;
}
