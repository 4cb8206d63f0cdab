/** What each plan page and plan panel reads, in one tenant transaction (a partner's: scoped to the partner). */
import { withTenant, type PartnerScope } from "@/lib/db/scope";
import { PLAN_STATUSES, type PlanStatus } from "./lifecycle";
import { incidentPatterns, scorecardSuggestions } from "./open-plan";
import { listPlans, ownerOptions, partnerPlanPanel, planDetail } from "./queries";

const pageOf = (value: unknown) => {
  const n = typeof value === "string" ? Number.parseInt(value, 10) : 1;
  return Number.isFinite(n) && n > 0 ? n : 1;
};
const statusOf = (value: unknown): PlanStatus | undefined =>
  typeof value === "string" && (PLAN_STATUSES as readonly string[]).includes(value) ? (value as PlanStatus) : undefined;

/** The plans list (a page, optionally one status) and the suggestions: scorecards in a plan band, incident patterns. */
export function loadPlansPage(tenantId: string, query: { page?: unknown; status?: unknown }, now = new Date()) {
  return withTenant({ tenantId }, async (db) => ({
    list: await listPlans(db, tenantId, { page: pageOf(query.page), status: statusOf(query.status) }, now),
    status: statusOf(query.status) ?? null,
    scorecards: await scorecardSuggestions(db, tenantId),
    patterns: (await incidentPatterns(db, tenantId, now)).filter((p) => !p.openPlanId),
  }));
}

/** One plan for the steward, with who may own actions and the standards an action may move; null if not found. */
export function loadPlanPage(tenantId: string, planId: string, now = new Date()) {
  return withTenant({ tenantId }, async (db) => {
    const detail = await planDetail(db, tenantId, planId, now);
    if (!detail) return null;
    const owners = await ownerOptions(db, tenantId, detail.plan.partnerId);
    const standards = await db.experienceStandard.findMany({
      where: { tenantId, isCurrent: true },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    });
    return { ...detail, owners, standards };
  });
}

/** The partner's plans (never a draft: row-level security), a page at a time. */
export function loadPortalPlansPage(scope: PartnerScope, query: { page?: unknown }, now = new Date()) {
  return withTenant(scope, (db) =>
    listPlans(db, scope.tenantId, { partnerId: scope.partnerId, page: pageOf(query.page) }, now),
  );
}

/** One of the partner's plans; null for another partner's, a draft, or an unknown id. */
export function loadPortalPlanPage(scope: PartnerScope, planId: string, now = new Date()) {
  return withTenant(scope, (db) => planDetail(db, scope.tenantId, planId, now));
}

/** The partner's open plans with progress, for the portal home (scoped to the partner). */
export function loadPortalPlanPanel(scope: PartnerScope, now = new Date()) {
  return withTenant(scope, (db) => partnerPlanPanel(db, scope.tenantId, scope.partnerId, now));
}
