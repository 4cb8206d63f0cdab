import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { QueryDb } from "@/lib/db/sql-scope";
import { SEVERITIES } from "@/lib/incidents/labels";
import { perIncidentSql } from "@/lib/value/equity-at-risk";

// The escalation inbox: a tenant's (or a partner's) incidents that still need work, the
// breached and soonest-to-breach first (nextDueAt ascending; paused incidents last). One SQL
// query for the page and one (capped) for the total, both on the (tenantId, status, nextDueAt) index.

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
  /** Needs work only: "due" (default, the deadline first) or "risk" (severity × equity at risk, largest first). */
  sort: z.enum(["due", "risk"]).optional().catch(undefined),
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
  /** Set when the inbox is ordered by risk: the incident's equity at risk (null before any CLV snapshot). */
  equityAtRisk?: number | null;
};

/** How much each severity weighs in the "severity × equity at risk" order. */
export const SEVERITY_RISK_WEIGHT = { CRITICAL: 4, HIGH: 3, MEDIUM: 2, LOW: 1 } as const;

/** Totals above this are shown as "1,000+": counting every match would cost a scan of them all. */
export const INBOX_COUNT_CAP = 1000;

/** An inbox row as the inbox table shows it: plain JSON for the client component. */
export type InboxItem = {
  id: string;
  number: number;
  title: string;
  severity: string;
  status: string;
  escalationLevel: number;
  nextDueAt: string | null;
  paused: boolean;
  partnerName: string;
  touchpointName: string;
  assigneeName: string | null;
  equityAtRisk?: number | null;
};

/** Partners never see which of the brand's people an incident is assigned to. */
export function toInboxItem(row: InboxRow, options: { showAssignee: boolean }): InboxItem {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    severity: row.severity,
    status: row.status,
    escalationLevel: row.escalationLevel,
    nextDueAt: row.nextDueAt ? new Date(row.nextDueAt).toISOString() : null,
    paused: !!row.pausedAt,
    partnerName: row.partnerName,
    touchpointName: row.touchpointName,
    assigneeName: options.showAssignee ? row.assigneeName : null,
    ...(row.equityAtRisk !== undefined ? { equityAtRisk: row.equityAtRisk } : {}),
  };
}

/** Call it last in its transaction: its page queries leave sequential and bitmap scans off until the transaction ends. */
export async function listInbox(
  db: QueryDb,
  tenantId: string,
  filters: InboxFilters,
  options: { partnerId?: string; pageSize?: number } = {},
): Promise<{ rows: InboxRow[]; total: number; totalCapped: boolean; page: number; pageSize: number }> {
  const pageSize = options.pageSize ?? INBOX_PAGE_SIZE;
  const page = filters.page ?? 1;
  const offset = (page - 1) * pageSize;
  const closed = filters.view === "closed";
  const where: Prisma.Sql[] = [Prisma.sql`i."tenantId" = ${tenantId}`];
  const partnerId = options.partnerId ?? filters.partner;
  if (partnerId) where.push(Prisma.sql`i."partnerId" = ${partnerId}`);
  if (filters.severity) where.push(Prisma.sql`i."severity" = ${filters.severity}::"Severity"`);
  if (filters.touchpoint) where.push(Prisma.sql`i."touchpointId" = ${filters.touchpoint}`);
  if (filters.level) where.push(Prisma.sql`i."escalationLevel" = ${filters.level}::integer`);
  if (filters.assignee === "none") where.push(Prisma.sql`i."assigneeId" is null`);
  else if (filters.assignee) where.push(Prisma.sql`i."assigneeId" = ${filters.assignee}`);
  const condition = Prisma.join(where, " and ");

  // Needs work = running clocks (nextDueAt is set exactly while the clock runs: OPEN, ACKNOWLEDGED,
  // IN_PROGRESS) by deadline, then paused ones (pausedAt is set exactly while WAITING), longest
  // waiting first. Each part is an ordered walk of its own index that stops at the page, so the
  // most urgent page never touches every open incident. (Not "status in (…)": enum equality is
  // not leakproof, so under row-level security it cannot be an index condition.)
  // Resolved and closed: newest first, along the (tenantId, number) index.
  const running = Prisma.sql`i."nextDueAt" is not null`;
  const waiting = Prisma.sql`i."pausedAt" is not null`;
  const done = Prisma.sql`i."status" in ('RESOLVED', 'CLOSED')`;
  const capped = async (filter: Prisma.Sql) => {
    const r = await db.$queryRaw<{ n: bigint }[]>`
      select count(*) as n from (select 1 from "Incident" i where ${condition} and ${filter} limit ${INBOX_COUNT_CAP + 1}) c`;
    return Number(r[0]?.n ?? 0);
  };
  // Row-level security adds a partner condition the planner cannot estimate (it guesses a few
  // dozen rows), so it would rather bitmap-scan and sort every open incident than walk the index
  // in order and stop at the page: the page query runs with those plans off (this transaction only;
  // the capped counts keep the default plans, where a bitmap scan is the right choice).
  // The counts run first, so the settings are switched once and stay off for the page queries
  // until the transaction ends (set_config(…, true) is transaction-local).
  let indexWalks = false;
  const pageOf = async (filter: Prisma.Sql, order: Prisma.Sql, take: number, skip: number) => {
    if (!indexWalks) {
      await db.$queryRaw`select set_config('enable_bitmapscan', 'off', true), set_config('enable_seqscan', 'off', true)`;
      indexWalks = true;
    }
    return pageQuery(filter, order, take, skip);
  };
  const pageQuery = (filter: Prisma.Sql, order: Prisma.Sql, take: number, skip: number) => db.$queryRaw<InboxRow[]>`
      select i."id", i."number", i."title", i."severity"::text as "severity", i."status"::text as "status", i."category",
             i."escalationLevel", i."openedAt", i."acknowledgedAt", i."nextDueAt", i."resolveDueAt", i."pausedAt",
             i."partnerId", p."name" as "partnerName", t."name" as "touchpointName",
             i."assigneeId", u."name" as "assigneeName"
      from (select * from "Incident" i where ${condition} and ${filter} order by ${order} limit ${take} offset ${skip}) i
      join "Partner" p on p."tenantId" = i."tenantId" and p."id" = i."partnerId"
      join "Touchpoint" t on t."tenantId" = i."tenantId" and t."id" = i."touchpointId"
      left join "Membership" m on m."tenantId" = i."tenantId" and m."id" = i."assigneeId"
      left join "User" u on u."id" = m."userId"
      order by ${order}`;

  let rows: InboxRow[];
  let total: number;
  if (!closed && filters.sort === "risk") {
    // Severity × equity at risk, largest first, over everything that needs work (running or paused); then by
    // deadline. One statement: the per-incident equity at risk (lib/value/equity-at-risk.ts) joined to the page.
    const needsWork = Prisma.sql`(i."nextDueAt" is not null or i."pausedAt" is not null)`;
    total = await capped(needsWork);
    const riskSql = await perIncidentSql(db, tenantId, { activeOnly: true });
    const risk = riskSql ?? Prisma.sql`select null::text as "incidentId", null::float8 as "equityAtRisk" where false`;
    const weight = Prisma.sql`(case i."severity" when 'CRITICAL' then ${SEVERITY_RISK_WEIGHT.CRITICAL}::int when 'HIGH' then ${SEVERITY_RISK_WEIGHT.HIGH}::int when 'MEDIUM' then ${SEVERITY_RISK_WEIGHT.MEDIUM}::int else ${SEVERITY_RISK_WEIGHT.LOW}::int end)`;
    rows = await db.$queryRaw<InboxRow[]>`
      with risk as (${risk})
      select i."id", i."number", i."title", i."severity"::text as "severity", i."status"::text as "status", i."category",
             i."escalationLevel", i."openedAt", i."acknowledgedAt", i."nextDueAt", i."resolveDueAt", i."pausedAt",
             i."partnerId", p."name" as "partnerName", t."name" as "touchpointName",
             i."assigneeId", u."name" as "assigneeName", i."equityAtRisk"
      from (
        select i.*, r."equityAtRisk", coalesce(r."equityAtRisk", 0) * ${weight} as "riskScore"
        from "Incident" i left join risk r on r."incidentId" = i."id"
        where ${condition} and ${needsWork}
        order by "riskScore" desc, i."nextDueAt" asc nulls last, i."number" asc
        limit ${pageSize} offset ${offset}
      ) i
      join "Partner" p on p."tenantId" = i."tenantId" and p."id" = i."partnerId"
      join "Touchpoint" t on t."tenantId" = i."tenantId" and t."id" = i."touchpointId"
      left join "Membership" m on m."tenantId" = i."tenantId" and m."id" = i."assigneeId"
      left join "User" u on u."id" = m."userId"
      order by i."riskScore" desc, i."nextDueAt" asc nulls last, i."number" asc`;
  } else if (closed) {
    total = await capped(done);
    rows = await pageOf(done, Prisma.sql`i."number" desc`, pageSize, offset);
  } else {
    // The counts are planned with the default settings; the same statement then switches to index
    // walks for the page queries (one round trip fewer).
    const counts = await db.$queryRaw<{ running: bigint; waiting: bigint }[]>`
      select (select count(*) from (select 1 from "Incident" i where ${condition} and ${running} limit ${INBOX_COUNT_CAP + 1}) c) as running,
             (select count(*) from (select 1 from "Incident" i where ${condition} and ${waiting} limit ${INBOX_COUNT_CAP + 1}) c) as waiting,
             set_config('enable_bitmapscan', 'off', true) as bitmapscan, set_config('enable_seqscan', 'off', true) as seqscan`;
    indexWalks = true;
    const runningTotal = Number(counts[0]?.running ?? 0);
    const waitingTotal = Number(counts[0]?.waiting ?? 0);
    total = runningTotal + waitingTotal;
    rows =
      offset < runningTotal
        ? await pageOf(running, Prisma.sql`i."nextDueAt" asc, i."number" asc`, pageSize, offset)
        : [];
    if (rows.length < pageSize && runningTotal <= INBOX_COUNT_CAP) {
      const skip = Math.max(0, offset - runningTotal);
      rows = rows.concat(
        await pageOf(waiting, Prisma.sql`i."pausedAt" asc, i."number" asc`, pageSize - rows.length, skip),
      );
    }
  }
  return { rows, total: Math.min(total, INBOX_COUNT_CAP), totalCapped: total > INBOX_COUNT_CAP, page, pageSize };
}

/** Breached or breaching within the horizon (default 1 hour), running clocks only: the nav badge. */
export async function countBreaching(
  db: QueryDb,
  tenantId: string,
  now = new Date(),
  horizonMinutes = 60,
  partnerId?: string,
) {
  const until = new Date(now.getTime() + horizonMinutes * 60_000);
  // Capped at 100: one range scan of the (tenantId, nextDueAt) index, stopping early.
  const partner = partnerId ? Prisma.sql`and i."partnerId" = ${partnerId}` : Prisma.empty;
  const rows = await db.$queryRaw<{ n: bigint }[]>`
    select count(*) as n from (
      select 1 from "Incident" i
      where i."tenantId" = ${tenantId} and i."nextDueAt" <= ${until} ${partner}
      limit 100
    ) capped`;
  return Number(rows[0]?.n ?? 0);
}
