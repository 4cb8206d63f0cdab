import type { Db } from "@/lib/db/scope";

export type PartnerOption = { id: string; name: string };

/** The partners a dropdown offers (to assign, to scope a key or an invitation to): every one not offboarded, by name. */
export function activePartnerOptions(db: Db, tenantId: string): Promise<PartnerOption[]> {
  return db.partner.findMany({
    where: { tenantId, status: { not: "OFFBOARDED" } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
