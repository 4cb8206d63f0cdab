/**
 * The steward's choice of churn basis for equity at risk: the survey figures of the value
 * settings, or the defection measured from the workspace's own customers (queries.ts). The
 * measured rates are recomputed here, never taken from the client; a segment with too little
 * data keeps its survey figure (stored as null, named as such next to every figure).
 */
import { invalidateDashboard } from "@/lib/dashboard/cache";
import type { Db } from "@/lib/db/scope";
import { getTenantSettings, updateTenantSettings, type ValueSettings } from "@/lib/tenants/settings";
import { measureDefection } from "./queries";

export async function chooseChurnBasis(
  db: Db,
  tenantId: string,
  basis: "SURVEY" | "MEASURED",
  now = new Date(),
): Promise<ValueSettings> {
  const current = (await getTenantSettings(db, tenantId)).value;
  invalidateDashboard(tenantId); // its equity-at-risk tile names the basis
  if (basis === "SURVEY") {
    return (await updateTenantSettings(db, tenantId, "value", { ...current, churnBasis: "SURVEY" })).value;
  }
  const measured = await measureDefection(db, tenantId, now);
  const rate = (segment: "B2B" | "B2C") => measured.bad[segment].attributableDefection?.estimate ?? null;
  const next: ValueSettings = {
    ...current,
    churnBasis: "MEASURED",
    measuredChurn: { B2B: rate("B2B"), B2C: rate("B2C"), measuredAt: now.toISOString() },
  };
  return (await updateTenantSettings(db, tenantId, "value", next)).value;
}
