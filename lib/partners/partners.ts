import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/scope";
import { DomainError } from "@/lib/errors";
import { PARTNER_STATUSES, assertPartnerTransition, LifecycleError, type PartnerStatus } from "./lifecycle";
import { PARTNER_TIERS, PARTNER_TYPES, type PartnerData } from "./schemas";

// ---------------------------------------------------------------- list (server-side sort/filter/search/page)

export const PARTNER_SORTS = ["name", "type", "tier", "status", "region", "alignmentScore", "createdAt"] as const;
export type PartnerSort = (typeof PARTNER_SORTS)[number];
export const PARTNERS_PAGE_SIZE = 20;

const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(one, z.enum(values).optional().catch(undefined));

/** The list query as read from URL searchParams; anything unknown falls back to the default. */
export const partnerListQuerySchema = z.object({
  q: z.preprocess(one, z.string().trim().max(100).optional().catch(undefined)),
  type: optionalEnum(PARTNER_TYPES),
  tier: optionalEnum(PARTNER_TIERS),
  status: optionalEnum(PARTNER_STATUSES),
  region: z.preprocess(one, z.string().trim().max(80).optional().catch(undefined)),
  sort: z.preprocess(one, z.enum(PARTNER_SORTS).catch("name").default("name")),
  dir: z.preprocess(one, z.enum(["asc", "desc"]).catch("asc").default("asc")),
  page: z.preprocess(one, z.coerce.number().int().min(1).max(100_000).catch(1).default(1)),
});
export type PartnerListQuery = z.output<typeof partnerListQuerySchema>;

export function parsePartnerListQuery(searchParams: Record<string, string | string[] | undefined>): PartnerListQuery {
  return partnerListQuerySchema.parse(searchParams);
}

export async function listPartners(db: Db, tenantId: string, query: PartnerListQuery, pageSize = PARTNERS_PAGE_SIZE) {
  const where: Prisma.PartnerWhereInput = {
    tenantId,
    ...(query.type ? { type: query.type } : {}),
    ...(query.tier ? { tier: query.tier } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.region ? { region: { equals: query.region, mode: "insensitive" } } : {}),
    ...(query.q
      ? {
          OR: [
            { name: { contains: query.q, mode: "insensitive" } },
            { region: { contains: query.q, mode: "insensitive" } },
            { description: { contains: query.q, mode: "insensitive" } },
          ],
        }
      : {}),
  };
  const orderBy: Prisma.PartnerOrderByWithRelationInput[] = [
    query.sort === "alignmentScore"
      ? { alignmentScore: { sort: query.dir, nulls: "last" } }
      : { [query.sort]: query.dir },
    { name: "asc" },
    { id: "asc" },
  ];
  const total = await db.partner.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(query.page, pageCount);
  const rows = await db.partner.findMany({
    where,
    orderBy,
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: {
      id: true,
      name: true,
      type: true,
      tier: true,
      status: true,
      region: true,
      alignmentScore: true,
      _count: { select: { touchpoints: true } },
    },
  });
  return {
    rows: rows.map(({ _count, ...p }) => ({ ...p, touchpoints: _count.touchpoints })),
    total,
    page,
    pageCount,
    pageSize,
  };
}

/** Distinct regions of the tenant's partners (for the filter). */
export async function partnerRegions(db: Db, tenantId: string): Promise<string[]> {
  const rows = await db.partner.findMany({
    where: { tenantId },
    distinct: ["region"],
    select: { region: true },
    orderBy: { region: "asc" },
  });
  return rows.map((r) => r.region);
}

// ---------------------------------------------------------------- one partner

export async function findPartner(db: Db, tenantId: string, partnerId: string) {
  return db.partner.findFirst({ where: { tenantId, id: partnerId } });
}

export async function requirePartnerRow(db: Db, tenantId: string, partnerId: string) {
  const partner = await findPartner(db, tenantId, partnerId);
  if (!partner) throw new DomainError("That partner was not found.", "not-found");
  return partner;
}

async function assertNameFree(db: Db, tenantId: string, name: string, exceptId?: string) {
  const clash = await db.partner.findFirst({
    where: { tenantId, name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) throw new DomainError(`A partner named "${name}" already exists.`, "conflict");
}

const profile = (input: PartnerData) => ({
  name: input.name,
  type: input.type,
  tier: input.tier,
  region: input.region,
  contractStart: input.contractStart,
  contractEnd: input.contractEnd,
  website: input.website,
  description: input.description,
});

async function savePrimaryContact(db: Db, tenantId: string, partnerId: string, input: PartnerData) {
  const existing = await db.partnerContact.findFirst({ where: { tenantId, partnerId, isPrimary: true } });
  if (!input.contactName) {
    if (existing) await db.partnerContact.deleteMany({ where: { tenantId, id: existing.id } });
    return;
  }
  const data = { name: input.contactName, email: input.contactEmail, phone: input.contactPhone };
  if (existing) await db.partnerContact.updateMany({ where: { tenantId, id: existing.id }, data });
  else await db.partnerContact.create({ data: { ...data, tenantId, partnerId, isPrimary: true } });
}

/** A new partner starts as a PROSPECT. */
export async function createPartnerRecord(db: Db, tenantId: string, input: PartnerData) {
  await assertNameFree(db, tenantId, input.name);
  const partner = await db.partner.create({ data: { ...profile(input), tenantId, status: "PROSPECT" } });
  await savePrimaryContact(db, tenantId, partner.id, input);
  return partner;
}

export async function updatePartnerRecord(db: Db, tenantId: string, partnerId: string, input: PartnerData) {
  const before = await requirePartnerRow(db, tenantId, partnerId);
  await assertNameFree(db, tenantId, input.name, partnerId);
  await db.partner.updateMany({ where: { tenantId, id: partnerId }, data: profile(input) });
  await savePrimaryContact(db, tenantId, partnerId, input);
  const changed = (Object.keys(profile(input)) as (keyof ReturnType<typeof profile>)[]).filter(
    (k) =>
      String(before[k] instanceof Date ? (before[k] as Date).toISOString() : before[k]) !==
      String(input[k] instanceof Date ? (input[k] as Date).toISOString() : input[k]),
  );
  return { partner: { ...before, ...profile(input) }, changed };
}

/**
 * Moves a partner along its lifecycle. Only allowed transitions (lib/partners/lifecycle.ts); a
 * partner leaves VETTING for ACTIVE only with a values-alignment score.
 */
export async function transitionPartner(
  db: Db,
  tenantId: string,
  partnerId: string,
  to: PartnerStatus,
  reason: string,
) {
  const partner = await requirePartnerRow(db, tenantId, partnerId);
  try {
    assertPartnerTransition(partner.status, to);
  } catch (error) {
    if (error instanceof LifecycleError) throw new DomainError(error.message, "invalid");
    throw error;
  }
  if (partner.status === "VETTING" && to === "ACTIVE" && partner.alignmentScore === null)
    throw new DomainError("Complete the values-alignment questionnaire before activating this partner.", "invalid");
  // The status in the where clause makes a concurrent change lose instead of skipping a rule.
  const updated = await db.partner.updateMany({
    where: { tenantId, id: partnerId, status: partner.status },
    data: { status: to },
  });
  if (updated.count !== 1)
    throw new DomainError("This partner was changed meanwhile. Reload and try again.", "conflict");
  return { from: partner.status, to, reason: reason.trim(), name: partner.name };
}

/** Everything the partner detail page shows, for one partner of the tenant (null when unknown/foreign). */
export async function partnerDetail(db: Db, tenantId: string, partnerId: string) {
  const partner = await db.partner.findFirst({
    where: { tenantId, id: partnerId },
    include: {
      contacts: { where: { tenantId }, orderBy: [{ isPrimary: "desc" }, { name: "asc" }] },
      touchpoints: {
        where: { tenantId },
        include: {
          touchpoint: { select: { id: true, name: true, stage: true, channel: true, isMomentOfTruth: true } },
        },
      },
    },
  });
  if (!partner) return null;
  const touchpointIds = partner.touchpoints.map((t) => t.touchpointId);
  // Sequential: one transaction runs one query at a time.
  const standards = await db.experienceStandard.findMany({
    where: { tenantId, isCurrent: true, touchpointId: { in: touchpointIds } },
    orderBy: [{ touchpointId: "asc" }, { name: "asc" }],
    include: {
      touchpoint: { select: { name: true } },
      acknowledgements: { where: { tenantId, partnerId }, select: { acknowledgedAt: true } },
    },
  });
  const assessments = await db.assessment.findMany({
    where: { tenantId, partnerId },
    orderBy: [{ period: "desc" }, { createdAt: "desc" }],
    take: 10,
    include: { standard: { select: { name: true, metricKind: true, unit: true, version: true } } },
  });
  const incidents = await db.incident.findMany({
    where: { tenantId, partnerId },
    orderBy: { openedAt: "desc" },
    take: 5,
    select: { id: true, number: true, title: true, severity: true, status: true, openedAt: true },
  });
  const history = await db.auditLog.findMany({
    where: { tenantId, entityType: "Partner", entityId: partnerId },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: { id: true, action: true, actorLabel: true, data: true, createdAt: true },
  });
  const openIncidents = await db.incident.count({
    where: { tenantId, partnerId, status: { notIn: ["RESOLVED", "CLOSED"] } },
  });
  return { partner, standards, assessments, incidents, openIncidents, history };
}
