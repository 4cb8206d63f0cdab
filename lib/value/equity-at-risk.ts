/**
 * Equity at risk: what a partner's incidents may cost the brand in customer equity.
 *
 *   risk(incident) = CLV(affected customer) · churn(segment)                 [customer known]
 *                  + (customersAffected − 1) · avg over the partner's customers of CLV · churn(segment)
 *   or, when no customer is named, customersAffected · that average.
 *
 * CLV is the snapshot of `asOf` (default: the latest month with snapshots); a named customer
 * without a snapshot is worth 0. "The partner's customers" are those it served (a transaction
 * before the month's end); a partner that served no valued customer uses the tenant average.
 * churn(segment) is the tenant setting (defaults 0.66 B2B, 0.52 B2C), or the rates measured on the
 * Defection page when the steward chose them (settings.ts effectiveChurn). All set-based: one query.
 */
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/scope";
import type { QueryDb } from "@/lib/db/sql-scope";
import { effectiveChurn, parseTenantSettings } from "@/lib/tenants/settings";
import { latestSnapshotMonth } from "./rollups";
import { valuePeriod } from "./tenant-data";

/**
 * The one window equity at risk is summed over, wherever a total is shown (dashboard tile,
 * Customers & value): incidents opened in the last 30 days, valued at the given CLV snapshot.
 * Pages print `label` next to the figure so the window is always named.
 */
const EQUITY_AT_RISK_WINDOW_DAYS = 30;

export function equityAtRiskWindow(now = new Date()): { from: Date; label: string; period: string } {
  const period = `in the last ${EQUITY_AT_RISK_WINDOW_DAYS} days`;
  return {
    from: new Date(now.getTime() - EQUITY_AT_RISK_WINDOW_DAYS * 24 * 60 * 60 * 1000),
    label: `incidents opened ${period}`,
    period,
  };
}

export type IncidentEquityAtRisk = {
  incidentId: string;
  number: number;
  partnerId: string;
  touchpointId: string;
  customersAffected: number;
  /** CLV of the named customer (null when none is named). */
  customerClv: number | null;
  /** Average CLV × churn probability of the partner's customers, used for the unnamed ones. */
  averageRiskPerCustomer: number;
  equityAtRisk: number;
};

export type EquityAtRiskRow = {
  key: string;
  label: string;
  incidents: number;
  customersAffected: number;
  equityAtRisk: number;
};

type Filter = { incidentIds?: string[]; from?: Date; to?: Date; asOf?: Date; activeOnly?: boolean };

/**
 * The per-incident equity at risk as one SQL statement (null before any CLV snapshot): runs on a Prisma
 * transaction or on the pool (the inbox orders by it, lib/incidents/inbox.ts).
 */
export async function perIncidentSql(db: QueryDb, tenantId: string, filter: Filter): Promise<Prisma.Sql | null> {
  const asOf = filter.asOf ?? (await latestSnapshotMonth(db, tenantId));
  if (!asOf) return null;
  const { cutoff } = valuePeriod(asOf);
  const [tenant] = await db.$queryRaw<{ settings: unknown }[]>`select settings from "Tenant" where id = ${tenantId}`;
  const churn = effectiveChurn(parseTenantSettings(tenant?.settings).value);
  const ids = filter.incidentIds ? Prisma.sql`and i.id = any(${filter.incidentIds}::text[])` : Prisma.empty;
  // Still needing work: a running clock or a pause (see lib/incidents/inbox.ts).
  const active = filter.activeOnly
    ? Prisma.sql`and (i."nextDueAt" is not null or i."pausedAt" is not null)`
    : Prisma.empty;
  const from = filter.from ? Prisma.sql`and i."openedAt" >= ${filter.from}` : Prisma.empty;
  const to = filter.to ? Prisma.sql`and i."openedAt" < ${filter.to}` : Prisma.empty;
  const [{ materialized }] = await db.$queryRaw<{ materialized: boolean }[]>`
    select exists (select 1 from "EquityRollup" where "tenantId" = ${tenantId} and "asOf" = ${asOf}::date) as materialized`;
  const churnOf = (segment: Prisma.Sql) =>
    Prisma.sql`(case ${segment} when 'B2B' then ${churn.B2B}::float8 else ${churn.B2C}::float8 end)`;
  // The average CLV × churn of a partner's served customers: from the month's materialized rollups
  // (CLV summed per serving partner and segment at the recompute), or, for snapshots older than
  // those, from the transactions. Base tables joined on their keys, no joins between CTEs: the
  // embedded database plans those without statistics.
  const averages = materialized
    ? Prisma.sql`partner_avg as (
      select r.key as pid,
             sum(r.equity * (case r.dimension when 'SERVED_B2B' then ${churn.B2B}::float8 else ${churn.B2C}::float8 end)) / nullif(sum(r.customers), 0) as risk
      from "EquityRollup" r
      where r."tenantId" = ${tenantId} and r."asOf" = ${asOf}::date and r.dimension in ('SERVED_B2B', 'SERVED_B2C')
        and r.key in (select "partnerId" from inc)
      group by r.key
    ), tenant_avg as (
      select coalesce(sum(r.equity * (case r.key when 'B2B' then ${churn.B2B}::float8 else ${churn.B2C}::float8 end)) / nullif(sum(r.customers), 0), 0) as risk
      from "EquityRollup" r
      where r."tenantId" = ${tenantId} and r."asOf" = ${asOf}::date and r.dimension = 'SEGMENT'
    )`
    : Prisma.sql`partner_avg as (
      select s.pid, avg(cv.clv * ${churnOf(Prisma.sql`c.segment`)}) as risk
      from (
        select distinct t."servingPartnerId" as pid, t."customerId" as cid
        from "Transaction" t
        where t."tenantId" = ${tenantId} and t."occurredAt" < ${cutoff}
          and t."servingPartnerId" in (select "partnerId" from inc)
      ) s
      join "CustomerValue" cv on cv."tenantId" = ${tenantId} and cv."asOf" = ${asOf}::date and cv."customerId" = s.cid
      join "Customer" c on c."tenantId" = ${tenantId} and c.id = s.cid
      group by s.pid
    ), tenant_avg as (
      select coalesce(avg(cv.clv * ${churnOf(Prisma.sql`c.segment`)}), 0) as risk
      from "CustomerValue" cv join "Customer" c on c."tenantId" = ${tenantId} and c.id = cv."customerId"
      where cv."tenantId" = ${tenantId} and cv."asOf" = ${asOf}::date
    )`;
  return Prisma.sql`
    with inc as (
      select i.id, i.number, i."partnerId", i."touchpointId", i."customerId", i."customersAffected"
      from "Incident" i where i."tenantId" = ${tenantId} ${ids} ${from} ${to} ${active}
    ), ${averages}
    select inc.id as "incidentId", inc.number, inc."partnerId", inc."touchpointId", inc."customersAffected",
           case when inc."customerId" is null then null else coalesce(kv.clv, 0) end::float8 as "customerClv",
           coalesce(pa.risk, ta.risk)::float8 as "averageRiskPerCustomer",
           (coalesce(kv.clv * ${churnOf(Prisma.sql`kc.segment`)}, 0)
             + greatest(inc."customersAffected" - case when inc."customerId" is null then 0 else 1 end, 0) * coalesce(pa.risk, ta.risk))::float8 as "equityAtRisk"
    from inc
    left join "CustomerValue" kv on kv."tenantId" = ${tenantId} and kv."asOf" = ${asOf}::date and kv."customerId" = inc."customerId"
    left join "Customer" kc on kc."tenantId" = ${tenantId} and kc.id = inc."customerId"
    left join partner_avg pa on pa.pid = inc."partnerId"
    cross join tenant_avg ta`;
}

/** Equity at risk of each given incident (unknown or foreign ids are simply absent). */
export async function equityAtRiskByIncident(
  db: Db,
  tenantId: string,
  incidentIds: string[],
  options: { asOf?: Date } = {},
): Promise<Map<string, IncidentEquityAtRisk>> {
  if (incidentIds.length === 0) return new Map();
  const sql = await perIncidentSql(db, tenantId, { incidentIds, asOf: options.asOf });
  if (!sql) return new Map();
  const rows = await db.$queryRaw<IncidentEquityAtRisk[]>(sql);
  return new Map(rows.map((r) => [r.incidentId, r]));
}

/** Equity at risk summed by partner or touchpoint, over incidents opened in [from, to) (all when unset). */
export async function equityAtRiskRollup(
  db: Db,
  tenantId: string,
  by: "partner" | "touchpoint",
  filter: { from?: Date; to?: Date; asOf?: Date } = {},
): Promise<EquityAtRiskRow[]> {
  const sql = await perIncidentSql(db, tenantId, filter);
  if (!sql) return [];
  const key = by === "partner" ? Prisma.sql`r."partnerId"` : Prisma.sql`r."touchpointId"`;
  const rows = await db.$queryRaw<{ key: string; incidents: number; affected: number; risk: number }[]>`
    select ${key} as key, count(*)::int as incidents, sum(r."customersAffected")::int as affected, sum(r."equityAtRisk")::float8 as risk
    from (${sql}) r group by 1 order by 4 desc`;
  const names =
    by === "partner"
      ? await db.partner.findMany({
          where: { tenantId, id: { in: rows.map((r) => r.key) } },
          select: { id: true, name: true },
        })
      : await db.touchpoint.findMany({
          where: { tenantId, id: { in: rows.map((r) => r.key) } },
          select: { id: true, name: true },
        });
  const name = new Map(names.map((n) => [n.id, n.name]));
  return rows.map((r) => ({
    key: r.key,
    label: name.get(r.key) ?? "Unknown",
    incidents: r.incidents,
    customersAffected: r.affected,
    equityAtRisk: r.risk,
  }));
}

/** Equity at risk summed by the incidents' root cause (taxonomy id, "" for none chosen), over incidents opened in [from, to). */
export async function equityAtRiskByCause(
  db: Db,
  tenantId: string,
  filter: { from?: Date; to?: Date; asOf?: Date } = {},
): Promise<{ causeId: string; incidents: number; equityAtRisk: number }[]> {
  const sql = await perIncidentSql(db, tenantId, filter);
  if (!sql) return [];
  return db.$queryRaw`
    select coalesce(i."rootCauseId", '') as "causeId", count(*)::int as incidents, sum(r."equityAtRisk")::float8 as "equityAtRisk"
    from (${sql}) r join "Incident" i on i."tenantId" = ${tenantId} and i.id = r."incidentId"
    group by 1 order by 3 desc`;
}
