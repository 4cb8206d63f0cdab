/** Customer list and detail reads for the value pages: each one query (or a few small ones). */
import type { Db } from "@/lib/db/scope";

export type CustomerListRow = {
  id: string;
  name: string | null;
  email: string | null;
  externalRef: string | null;
  segment: "B2B" | "B2C";
  acquiredAt: Date;
  acquiringPartner: string | null;
  transactions: number;
  margin: number;
  lastPurchaseAt: Date | null;
  clv: number | null;
  probabilityAlive: number | null;
  asOf: Date | null;
};

const CUSTOMER_PAGE_SIZE = 50;

/**
 * One page of customers matching `q` (name, e-mail or reference), most valuable first, with
 * their latest CLV snapshot and transaction totals.
 */
export async function listCustomers(
  db: Db,
  tenantId: string,
  options: { q?: string; page?: number; pageSize?: number; segment?: "B2B" | "B2C" } = {},
): Promise<{ rows: CustomerListRow[]; total: number; page: number; pageSize: number }> {
  const pageSize = options.pageSize ?? CUSTOMER_PAGE_SIZE;
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const q = options.q?.trim() ? `%${options.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const segment = options.segment ?? null;
  const [{ total }] = await db.$queryRaw<{ total: number }[]>`
    select count(*)::int as total from "Customer" c
    where c."tenantId" = ${tenantId}
      and (${q}::text is null or c.name ilike ${q} or c.email ilike ${q} or c."externalRef" ilike ${q})
      and (${segment}::text is null or c.segment::text = ${segment})`;
  const rows = await db.$queryRaw<CustomerListRow[]>`
    with latest as (select max("asOf") as "asOf" from "CustomerValue" where "tenantId" = ${tenantId}),
    page as (
      select c.id, c.name, c.email, c."externalRef", c.segment::text as segment, c."acquiredAt", c."acquiringPartnerId",
             v.clv, v."probabilityAlive", v."asOf"
      from "Customer" c
      cross join latest
      left join "CustomerValue" v on v."tenantId" = ${tenantId} and v."customerId" = c.id and v."asOf" = latest."asOf"
      where c."tenantId" = ${tenantId}
        and (${q}::text is null or c.name ilike ${q} or c.email ilike ${q} or c."externalRef" ilike ${q})
        and (${segment}::text is null or c.segment::text = ${segment})
      order by v.clv desc nulls last, c.name, c.id
      limit ${pageSize} offset ${(page - 1) * pageSize}
    )
    select page.id, page.name, page.email, page."externalRef", page.segment, page."acquiredAt", p.name as "acquiringPartner",
           coalesce(t.n, 0)::int as transactions, coalesce(t.margin, 0)::float8 as margin, t.last as "lastPurchaseAt",
           page.clv, page."probabilityAlive", page."asOf"
    from page
    left join "Partner" p on p."tenantId" = ${tenantId} and p.id = page."acquiringPartnerId"
    left join lateral (
      select count(*) as n, sum(margin) as margin, max("occurredAt") as last
      from "Transaction" x where x."tenantId" = ${tenantId} and x."customerId" = page.id
    ) t on true
    order by page.clv desc nulls last, page.name, page.id`;
  return { rows, total, page, pageSize };
}

/** Everything the customer page shows, or null for an unknown (or foreign) id. */
export async function getCustomerDetail(db: Db, tenantId: string, customerId: string) {
  const customer = await db.customer.findFirst({
    where: { tenantId, id: customerId },
    include: { acquiringPartner: { select: { id: true, name: true } } },
  });
  if (!customer) return null;
  const [transactions, transactionCount, servingPartners, incidents, values] = await Promise.all([
    db.transaction.findMany({
      where: { tenantId, customerId },
      orderBy: { occurredAt: "desc" },
      take: 100,
      include: { servingPartner: { select: { id: true, name: true } }, touchpoint: { select: { name: true } } },
    }),
    db.transaction.count({ where: { tenantId, customerId } }),
    db.$queryRaw<
      { partnerId: string | null; name: string | null; transactions: number; margin: number; first: Date; last: Date }[]
    >`
      select t."servingPartnerId" as "partnerId", p.name, count(*)::int as transactions, sum(t.margin)::float8 as margin,
             min(t."occurredAt") as first, max(t."occurredAt") as last
      from "Transaction" t left join "Partner" p on p."tenantId" = ${tenantId} and p.id = t."servingPartnerId"
      where t."tenantId" = ${tenantId} and t."customerId" = ${customerId}
      group by 1, 2 order by margin desc`,
    db.incident.findMany({
      where: { tenantId, customerId },
      orderBy: { openedAt: "desc" },
      select: {
        id: true,
        number: true,
        title: true,
        severity: true,
        status: true,
        openedAt: true,
        partner: { select: { name: true } },
        touchpoint: { select: { name: true } },
      },
    }),
    db.customerValue.findMany({ where: { tenantId, customerId }, orderBy: { asOf: "asc" } }),
  ]);
  return { customer, transactions, transactionCount, servingPartners, incidents, values };
}
