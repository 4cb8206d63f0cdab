import type { Db } from "@/lib/db/scope";
import { createTouchpointRecord } from "@/lib/touchpoints/touchpoints";
import { createStandardRecord } from "@/lib/standards/store";
import { PRESET_PARTNER_TYPES, PRESETS, type PresetType } from "./presets";
import type { PartnerType } from "@/generated/prisma/enums";

export type PresetResult = { touchpoints: number; standards: number; assignments: number };

/**
 * Creates a preset's touchpoints and standards, skipping any the workspace already has (by name, so applying it
 * twice creates nothing twice), and assigns the workspace's partners of the matching types to its touchpoints.
 */
export async function applyPreset(db: Db, tenantId: string, type: PresetType): Promise<PresetResult> {
  const preset = PRESETS[type];
  const result: PresetResult = { touchpoints: 0, standards: 0, assignments: 0 };
  const touchpointIds: string[] = [];
  for (const { standards, ...definition } of preset.touchpoints) {
    let touchpoint = await db.touchpoint.findFirst({
      where: { tenantId, name: { equals: definition.name, mode: "insensitive" } },
      select: { id: true },
    });
    if (!touchpoint) {
      touchpoint = await createTouchpointRecord(db, tenantId, {
        ...definition,
        weight: definition.isMomentOfTruth ? 2 : 1,
      });
      result.touchpoints += 1;
    }
    touchpointIds.push(touchpoint.id);
    const existing = await db.experienceStandard.findMany({
      where: { tenantId, touchpointId: touchpoint.id, isCurrent: true },
      select: { name: true },
    });
    const taken = new Set(existing.map((s) => s.name.toLowerCase()));
    for (const standard of standards.filter((s) => !taken.has(s.name.toLowerCase()))) {
      await createStandardRecord(db, tenantId, { ...standard, touchpointId: touchpoint.id, description: null });
      result.standards += 1;
    }
  }
  result.assignments = await assignPartnersOfTypes(
    db,
    tenantId,
    touchpointIds,
    PRESET_PARTNER_TYPES[type] as PartnerType[],
  );
  return result;
}

/** Every partner of the given types handles each of the touchpoints (existing assignments stay). */
async function assignPartnersOfTypes(db: Db, tenantId: string, touchpointIds: string[], types: PartnerType[]) {
  const partners = await db.partner.findMany({
    where: { tenantId, type: { in: types }, status: { not: "OFFBOARDED" } },
    select: { id: true },
  });
  if (partners.length === 0) return 0;
  const data = touchpointIds.flatMap((touchpointId) =>
    partners.map((p) => ({ tenantId, touchpointId, partnerId: p.id })),
  );
  const { count } = await db.touchpointPartner.createMany({ data, skipDuplicates: true });
  return count;
}
