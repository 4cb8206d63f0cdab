import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/scope";

// Customers to save (issue 19, item 6): high-value customers — the top fifth by CLV at the latest value snapshot —
// whose P(alive) fell by more than a threshold between the last two snapshots, or who had an incident in the last
// days. Each comes with the partner and touchpoint involved (the latest incident's, else the latest interaction's)
// and the reason in words. One set-based query; the partner and touchpoint are looked up for the returned rows only.

export const SAVE_LIST_RULES = {
  /** High value: CLV at or above this quantile of the latest snapshot's CLVs. */
  topQuantile: 0.8,
  /** A drop of P(alive) larger than this (0.10 = 10 points) between the last two snapshots. */
  aliveDrop: 0.1,
  /** An incident opened within this many days. */
  incidentDays: 30,
} as const;

const SAVE_SORTS = ["clv", "drop", "incident"] as const;
export type SaveSort = (typeof SAVE_SORTS)[number];
export const isSaveSort = (v: unknown): v is SaveSort => (SAVE_SORTS as readonly unknown[]).includes(v);

export type SaveRow = {
  customerId: string;
  name: string | null;
  externalRef: string | null;
  segment: string;
  clv: number;
  aliveBefore: number | null;
  aliveNow: number | null;
  incidentId: string | null;
  incidentNumber: number | null;
  incidentOpenedAt: Date | null;
  incidentSeverity: string | null;
  partner: string | null;
  touchpoint: string | null;
  reason: string;
};

const ORDER: Record<SaveSort, Prisma.Sql> = {
  clv: Prisma.sql`clv desc, "customerId"`,
  drop: Prisma.sql`coalesce(p_prev - p_cur, -1) desc, clv desc, "customerId"`,
  incident: Prisma.sql`"openedAt" desc nulls last, clv desc, "customerId"`,
};

const pct = (p: number) => `${Math.round(p * 100)}%`;

/** The reason in words, from what put the customer on the list. */
export function saveReason(r: {
  aliveBefore: number | null;
  aliveNow: number | null;
  incidentNumber: number | null;
  incidentOpenedAt: Date | null;
  incidentSeverity: string | null;
}): string {
  const parts: string[] = [];
  if (r.aliveBefore != null && r.aliveNow != null && r.aliveBefore - r.aliveNow > SAVE_LIST_RULES.aliveDrop)
    parts.push(`P(alive) fell from ${pct(r.aliveBefore)} to ${pct(r.aliveNow)}`);
  if (r.incidentNumber != null && r.incidentOpenedAt)
    parts.push(
      `incident INC-${r.incidentNumber} (${(r.incidentSeverity ?? "").toLowerCase()}) on ${r.incidentOpenedAt.toISOString().slice(0, 10)}`,
    );
  const text = parts.join("; ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The latest two snapshot months, newest first. */
async function snapshotMonths(db: Db, tenantId: string): Promise<Date[]> {
  const rows = await db.$queryRaw<{ asOf: Date }[]>`
    select distinct "asOf" from "CustomerValue" where "tenantId" = ${tenantId} order by "asOf" desc limit 2`;
  return rows.map((r) => r.asOf);
}

export type SaveListResult = { asOf: Date | null; previous: Date | null; total: number; rows: SaveRow[] };

/** One page (or, for the export, all up to `limit`) of the customers to save. */
export async function customersToSave(
  db: Db,
  tenantId: string,
  options: { sort: SaveSort; offset: number; limit: number; now?: Date },
): Promise<SaveListResult> {
  const [asOf, previous = null] = await snapshotMonths(db, tenantId);
  if (!asOf) return { asOf: null, previous: null, total: 0, rows: [] };
  const since = new Date((options.now ?? new Date()).getTime() - SAVE_LIST_RULES.incidentDays * 86_400_000);
  const rows = await db.$queryRaw<(Omit<SaveRow, "reason" | "partner" | "touchpoint"> & { total: number })[]>`
    with cur as (
      select "customerId", clv, "probabilityAlive" as p from "CustomerValue"
      where "tenantId" = ${tenantId} and "asOf" = ${asOf}::date
    ), bar as (
      select percentile_cont(${SAVE_LIST_RULES.topQuantile}::float8) within group (order by clv) as v from cur
    ), prev as (
      select "customerId", "probabilityAlive" as p from "CustomerValue"
      where "tenantId" = ${tenantId} and "asOf" = ${previous ?? asOf}::date and ${previous !== null}
    ), inc as (
      select distinct on ("customerId") "customerId", id, number, severity::text as severity, "openedAt"
      from "Incident"
      where "tenantId" = ${tenantId} and "customerId" is not null and "openedAt" >= ${since}
      order by "customerId", "openedAt" desc, id
    ), cand as (
      select cur."customerId", cur.clv, prev.p as p_prev, cur.p as p_cur,
             inc.id as "incidentId", inc.number, inc.severity, inc."openedAt"
      from cur
      left join prev on prev."customerId" = cur."customerId"
      left join inc on inc."customerId" = cur."customerId"
      where cur.clv >= (select v from bar) and cur.clv > 0
        and (prev.p - cur.p > ${SAVE_LIST_RULES.aliveDrop}::float8 or inc.id is not null)
    )
    select cand."customerId", c.name, c."externalRef", c.segment::text as segment, cand.clv::float8 as clv,
           cand.p_prev::float8 as "aliveBefore", cand.p_cur::float8 as "aliveNow",
           cand."incidentId", cand.number as "incidentNumber", cand."openedAt" as "incidentOpenedAt",
           cand.severity as "incidentSeverity", (count(*) over ())::int as total
    from cand join "Customer" c on c."tenantId" = ${tenantId} and c.id = cand."customerId"
    order by ${ORDER[options.sort]}
    offset ${options.offset} limit ${options.limit}`;
  const involved = await involvedParties(
    db,
    tenantId,
    rows.map((r) => ({ customerId: r.customerId, incidentId: r.incidentId })),
  );
  return {
    asOf,
    previous,
    total: rows[0]?.total ?? 0,
    rows: rows.map(({ total: _total, ...r }) => ({
      ...r,
      partner: involved.get(r.customerId)?.partner ?? null,
      touchpoint: involved.get(r.customerId)?.touchpoint ?? null,
      reason: saveReason(r),
    })),
  };
}

/** The partner and touchpoint of each customer's incident, or of its latest interaction when it had none. */
async function involvedParties(db: Db, tenantId: string, keys: { customerId: string; incidentId: string | null }[]) {
  if (keys.length === 0) return new Map<string, { partner: string | null; touchpoint: string | null }>();
  const rows = await db.$queryRaw<{ customerId: string; partner: string | null; touchpoint: string | null }[]>`
    select k.cid as "customerId", p.name as partner, t.name as touchpoint
    from unnest(${keys.map((k) => k.customerId)}::text[], ${keys.map((k) => k.incidentId)}::text[]) as k(cid, iid)
    left join "Incident" i on i."tenantId" = ${tenantId} and i.id = k.iid
    left join lateral (
      select x."partnerId", x."touchpointId" from "Interaction" x
      where x."tenantId" = ${tenantId} and x."customerId" = k.cid and k.iid is null
      order by x."occurredAt" desc limit 1
    ) last on true
    left join "Partner" p on p."tenantId" = ${tenantId} and p.id = coalesce(i."partnerId", last."partnerId")
    left join "Touchpoint" t on t."tenantId" = ${tenantId} and t.id = coalesce(i."touchpointId", last."touchpointId")`;
  return new Map(rows.map((r) => [r.customerId, { partner: r.partner, touchpoint: r.touchpoint }]));
}
