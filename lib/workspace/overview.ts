import { withTenant } from "@/lib/db/scope";

export type WorkspaceOverview = {
  partners: number;
  activePartners: number;
  touchpoints: number;
  standards: number;
  openIncidents: number;
  overdueIncidents: number;
  customers: number;
};

/** Headline counts of a tenant's data, in one round trip. */
export async function workspaceOverview(tenantId: string, now = new Date()): Promise<WorkspaceOverview> {
  return withTenant({ tenantId }, async (db) => {
    const [row] = await db.$queryRaw<Record<keyof WorkspaceOverview, bigint>[]>`
      select
        (select count(*) from "Partner" where "tenantId" = ${tenantId}) as partners,
        (select count(*) from "Partner" where "tenantId" = ${tenantId} and status = 'ACTIVE') as "activePartners",
        (select count(*) from "Touchpoint" where "tenantId" = ${tenantId}) as touchpoints,
        (select count(*) from "ExperienceStandard" where "tenantId" = ${tenantId} and "isCurrent") as standards,
        (select count(*) from "Incident" where "tenantId" = ${tenantId} and status not in ('RESOLVED', 'CLOSED')) as "openIncidents",
        (select count(*) from "Incident" where "tenantId" = ${tenantId} and status not in ('RESOLVED', 'CLOSED')
           and "nextDueAt" < ${now}) as "overdueIncidents",
        (select count(*) from "Customer" where "tenantId" = ${tenantId}) as customers`;
    return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)])) as WorkspaceOverview;
  });
}
