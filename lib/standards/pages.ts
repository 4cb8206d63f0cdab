/** What the steward's standards page reads, in one tenant transaction. */
import { withTenant } from "@/lib/db/scope";
import { complianceByPartner, latestAssessedMonth, recentAssessments, verificationQueue } from "./assessments";
import { standardsLibrary } from "./store";

/**
 * The standards library, which active partners are assigned where, compliance of the period by partner (with no
 * month chosen, the latest month with assessments), the verification queue, recent assessments, and the standard
 * being edited (with its assessment count) if any.
 */
export function loadStandardsPage(tenantId: string, query: { period: Date | null; editId?: string }) {
  const { editId } = query;
  return withTenant({ tenantId }, async (db) => {
    const period = query.period ?? (await latestAssessedMonth(db, tenantId));
    const library = await standardsLibrary(db, tenantId);
    const assignments = await db.touchpointPartner.findMany({
      where: { tenantId, partner: { status: { not: "OFFBOARDED" } } },
      select: { touchpointId: true, partnerId: true, partner: { select: { name: true } } },
    });
    const compliance = await complianceByPartner(db, tenantId, period);
    const queue = await verificationQueue(db, tenantId);
    const recent = await recentAssessments(db, tenantId);
    const editing = editId
      ? await db.experienceStandard.findFirst({
          where: { tenantId, id: editId, isCurrent: true },
          include: { _count: { select: { assessments: true } } },
        })
      : null;
    const partnerNames = await db.partner.findMany({
      where: { tenantId, id: { in: [...compliance.keys()] } },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    });
    return { library, assignments, compliance, queue, recent, editing, partnerNames, period };
  });
}

export type StandardsPageData = Awaited<ReturnType<typeof loadStandardsPage>>;
