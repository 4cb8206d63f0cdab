/** Customers (BG/NBD-style purchase rates and dropout, Gamma-Gamma-style spend) and their purchases. */
import type { Channel, Prisma } from "@/generated/prisma/client";
import type { Rng } from "../../random";
import type { PlannedPartner } from "../base";
import { COMPANY_PREFIXES, COMPANY_SUFFIXES, FIRST_NAMES, LAST_NAMES } from "../catalogue/names";
import { monthStart } from "@/lib/months";
import { DAY, addDays, addMonths, clamp, money, slugify } from "../options";
import { operatingAt, type PlanContext, type PlannedTouchpoint } from "./context";

type Cust = {
  id: string;
  acquiredAt: Date;
  segment: "B2B" | "B2C";
  acquiredBy: PlannedPartner | null;
  lambda: number;
  dropout: number;
  spend: number;
};

/** One customer's acquisition (when, by whom) and its purchase behaviour. */
function drawCustomer(cr: Rng, acquisitionStart: Date, acquisitionEnd: Date, sellers: PlannedPartner[]): Cust {
  const acquiredAt = new Date(
    acquisitionStart.getTime() + (acquisitionEnd.getTime() - acquisitionStart.getTime()) * Math.pow(cr.next(), 0.75),
  );
  const segment = cr.chance(0.2) ? "B2B" : "B2C";
  const available = operatingAt(sellers, acquiredAt);
  const acquiredBy =
    available.length > 0 && cr.chance(0.7)
      ? cr.weighted(
          available,
          available.map((p) => p.size * (segment === "B2B" && p.type === "RESELLER" ? 1.8 : 1)),
        )
      : null;
  // BG/NBD-style heterogeneity: purchase rate ~ Gamma, dropout after each purchase ~ Beta;
  // Gamma-Gamma-style spend: each customer has a mean order value.
  const lambda = segment === "B2B" ? cr.gamma(2.4, 3.2) : cr.gamma(1.6, 2.8); // purchases per year
  const dropout = segment === "B2B" ? cr.beta(1.1, 14) : cr.beta(1.3, 10);
  const spend = segment === "B2B" ? cr.gamma(3, 700) : cr.gamma(4, 110);
  return { id: "", acquiredAt, segment, acquiredBy, lambda, dropout, spend };
}

function customerRow(ctx: PlanContext, cr: Rng, c: Cust, i: number): Prisma.CustomerCreateManyInput {
  let name: string;
  let email: string;
  if (c.segment === "B2B") {
    name = `${cr.pick(COMPANY_PREFIXES)} ${cr.pick(COMPANY_SUFFIXES)}`;
    email = `purchasing@${slugify(name)}.example`;
  } else {
    const first = cr.pick(FIRST_NAMES);
    const last = cr.pick(LAST_NAMES);
    name = `${first} ${last}`;
    email = `${first}.${last}${i + 1}@mail.example`.toLowerCase();
  }
  const cost = (c.segment === "B2B" ? cr.gamma(4, 90) : cr.gamma(4, 12)) * (c.acquiredBy ? 1 : 0.6);
  return {
    tenantId: ctx.tenantId,
    id: c.id,
    externalRef: `${ctx.opts.prefix}-C${String(i + 1).padStart(5, "0")}`,
    name,
    email,
    segment: c.segment,
    acquiredAt: c.acquiredAt,
    acquiringPartnerId: c.acquiredBy?.id ?? null,
    acquisitionCost: money(cost),
    createdAt: c.acquiredAt,
  };
}

/** Customers acquired over the last three years, more of them recently, in order of acquisition. */
export function planCustomers(ctx: PlanContext, operating: PlannedPartner[]) {
  const cr = ctx.root.fork("customers");
  const customerId = ctx.idStream("customers");
  const acquisitionStart = addMonths(monthStart(ctx.now), -36);
  const acquisitionEnd = addDays(ctx.now, -3);
  const sellers = operating.filter((p) => p.type === "RESELLER" || p.type === "RETAILER" || p.type === "HOST");
  const custs: Cust[] = [];
  for (let i = 0; i < ctx.size.customers; i++) custs.push(drawCustomer(cr, acquisitionStart, acquisitionEnd, sellers));
  custs.sort((a, b) => a.acquiredAt.getTime() - b.acquiredAt.getTime());
  const customers = custs.map((c, i) => {
    c.id = customerId(c.acquiredAt);
    return customerRow(ctx, cr, c, i);
  });
  const acquiredTimes = custs.map((c) => c.acquiredAt.getTime());
  /** A customer acquired at or before t, or null. */
  const customerBefore = (r: Rng, t: number): Cust | null => {
    let lo = 0;
    let hi = acquiredTimes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (acquiredTimes[mid] <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? null : custs[r.int(0, lo - 1)];
  };
  return { custs, customers, customerBefore, sellers };
}

type Sale = {
  xr: Rng;
  c: Cust;
  at: Date;
  sellers: PlannedPartner[];
  checkout?: PlannedTouchpoint;
  store?: PlannedTouchpoint;
};

/** Who serves one purchase (the acquiring partner, another seller or nobody), where and through which channel. */
function drawSale({ xr, c, at, sellers, checkout, store }: Sale) {
  let partner: PlannedPartner | null = null;
  if (c.acquiredBy && operatingAt([c.acquiredBy], at).length > 0 && xr.chance(0.65)) partner = c.acquiredBy;
  else if (xr.chance(0.7)) {
    const available = operatingAt(sellers, at);
    if (available.length > 0)
      partner = xr.weighted(
        available,
        available.map((p) => p.size),
      );
  }
  const inStore =
    partner !== null &&
    (partner.type === "RETAILER" || partner.type === "HOST") &&
    store !== undefined &&
    xr.chance(0.6);
  const touchpoint = inStore ? store : checkout;
  const channel: Channel = inStore ? "STORE" : partner === null && xr.chance(0.15) ? "PHONE" : "ONLINE";
  return { partner, touchpoint, channel };
}

/** The first purchase at acquisition, then repeat purchases until the customer drops out or now. */
export function planTransactions(
  ctx: PlanContext,
  custs: Cust[],
  sellers: PlannedPartner[],
  touchpoints: PlannedTouchpoint[],
) {
  const xr = ctx.root.fork("transactions");
  const transactionId = ctx.idStream("transactions");
  const checkout = touchpoints.find((t) => t.key === "checkout");
  const store = touchpoints.find((t) => t.key === "store");
  const transactions: Prisma.TransactionCreateManyInput[] = [];
  const servedBy = new Map<string, Cust[]>();
  const YEAR = 365.25 * DAY;
  for (const c of custs) {
    let t = c.acquiredAt.getTime();
    for (;;) {
      const at = new Date(t);
      const { partner, touchpoint, channel } = drawSale({ xr, c, at, sellers, checkout, store });
      const revenue = xr.gamma(6, c.spend / 6);
      const margin = revenue * clamp(xr.normal(c.segment === "B2B" ? 0.22 : 0.3, 0.04), 0.08, 0.45);
      transactions.push({
        tenantId: ctx.tenantId,
        id: transactionId(at),
        customerId: c.id,
        occurredAt: at,
        revenue: money(revenue),
        margin: money(margin),
        servingPartnerId: partner?.id ?? null,
        touchpointId: channel === "PHONE" ? null : (touchpoint?.id ?? null),
        channel,
      });
      if (partner) {
        const list = servedBy.get(partner.id) ?? [];
        if (list[list.length - 1] !== c) list.push(c);
        servedBy.set(partner.id, list);
      }
      if (xr.chance(c.dropout)) break; // the customer becomes inactive after this purchase
      t += xr.exponential(c.lambda) * YEAR;
      if (t >= ctx.now.getTime()) break;
    }
  }
  for (const [i, x] of transactions.entries()) x.externalRef = `${ctx.opts.prefix}-O${String(i + 1).padStart(6, "0")}`;
  return { transactions, servedBy };
}
