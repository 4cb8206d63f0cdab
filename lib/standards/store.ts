import type { Db } from "@/lib/db/scope";
import { DomainError } from "@/lib/errors";
import { planStandardEdit, StandardEditError } from "./versioning";
import type { StandardData } from "./schemas";

/** The library: current standards grouped by touchpoint (touchpoints in journey order). */
export async function standardsLibrary(db: Db, tenantId: string) {
  const touchpoints = await db.touchpoint.findMany({
    where: { tenantId },
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      stage: true,
      isMomentOfTruth: true,
      standards: { where: { tenantId, isCurrent: true }, orderBy: { name: "asc" } },
      _count: { select: { partners: true } },
    },
  });
  return touchpoints.map(({ _count, ...t }) => ({ ...t, partnerCount: _count.partners }));
}

async function requireCurrentStandard(db: Db, tenantId: string, standardId: string) {
  const standard = await db.experienceStandard.findFirst({ where: { tenantId, id: standardId, isCurrent: true } });
  if (!standard) throw new DomainError("That standard was not found.", "not-found");
  return standard;
}

async function requireTouchpointId(db: Db, tenantId: string, touchpointId: string) {
  const tp = await db.touchpoint.findFirst({ where: { tenantId, id: touchpointId }, select: { id: true } });
  if (!tp) throw new DomainError("That touchpoint was not found.", "not-found");
}

/** Version 1 of a new standard (its lineage is its own id). */
export async function createStandardRecord(db: Db, tenantId: string, input: StandardData) {
  await requireTouchpointId(db, tenantId, input.touchpointId);
  const id = crypto.randomUUID();
  return db.experienceStandard.create({ data: { ...input, tenantId, id, lineageId: id, version: 1, isCurrent: true } });
}

/**
 * Edits the current version. When it already has assessments and a measurement field changes,
 * a new version is created (old assessments keep pointing at the version they measured).
 */
export async function editStandardRecord(db: Db, tenantId: string, standardId: string, input: StandardData) {
  const current = await requireCurrentStandard(db, tenantId, standardId);
  if (input.touchpointId !== current.touchpointId) await requireTouchpointId(db, tenantId, input.touchpointId);
  const assessed = await db.assessment.count({ where: { tenantId, standardId: current.id } });
  let plan: ReturnType<typeof planStandardEdit>;
  try {
    plan = planStandardEdit(current, input, assessed > 0);
  } catch (error) {
    if (error instanceof StandardEditError) throw new DomainError(error.message, "invalid");
    throw error;
  }
  if (plan.kind === "in-place") {
    if (plan.changedFields.length > 0)
      await db.experienceStandard.updateMany({ where: { tenantId, id: current.id }, data: plan.patch });
    return {
      kind: plan.kind,
      id: current.id,
      version: current.version,
      lineageId: current.lineageId,
      changedFields: plan.changedFields,
    };
  }
  const superseded = await db.experienceStandard.updateMany({
    where: { tenantId, id: plan.supersedesId, isCurrent: true },
    data: { isCurrent: false },
  });
  if (superseded.count !== 1)
    throw new DomainError("This standard was changed meanwhile. Reload and try again.", "conflict");
  const next = await db.experienceStandard.create({
    data: { ...plan.data, tenantId, lineageId: plan.lineageId, version: plan.version, isCurrent: true },
  });
  return {
    kind: plan.kind,
    id: next.id,
    version: next.version,
    lineageId: next.lineageId,
    changedFields: plan.changedFields,
    supersedes: current.id,
  };
}
