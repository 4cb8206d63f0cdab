import { withTenant } from "@/lib/db/scope";
import { listCauses } from "./causes";
import { costOfFailure } from "./cost-of-failure";

/** The cost-of-failure page: totals per month, partner and touchpoint, and the Pareto of causes. */
export function loadCostOfFailurePage(tenantId: string) {
  return withTenant({ tenantId }, (db) => costOfFailure(db, tenantId));
}

/** Settings → Root causes: the workspace's taxonomy with how many incidents use each cause. */
export function loadCausesSettingsPage(tenantId: string) {
  return withTenant({ tenantId }, (db) => listCauses(db, tenantId));
}
