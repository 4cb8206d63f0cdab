import type { Db } from "@/lib/db/scope";
import { DomainError } from "@/lib/errors";
import { monthStart } from "@/lib/months";
import { isMet, validateMeasurement } from "./evaluate";
import { assignmentsInForce } from "@/lib/touchpoints/assignment-history";
import { computeCompliance, versionsInForce, type ComplianceResult } from "./compliance";

/** The current standard, only if it applies to the partner (its touchpoint is one the partner handles). */
async function applicableStandard(db: Db, tenantId: string, partnerId: string, standardId: string) {
  return db.experienceStandard.findFirst({
    where: { tenantId, id: standardId, isCurrent: true, touchpoint: { partners: { some: { tenantId, partnerId } } } },
  });
}

function measure(
  standard: {
    metricKind: "PERCENTAGE" | "RATING" | "DURATION" | "PASS_FAIL";
    comparator: "GTE" | "LTE";
    target: number;
  },
  value: number,
) {
  const error = validateMeasurement(standard.metricKind, value);
  if (error) throw new DomainError(`${error}.`, "invalid");
  return isMet(standard, value);
}

export type RecordInput = {
  partnerId: string;
  standardId: string;
  period: Date;
  value: number;
  source: "AUDIT" | "SURVEY" | "SYSTEM";
  evidenceText: string | null;
  evidenceUrl: string | null;
};

/** A steward's assessment: counted at once (VERIFIED). `met` is computed, never typed in. */
export async function recordAssessment(db: Db, tenantId: string, userId: string, input: RecordInput) {
  const partner = await db.partner.findFirst({
    where: { tenantId, id: input.partnerId },
    select: { id: true, name: true },
  });
  if (!partner) throw new DomainError("That partner was not found.", "not-found");
  const exists = await db.experienceStandard.findFirst({
    where: { tenantId, id: input.standardId, isCurrent: true },
    select: { id: true },
  });
  if (!exists) throw new DomainError("That standard was not found.", "not-found");
  const standard = await applicableStandard(db, tenantId, input.partnerId, input.standardId);
  if (!standard)
    throw new DomainError(
      `This standard does not apply to ${partner.name}: assign it to the standard's touchpoint first.`,
      "invalid",
    );
  const met = measure(standard, input.value);
  const assessment = await db.assessment.create({
    data: {
      tenantId,
      partnerId: partner.id,
      standardId: standard.id,
      period: input.period,
      value: input.value,
      met,
      source: input.source,
      evidenceText: input.evidenceText,
      evidenceUrl: input.evidenceUrl,
      verification: "VERIFIED",
      verifiedById: userId,
      verifiedAt: new Date(),
      recordedById: userId,
    },
  });
  return { assessment, partner, standard };
}

/** A partner's self-assessment: waits (PENDING) for a steward to verify it. */
export async function selfAssess(
  db: Db,
  tenantId: string,
  partnerId: string,
  userId: string,
  input: { standardId: string; period: Date; value: number; evidenceText: string; evidenceUrl: string | null },
) {
  const standard = await applicableStandard(db, tenantId, partnerId, input.standardId);
  if (!standard) throw new DomainError("That standard was not found.", "not-found");
  const met = measure(standard, input.value);
  return db.assessment.create({
    data: {
      tenantId,
      partnerId,
      standardId: standard.id,
      period: input.period,
      value: input.value,
      met,
      source: "SELF_REPORT",
      evidenceText: input.evidenceText,
      evidenceUrl: input.evidenceUrl,
      verification: "PENDING",
      recordedById: userId,
    },
  });
}

/** A steward verifies or rejects a pending self-assessment. */
export async function decideSelfAssessment(
  db: Db,
  tenantId: string,
  userId: string,
  input: { assessmentId: string; decision: "VERIFIED" | "REJECTED"; reason: string | null },
) {
  const assessment = await db.assessment.findFirst({
    where: { tenantId, id: input.assessmentId },
    include: { partner: { select: { name: true } }, standard: { select: { name: true } } },
  });
  if (!assessment) throw new DomainError("That assessment was not found.", "not-found");
  if (assessment.source !== "SELF_REPORT" || assessment.verification !== "PENDING")
    throw new DomainError("Only a pending self-assessment can be verified or rejected.", "invalid");
  if (input.decision === "REJECTED" && !input.reason) throw new DomainError("Say why you reject it.", "invalid");
  const updated = await db.assessment.updateMany({
    where: { tenantId, id: assessment.id, verification: "PENDING" },
    data: {
      verification: input.decision,
      verifiedById: userId,
      verifiedAt: new Date(),
      rejectionReason: input.decision === "REJECTED" ? input.reason : null,
    },
  });
  if (updated.count !== 1)
    throw new DomainError("This assessment was decided meanwhile. Reload to see it.", "conflict");
  return { ...assessment, verification: input.decision };
}

/** "We have read and trained on this standard" — once per partner and standard version. */
export async function acknowledgeStandard(
  db: Db,
  tenantId: string,
  partnerId: string,
  userId: string,
  standardId: string,
) {
  const standard = await applicableStandard(db, tenantId, partnerId, standardId);
  if (!standard) throw new DomainError("That standard was not found.", "not-found");
  const existing = await db.standardAcknowledgement.findFirst({ where: { tenantId, partnerId, standardId } });
  if (existing) throw new DomainError("You have already acknowledged this standard.", "conflict");
  await db.standardAcknowledgement.create({
    data: { tenantId, partnerId, standardId, userId, trainingCompleted: true },
  });
  return standard;
}

/** The steward's queue: self-assessments waiting for verification, oldest first. */
export function verificationQueue(db: Db, tenantId: string, take = 50) {
  return db.assessment.findMany({
    where: { tenantId, source: "SELF_REPORT", verification: "PENDING" },
    orderBy: { createdAt: "asc" },
    take,
    include: {
      partner: { select: { id: true, name: true } },
      standard: { select: { name: true, metricKind: true, comparator: true, target: true, unit: true, version: true } },
    },
  });
}

export function recentAssessments(db: Db, tenantId: string, take = 20) {
  return db.assessment.findMany({
    where: { tenantId },
    orderBy: { createdAt: "desc" },
    take,
    include: {
      partner: { select: { id: true, name: true } },
      standard: { select: { name: true, metricKind: true, unit: true, version: true } },
    },
  });
}

// ---------------------------------------------------------------- compliance

/**
 * The month compliance opens on: the latest month (not after `now`'s) with an assessment, so the
 * page does not open on an empty current month while last month has data; `now`'s month if none.
 */
export async function latestAssessedMonth(db: Db, tenantId: string, now = new Date()): Promise<Date> {
  const current = monthStart(now);
  const latest = await db.assessment.findFirst({
    where: { tenantId, period: { lte: current } },
    orderBy: { period: "desc" },
    select: { period: true },
  });
  return latest ? monthStart(latest.period) : current;
}

/**
 * Standards compliance for the period, per partner (all partners with at least one touchpoint, or
 * just `partnerIds`). Three set-based reads (assignments, standards, the period's assessments),
 * then the pure rules of lib/standards/compliance.ts. With `inForceAt` (a scorecard's month end), the
 * assignments and standard versions are those in force then, not today's, so a past month is reproducible.
 */
export async function complianceByPartner(
  db: Db,
  tenantId: string,
  period: Date,
  partnerIds?: string[],
  options: { inForceAt?: Date } = {},
): Promise<Map<string, ComplianceResult>> {
  const month = monthStart(period);
  const scope = partnerIds ? { partnerId: { in: partnerIds } } : {};
  const { inForceAt } = options;
  const assignments = inForceAt
    ? await assignmentsInForce(db, tenantId, inForceAt, partnerIds)
    : await db.touchpointPartner.findMany({
        where: { tenantId, ...scope },
        select: { partnerId: true, touchpointId: true },
      });
  const touchpointIds = [...new Set(assignments.map((a) => a.touchpointId))];
  const standards = await db.experienceStandard.findMany({
    where: { tenantId, touchpointId: { in: touchpointIds } },
    select: { id: true, lineageId: true, isCurrent: true, touchpointId: true, weight: true, name: true },
  });
  // Old versions may sit on another touchpoint: fetch every version of the lineages in play.
  const lineages = [...new Set(standards.map((s) => s.lineageId))];
  const versions = await db.experienceStandard.findMany({
    where: { tenantId, lineageId: { in: lineages } },
    select: {
      id: true,
      lineageId: true,
      version: true,
      isCurrent: true,
      touchpointId: true,
      weight: true,
      name: true,
      createdAt: true,
    },
  });
  const allVersions = inForceAt ? versionsInForce(versions, inForceAt) : versions;
  const assessments = await db.assessment.findMany({
    where: { tenantId, period: month, ...scope },
    select: {
      id: true,
      partnerId: true,
      standardId: true,
      period: true,
      met: true,
      value: true,
      verification: true,
      createdAt: true,
    },
  });
  const touchpointsOf = new Map<string, string[]>();
  for (const a of assignments)
    touchpointsOf.set(a.partnerId, [...(touchpointsOf.get(a.partnerId) ?? []), a.touchpointId]);
  const assessmentsOf = new Map<string, typeof assessments>();
  for (const a of assessments) assessmentsOf.set(a.partnerId, [...(assessmentsOf.get(a.partnerId) ?? []), a]);
  const result = new Map<string, ComplianceResult>();
  for (const partnerId of partnerIds ?? [...touchpointsOf.keys()]) {
    result.set(
      partnerId,
      computeCompliance({
        standards: allVersions,
        partnerTouchpointIds: touchpointsOf.get(partnerId) ?? [],
        assessments: assessmentsOf.get(partnerId) ?? [],
        period: month,
      }),
    );
  }
  return result;
}

export async function partnerCompliance(db: Db, tenantId: string, partnerId: string, period: Date) {
  return (await complianceByPartner(db, tenantId, period, [partnerId])).get(partnerId)!;
}

/** The portal: the current standards that apply to this partner, with its acknowledgement and its assessments. */
export async function partnerStandards(db: Db, tenantId: string, partnerId: string) {
  return db.experienceStandard.findMany({
    where: { tenantId, isCurrent: true, touchpoint: { partners: { some: { tenantId, partnerId } } } },
    orderBy: [{ touchpoint: { position: "asc" } }, { name: "asc" }],
    include: {
      touchpoint: { select: { name: true, stage: true } },
      acknowledgements: { where: { tenantId, partnerId }, select: { acknowledgedAt: true } },
      assessments: { where: { tenantId, partnerId }, orderBy: { createdAt: "desc" }, take: 5 },
    },
  });
}
