import { type Db, withTenant } from "@/lib/db/scope";

/** How each page's `?edit=` id is looked up: a touchpoint, or a standard's current version. */
const FIND = {
  touchpoint: (db: Db, tenantId: string, id: string) =>
    db.touchpoint.findFirst({ where: { tenantId, id }, select: { id: true } }),
  standard: (db: Db, tenantId: string, id: string) =>
    db.experienceStandard.findFirst({ where: { tenantId, id, isCurrent: true }, select: { id: true } }),
};

/**
 * Whether the record a page's `?edit=` names exists in the workspace: the Touchpoints and Standards pages answer
 * 404 for an unknown id before their content streams in (docs/decisions/004-loading-boundaries-and-404.md).
 */
export function editTargetExists(kind: keyof typeof FIND, tenantId: string, id: string): Promise<boolean> {
  return withTenant({ tenantId }, async (db) => (await FIND[kind](db, tenantId, id)) !== null);
}
