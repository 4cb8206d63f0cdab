import type { PartnerScope, TenantScope } from "@/lib/db/scope";
import { withTenantSql, type QueryDb } from "@/lib/db/sql-scope";
import { listInbox, type InboxFilters } from "./inbox";
import { listInboxViews } from "./inbox-views";

export type FilterOption = { id: string; name: string };
export type StewardOption = FilterOption & { role: string };

/**
 * Everything the steward inbox page reads: the filters' choices (one query) and the inbox page.
 * The inbox last: it switches the planner to index walks for the rest of the transaction.
 */
export async function loadStewardInbox(db: QueryDb, tenantId: string, filters: InboxFilters) {
  const [choices] = await db.$queryRaw<
    { partners: FilterOption[]; touchpoints: FilterOption[]; stewards: StewardOption[] }[]
  >`
    select
      (select coalesce(json_agg(json_build_object('id', p."id", 'name', p."name") order by p."name"), '[]')
         from "Partner" p where p."tenantId" = ${tenantId}) as partners,
      (select coalesce(json_agg(json_build_object('id', t."id", 'name', t."name") order by t."name"), '[]')
         from "Touchpoint" t where t."tenantId" = ${tenantId}) as touchpoints,
      (select coalesce(json_agg(json_build_object('id', m."id", 'name', u."name", 'role', m."role") order by m."createdAt"), '[]')
         from "Membership" m join "User" u on u."id" = m."userId"
         where m."tenantId" = ${tenantId} and m."role" in ('OWNER', 'STEWARD')) as stewards`;
  return { ...choices, inbox: await listInbox(db, tenantId, filters) };
}

/** The steward inbox page: the member's saved views, the filter choices and one page of the inbox. */
export function loadStewardInboxPage(scope: TenantScope, filters: InboxFilters, membershipId: string) {
  return withTenantSql(scope, async (db) => {
    const views = await listInboxViews(db, scope.tenantId, membershipId);
    return { ...(await loadStewardInbox(db, scope.tenantId, filters)), views };
  });
}

/** The partner portal's inbox page: one page of the partner's own incidents (row-level security and a filter). */
export function loadPartnerInboxPage(scope: PartnerScope, filters: InboxFilters) {
  return withTenantSql(scope, (db) => listInbox(db, scope.tenantId, filters, { partnerId: scope.partnerId }));
}
