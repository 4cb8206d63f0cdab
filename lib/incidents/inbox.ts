import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/scope";
import { SEVERITIES } from "@/lib/incidents/labels";

// The escalation inbox: a tenant's (or a partner's) incidents that still need work, the
// breached and soonest-to-breach first (nextDueAt ascending; paused incidents last). One SQL
// query for the page and one for the total, both on the (tenantId, status, nextDueAt) index.

export const ACTIVE = ["OPEN", "ACKNOWLEDGED", "IN_PROGRESS", "WAITING"] as const;
export const INBOX_PAGE_SIZE = 25;

const optionalId = z.string().max(64).optional().catch(undefined);
export const inboxFiltersSchema = z.object({
  severity: z.enum(SEVERITIES).optional().catch(undefined),
  partner: optionalId,
  touchpoint: optionalId,
  level: z.coerce.number().int().min(1).max(3).optional().catch(undefined),
  /** A membership id, or "none" for unassigned. */
  assignee: optionalId,
  /** "active" (default) or "closed" (resolved and closed, newest first). */
  view: z.enum(["active", "closed"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export type InboxFilters = z.infer<typeof inboxFiltersSchema>;

export type InboxRow = {
  id: string;
  number: number;
  title: string;
  severity: string;
  status: string;
  category: string;
  escalationLevel: number;
  openedAt: Date;
  acknowledgedAt: Date | null;
  nextDueAt: Date | null;
  resolveDueAt: Date | null;
  pausedAt: Date | null;
  partnerId: string;
  partnerName: string;
  touchpointName: string;
  assigneeId: string | null;
  assigneeName: string | null;
};

export async function listInbox(
  db: Db,
  tenantId: string,
  filters: InboxFilters,
  options: { partnerId?: string; pageSize?: number } = {},
): Promise<{ rows: InboxRow[]; total: number; page: number; pageSize: number }> {
  const pageSize = options.pageSize ?? INBOX_PAGE_SIZE;
  const page = filters.page ?? 1;
  const closed = filters.view === "closed";
  const where: Prisma.Sql[] = [
    Prisma.sql`i."tenantId" = ${tenantId}`,
    closed
      ? Prisma.sql`i."status" in ('RESOLVED', 'CLOSED')`
      : Prisma.sql`i."status" in ('OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS', 'WAITING')`,
  ];
  const partnerId = options.partnerId ?? filters.partner;
  if (partnerId) where.push(Prisma.sql`i."partnerId" = ${partnerId}`);
  if (filters.severity) where.push(Prisma.sql`i."severity" = ${filters.severity}::"Severity"`);
  if (filters.touchpoint) where.push(Prisma.sql`i."touchpointId" = ${filters.touchpoint}`);
  if (filters.level) where.push(Prisma.sql`i."escalationLevel" = ${filters.level}::integer`);
  if (filters.assignee === "none") where.push(Prisma.sql`i."assigneeId" is null`);
  else if (filters.assignee) where.push(Prisma.sql`i."assigneeId" = ${filters.assignee}`);
  const condition = Prisma.join(where, " and ");
  const order = closed
    ? Prisma.sql`i."resolvedAt" desc nulls last, i."number" desc`
    : Prisma.sql`i."nextDueAt" asc nulls last, i."number" asc`;

  const rows = await db.$queryRaw<InboxRow[]>`
      select i."id", i."number", i."title", i."severity"::text as "severity", i."status"::text as "status", i."category",
             i."escalationLevel", i."openedAt", i."acknowledgedAt", i."nextDueAt", i."resolveDueAt", i."pausedAt",
             i."partnerId", p."name" as "partnerName", t."name" as "touchpointName",
             i."assigneeId", u."name" as "assigneeName"
      from (
        select * from "Incident" i where ${condition} order by ${order} limit ${pageSize} offset ${(page - 1) * pageSize}
      ) i
      join "Partner" p on p."tenantId" = i."tenantId" and p."id" = i."partnerId"
      join "Touchpoint" t on t."tenantId" = i."tenantId" and t."id" = i."touchpointId"
      left join "Membership" m on m."tenantId" = i."tenantId" and m."id" = i."assigneeId"
      left join "User" u on u."id" = m."userId"
      order by ${order}`;
  const count = await db.$queryRaw<{ total: bigint }[]>`select count(*) as total from "Incident" i where ${condition}`;
  return { rows, total: Number(count[0]?.total ?? 0), page, pageSize };
}

/** Breached or breaching within the horizon (default 1 hour), running clocks only: the nav badge. */
export async function countBreaching(db: Db, tenantId: string, now = new Date(), horizonMinutes = 60, partnerId?: string) {
  const until = new Date(now.getTime() + horizonMinutes * 60_000);
  return db.incident.count({
    where: { tenantId, status: { in: ["OPEN", "ACKNOWLEDGED", "IN_PROGRESS"] }, nextDueAt: { lte: until }, ...(partnerId ? { partnerId } : {}) },
  });
}
