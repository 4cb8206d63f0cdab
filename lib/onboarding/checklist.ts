import { withTenant, type Db } from "@/lib/db/scope";

// The first-run setup checklist. Each step is done when the workspace's own data says so (nothing is ticked by
// hand), read in one query: small tables are counted, the high-volume ones only probed with exists.

export const SETUP_STEPS = ["touchpoints", "partners", "standards", "invitations", "data", "scorecard"] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

export type SetupFacts = {
  touchpoints: number;
  partners: number;
  assignedPartners: number;
  standards: number;
  partnerInvitations: number;
  partnerMembers: number;
  hasCustomers: boolean;
  hasTransactions: boolean;
  hasInteractions: boolean;
  hasCustomerValues: boolean;
  publishedScorecards: number;
};

export type SetupState = {
  facts: SetupFacts;
  done: Record<SetupStep, boolean>;
  completed: number;
  next: SetupStep | null;
};

async function setupFacts(db: Db, tenantId: string): Promise<SetupFacts> {
  const [row] = await db.$queryRaw<SetupFacts[]>`
    select
      (select count(*)::int from "Touchpoint" where "tenantId" = ${tenantId}) as touchpoints,
      (select count(*)::int from "Partner" where "tenantId" = ${tenantId}) as partners,
      (select count(distinct "partnerId")::int from "TouchpointPartner" where "tenantId" = ${tenantId}) as "assignedPartners",
      (select count(*)::int from "ExperienceStandard" where "tenantId" = ${tenantId} and "isCurrent") as standards,
      (select count(*)::int from "Invitation"
        where "tenantId" = ${tenantId} and "partnerId" is not null and "revokedAt" is null) as "partnerInvitations",
      (select count(*)::int from "Membership" where "tenantId" = ${tenantId} and "partnerId" is not null) as "partnerMembers",
      exists (select 1 from "Customer" where "tenantId" = ${tenantId}) as "hasCustomers",
      exists (select 1 from "Transaction" where "tenantId" = ${tenantId}) as "hasTransactions",
      exists (select 1 from "Interaction" where "tenantId" = ${tenantId}) as "hasInteractions",
      exists (select 1 from "CustomerValue" where "tenantId" = ${tenantId}) as "hasCustomerValues",
      (select count(*)::int from "Scorecard" where "tenantId" = ${tenantId} and status = 'PUBLISHED') as "publishedScorecards"`;
  return row;
}

/** Which steps are done, how many, and the first one still open. */
function setupState(facts: SetupFacts): SetupState {
  const done: Record<SetupStep, boolean> = {
    touchpoints: facts.touchpoints > 0,
    partners: facts.partners > 0,
    standards: facts.standards > 0,
    invitations: facts.partnerInvitations + facts.partnerMembers > 0,
    data: facts.hasInteractions || facts.hasTransactions,
    scorecard: facts.hasCustomerValues && facts.publishedScorecards > 0,
  };
  return {
    facts,
    done,
    completed: SETUP_STEPS.filter((s) => done[s]).length,
    next: SETUP_STEPS.find((s) => !done[s]) ?? null,
  };
}

export async function setupChecklist(db: Db, tenantId: string): Promise<SetupState> {
  return setupState(await setupFacts(db, tenantId));
}

/** The checklist of a workspace, read in its own tenant transaction (the dashboard banner and the setup page). */
export function loadSetupChecklist(tenantId: string): Promise<SetupState> {
  return withTenant({ tenantId }, (db) => setupChecklist(db, tenantId));
}
