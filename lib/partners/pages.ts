/** What each steward partner page reads, in one tenant transaction. */
import { withTenant } from "@/lib/db/scope";
import { partnerTrend } from "@/lib/scorecards/queries";
import { partnerPlanPanel } from "@/lib/plans/queries";
import { currentTier } from "@/lib/incentives/months";
import { partnerCompliance } from "@/lib/standards/assessments";
import { alignmentQuestionnaire, listAlignmentQuestions } from "./alignment-store";
import { listPartners, partnerDetail, partnerRegions, type PartnerListQuery } from "./partners";

/** One page of the partner list and the regions its filter offers. */
export function loadPartnersPage(tenantId: string, query: PartnerListQuery) {
  return withTenant({ tenantId }, async (db) => ({
    list: await listPartners(db, tenantId, query),
    regions: await partnerRegions(db, tenantId),
  }));
}

/** A partner's profile with its alignment answers, compliance now and scorecard trend; null if not in the tenant. */
export function loadPartnerPage(tenantId: string, partnerId: string) {
  return withTenant({ tenantId }, async (db) => {
    const detail = await partnerDetail(db, tenantId, partnerId);
    if (!detail) return null;
    return {
      ...detail,
      questions: await alignmentQuestionnaire(db, tenantId, partnerId),
      compliance: await partnerCompliance(db, tenantId, partnerId, new Date()),
      scorecards: await partnerTrend(db, tenantId, partnerId),
      plans: await partnerPlanPanel(db, tenantId, partnerId),
      incentiveTier: await currentTier(db, tenantId, partnerId),
    };
  });
}

export type PartnerPageData = NonNullable<Awaited<ReturnType<typeof loadPartnerPage>>>;

/** The partner to edit with its primary contact; null if not in the tenant. */
export function loadEditPartnerPage(tenantId: string, partnerId: string) {
  return withTenant({ tenantId }, (db) =>
    db.partner.findFirst({
      where: { tenantId, id: partnerId },
      include: { contacts: { where: { tenantId, isPrimary: true }, take: 1 } },
    }),
  );
}

/** The values-alignment questionnaire, archived questions included, for its settings page. */
export function loadAlignmentSettingsPage(tenantId: string) {
  return withTenant({ tenantId }, (db) => listAlignmentQuestions(db, tenantId, true));
}
