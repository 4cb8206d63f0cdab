/**
 * Customer equity rollups: sums of the CLV snapshots (CustomerValue) of one month, set-based.
 *
 * Attribution, chosen so that every rollup adds up to the total equity (nothing is counted
 * twice):
 * - serving partner and channel: each customer's CLV is split over the partners (channels)
 *   that served them in proportion to the margin they served up to the end of the month
 *   (negative margins count as 0; a customer whose margins are all ≤ 0 is split by number of
 *   transactions). Transactions without a partner go to "Direct". `servedEquity` also gives the
 *   full CLV of every customer the partner served at least once (not additive across partners).
 * - touchpoint: split in proportion to the customer's interactions at each touchpoint up to the
 *   end of the month; customers without a recorded interaction form their own row.
 * - acquiring partner and segment: the customer's whole CLV (each customer has exactly one).
 */
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/scope";
import { valuePeriod } from "./tenant-data";

export type RollupRow = { key: string | null; label: string; customers: number; equity: number; servedEquity?: number };
export type EquityRollups = {
  asOf: Date;
  total: { equity: number; customers: number };
  byServingPartner: RollupRow[];
  byAcquiringPartner: RollupRow[];
  byTouchpoint: RollupRow[];
  bySegment: RollupRow[];
  byChannel: RollupRow[];
};

/** Months with snapshots and their total equity, oldest first (the trend). */
export async function equityTrend(db: Db, tenantId: string): Promise<{ asOf: Date; equity: number; customers: number }[]> {
  return db.$queryRaw`
    select "asOf" as "asOf", coalesce(sum(clv), 0)::float8 as equity, count(*)::int as customers
    from "CustomerValue" where "tenantId" = ${tenantId} group by "asOf" order by "asOf"`;
}

export async function latestSnapshotMonth(db: Db, tenantId: string): Promise<Date | null> {
  const [row] = await db.$queryRaw<{ asOf: Date | null }[]>`select max("asOf") as "asOf" from "CustomerValue" where "tenantId" = ${tenantId}`;
  return row?.asOf ?? null;
}

type Raw = { key: string | null; customers: number; equity: number; served: number | null };

/**
 * CLV split over the values of a transaction column, weighted by positive margin (by count when a
 * customer's margins are all ≤ 0). One pass: per (customer, value) sums, shares by window, then a
 * join on the snapshot's primary key. Joins between CTEs are avoided on purpose: on the embedded
 * database they are planned without statistics.
 */
function byTransactionColumn(db: Db, tenantId: string, asOf: Date, cutoff: Date, column: Prisma.Sql) {
  return db.$queryRaw<Raw[]>`
    with per as (
      select t."customerId" as cid, ${column} as k, sum(greatest(t.margin, 0))::float8 as w, count(*)::float8 as n
      from "Transaction" t
      where t."tenantId" = ${tenantId} and t."occurredAt" < ${cutoff}
      group by 1, 2
    ), sh as (
      select cid, k,
             case when sum(w) over (partition by cid) > 0 then w / sum(w) over (partition by cid)
                  else n / sum(n) over (partition by cid) end as share
      from per
    )
    select sh.k as key, count(*)::int as customers, sum(cv.clv * sh.share)::float8 as equity, sum(cv.clv)::float8 as served
    from sh join "CustomerValue" cv on cv."tenantId" = ${tenantId} and cv."asOf" = ${asOf}::date and cv."customerId" = sh.cid
    group by sh.k`;
}

export async function equityRollups(db: Db, tenantId: string, asOf: Date): Promise<EquityRollups> {
  const { cutoff } = valuePeriod(asOf);
  const [total] = await db.$queryRaw<{ equity: number; customers: number }[]>`
    select coalesce(sum(clv), 0)::float8 as equity, count(*)::int as customers
    from "CustomerValue" where "tenantId" = ${tenantId} and "asOf" = ${asOf}::date`;
  const serving = await byTransactionColumn(db, tenantId, asOf, cutoff, Prisma.sql`t."servingPartnerId"`);
  const channel = await byTransactionColumn(db, tenantId, asOf, cutoff, Prisma.sql`t.channel::text`);
  const touchpoint = await db.$queryRaw<Raw[]>`
    with per as (
      select i."customerId" as cid, i."touchpointId" as k, count(*)::float8 as n
      from "Interaction" i
      where i."tenantId" = ${tenantId} and i."occurredAt" < ${cutoff} and i."customerId" is not null
      group by 1, 2
    ), sh as (
      select cid, k, n / sum(n) over (partition by cid) as share from per
    )
    select sh.k as key, count(*)::int as customers, sum(cv.clv * coalesce(sh.share, 1))::float8 as equity, sum(cv.clv)::float8 as served
    from "CustomerValue" cv left join sh on sh.cid = cv."customerId"
    where cv."tenantId" = ${tenantId} and cv."asOf" = ${asOf}::date
    group by sh.k`;
  const acquiring = await db.$queryRaw<Raw[]>`
    select c."acquiringPartnerId" as key, count(*)::int as customers, sum(v.clv)::float8 as equity, null::float8 as served
    from "CustomerValue" v join "Customer" c on c."tenantId" = ${tenantId} and c.id = v."customerId"
    where v."tenantId" = ${tenantId} and v."asOf" = ${asOf}::date group by 1`;
  const segment = await db.$queryRaw<Raw[]>`
    select c.segment::text as key, count(*)::int as customers, sum(v.clv)::float8 as equity, null::float8 as served
    from "CustomerValue" v join "Customer" c on c."tenantId" = ${tenantId} and c.id = v."customerId"
    where v."tenantId" = ${tenantId} and v."asOf" = ${asOf}::date group by 1`;

  // One after the other: a transaction is one connection, and pg deprecates overlapping queries on it.
  const partners = await db.partner.findMany({ where: { tenantId }, select: { id: true, name: true } });
  const touchpoints = await db.touchpoint.findMany({ where: { tenantId }, select: { id: true, name: true } });
  const partnerName = new Map(partners.map((p) => [p.id, p.name]));
  const touchpointName = new Map(touchpoints.map((t) => [t.id, t.name]));
  const rows = (raw: Raw[], label: (key: string | null) => string, served = false): RollupRow[] =>
    raw
      .map((r) => ({ key: r.key, label: label(r.key), customers: r.customers, equity: r.equity, ...(served ? { servedEquity: r.served ?? 0 } : {}) }))
      .sort((a, b) => b.equity - a.equity);
  return {
    asOf,
    total,
    byServingPartner: rows(serving, (k) => (k ? (partnerName.get(k) ?? "Unknown partner") : "Direct (no partner)"), true),
    byAcquiringPartner: rows(acquiring, (k) => (k ? (partnerName.get(k) ?? "Unknown partner") : "Direct (no partner)")),
    byTouchpoint: rows(touchpoint, (k) => (k ? (touchpointName.get(k) ?? "Unknown touchpoint") : "No recorded interaction")),
    bySegment: rows(segment, (k) => k ?? "Unknown"),
    byChannel: rows(channel, (k) => (k ? CHANNEL_LABELS[k] ?? k : "Not recorded")),
  };
}

export const CHANNEL_LABELS: Record<string, string> = { ONLINE: "Online", STORE: "Store", PHONE: "Phone", FIELD: "Field" };
