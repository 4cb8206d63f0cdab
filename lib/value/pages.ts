/** What each customers-and-value page reads, in one tenant transaction. */
import { withTenant } from "@/lib/db/scope";
import { getTenantSettings } from "@/lib/tenants/settings";
import { getCustomerDetail, listCustomers } from "./customers";
import { equityAtRiskRollup } from "./equity-at-risk";
import { latestRecomputeJob } from "./recompute-job";
import { equityRollups, equityTrend } from "./rollups";
import { formatMonth } from "@/lib/months";

/**
 * The value overview of a month (the requested one when it was fitted, else the latest): the equity trend,
 * the month's rollups, model fit and equity at risk by partner and touchpoint, and the latest recompute job.
 */
export function loadValueOverviewPage(tenantId: string, query: { month?: string; riskFrom: Date }) {
  return withTenant({ tenantId }, async (db) => {
    const settings = (await getTenantSettings(db, tenantId)).value;
    const trend = await equityTrend(db, tenantId);
    const months = trend.map((t) => formatMonth(t.asOf));
    const wanted = query.month !== undefined && months.includes(query.month) ? query.month : months.at(-1);
    const point = trend.find((t) => formatMonth(t.asOf) === wanted);
    const job = await latestRecomputeJob(db, tenantId);
    if (!point || !wanted) return { settings, trend, months, job, month: null } as const;
    const asOf = point.asOf;
    return {
      settings,
      trend,
      months,
      job,
      month: wanted,
      rollups: await equityRollups(db, tenantId, asOf),
      fit: await db.clvFit.findFirst({ where: { tenantId, asOf }, orderBy: { createdAt: "desc" } }),
      riskByPartner: await equityAtRiskRollup(db, tenantId, "partner", { asOf, from: query.riskFrom }),
      riskByTouchpoint: await equityAtRiskRollup(db, tenantId, "touchpoint", { asOf, from: query.riskFrom }),
    } as const;
  });
}

/** The overview of a month that has customer values (the page shows an empty state otherwise). */
export type ValueOverviewMonth = Extract<Awaited<ReturnType<typeof loadValueOverviewPage>>, { month: string }>;

/** One page of customers, most valuable first, matching the search. */
export function loadCustomersPage(tenantId: string, query: Parameters<typeof listCustomers>[2]) {
  return withTenant({ tenantId }, (db) => listCustomers(db, tenantId, query));
}

/** One customer with its CLV history, transactions, serving partners and incidents; null if not in the tenant. */
export function loadCustomerPage(tenantId: string, customerId: string) {
  return withTenant({ tenantId }, (db) => getCustomerDetail(db, tenantId, customerId));
}

/** The tenant's value settings (CLV model, margins, discount rate, churn after a bad experience). */
export function loadValueSettingsPage(tenantId: string) {
  return withTenant({ tenantId }, (db) => getTenantSettings(db, tenantId));
}
