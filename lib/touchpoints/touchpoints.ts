import { z } from "zod";
import type { Db } from "@/lib/db/scope";
import { DomainError } from "@/lib/errors";

export const DEFAULT_STAGES = ["attract", "connect", "engage", "convert"] as const;
export const CHANNELS = ["ONLINE", "STORE", "PHONE", "FIELD"] as const;
export const CHANNEL_LABELS: Record<(typeof CHANNELS)[number], string> = {
  ONLINE: "Online",
  STORE: "Store",
  PHONE: "Phone",
  FIELD: "Field",
};

export const touchpointSchema = z.object({
  name: z
    .string()
    .trim()
    .min(2, { error: "Enter the touchpoint's name (at least 2 characters)" })
    .max(120, { error: "The name must be at most 120 characters" }),
  description: z
    .string()
    .trim()
    .max(1000, { error: "The description must be at most 1000 characters" })
    .optional()
    .transform((v) => v || null),
  stage: z
    .string()
    .trim()
    .toLowerCase()
    .min(2, { error: "Enter the journey stage (e.g. attract, connect, engage, convert)" })
    .max(40, { error: "The stage must be at most 40 characters" }),
  channel: z.enum(CHANNELS, { error: "Choose a channel" }),
  isMomentOfTruth: z.boolean().default(false),
  weight: z
    .number({ error: "The weight must be a number" })
    .gt(0, { error: "The weight must be greater than 0" })
    .max(10, { error: "The weight must be at most 10" }),
});
export type TouchpointData = z.output<typeof touchpointSchema>;

/** Stage columns: the four default stages first, then the brand's own stages in order of appearance. */
export function orderStages(stages: readonly string[]): string[] {
  const seen = new Set<string>(DEFAULT_STAGES);
  const extra: string[] = [];
  for (const s of stages) {
    if (seen.has(s)) continue;
    seen.add(s);
    extra.push(s);
  }
  return [...DEFAULT_STAGES, ...extra];
}

/** The journey map: stages as columns, touchpoints (with their partners and standard count) as cards. */
export async function journeyMap(db: Db, tenantId: string) {
  const touchpoints = await db.touchpoint.findMany({
    where: { tenantId },
    orderBy: [{ position: "asc" }, { name: "asc" }],
    include: {
      partners: {
        where: { tenantId },
        include: { partner: { select: { id: true, name: true, status: true } } },
        orderBy: { assignedAt: "asc" },
      },
      roles: {
        where: { tenantId },
        include: { partner: { select: { id: true, name: true } } },
        orderBy: [{ role: "asc" }, { createdAt: "asc" }],
      },
      _count: { select: { standards: { where: { isCurrent: true } } } },
    },
  });
  const stages = orderStages(touchpoints.map((t) => t.stage));
  return stages.map((stage) => ({
    stage,
    touchpoints: touchpoints
      .filter((t) => t.stage === stage)
      .map(({ _count, partners, roles, ...t }) => ({
        ...t,
        standards: _count.standards,
        partners: partners.map((p) => p.partner),
        roles: roles.map((r) => ({ role: r.role, partner: r.partner })),
      })),
  }));
}

async function assertNameFree(db: Db, tenantId: string, name: string, exceptId?: string) {
  const clash = await db.touchpoint.findFirst({
    where: { tenantId, name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) throw new DomainError(`A touchpoint named "${name}" already exists.`, "conflict");
}

export async function requireTouchpoint(db: Db, tenantId: string, touchpointId: string) {
  const touchpoint = await db.touchpoint.findFirst({ where: { tenantId, id: touchpointId } });
  if (!touchpoint) throw new DomainError("That touchpoint was not found.", "not-found");
  return touchpoint;
}

/** A new touchpoint goes last in its stage. */
export async function createTouchpointRecord(db: Db, tenantId: string, input: TouchpointData) {
  await assertNameFree(db, tenantId, input.name);
  const last = await db.touchpoint.aggregate({ where: { tenantId }, _max: { position: true } });
  return db.touchpoint.create({ data: { ...input, tenantId, position: (last._max.position ?? 0) + 1 } });
}

export async function updateTouchpointRecord(db: Db, tenantId: string, touchpointId: string, input: TouchpointData) {
  const before = await requireTouchpoint(db, tenantId, touchpointId);
  await assertNameFree(db, tenantId, input.name, touchpointId);
  let position = before.position;
  if (before.stage !== input.stage) {
    const last = await db.touchpoint.aggregate({ where: { tenantId }, _max: { position: true } });
    position = (last._max.position ?? 0) + 1;
  }
  await db.touchpoint.updateMany({ where: { tenantId, id: touchpointId }, data: { ...input, position } });
  return { ...before, ...input, position };
}

/** Moves a touchpoint one place up or down within its stage (swaps positions with its neighbour). */
export async function moveTouchpoint(db: Db, tenantId: string, touchpointId: string, direction: "up" | "down") {
  const touchpoint = await requireTouchpoint(db, tenantId, touchpointId);
  const siblings = await db.touchpoint.findMany({
    where: { tenantId, stage: touchpoint.stage },
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: { id: true, position: true },
  });
  const index = siblings.findIndex((s) => s.id === touchpointId);
  const target = direction === "up" ? index - 1 : index + 1;
  if (target < 0 || target >= siblings.length)
    throw new DomainError(
      `This touchpoint is already ${direction === "up" ? "first" : "last"} in its stage.`,
      "invalid",
    );
  // Renumber the stage densely from its smallest position, with the two swapped.
  const order = siblings.map((s) => s.id);
  [order[index], order[target]] = [order[target], order[index]];
  const base = Math.min(...siblings.map((s) => s.position));
  for (let i = 0; i < order.length; i++) {
    await db.touchpoint.updateMany({ where: { tenantId, id: order[i] }, data: { position: base + i } });
  }
  return { id: touchpointId, name: touchpoint.name, stage: touchpoint.stage, order };
}

export async function assignPartnerToTouchpoint(db: Db, tenantId: string, touchpointId: string, partnerId: string) {
  const touchpoint = await requireTouchpoint(db, tenantId, touchpointId);
  const partner = await db.partner.findFirst({
    where: { tenantId, id: partnerId },
    select: { id: true, name: true, status: true },
  });
  if (!partner) throw new DomainError("That partner was not found.", "not-found");
  if (partner.status === "OFFBOARDED")
    throw new DomainError(`${partner.name} is offboarded and cannot handle touchpoints.`, "invalid");
  const existing = await db.touchpointPartner.findFirst({ where: { tenantId, touchpointId, partnerId } });
  if (existing) throw new DomainError(`${partner.name} already handles ${touchpoint.name}.`, "conflict");
  await db.touchpointPartner.create({ data: { tenantId, touchpointId, partnerId } });
  return { touchpoint, partner };
}

export async function unassignPartnerFromTouchpoint(db: Db, tenantId: string, touchpointId: string, partnerId: string) {
  const touchpoint = await requireTouchpoint(db, tenantId, touchpointId);
  const removed = await db.touchpointPartner.deleteMany({ where: { tenantId, touchpointId, partnerId } });
  if (removed.count !== 1) throw new DomainError("That partner does not handle this touchpoint.", "not-found");
  return { touchpoint, partnerId };
}
