/**
 * The steward's choice of churn basis for equity at risk: the survey figures of the value
 * settings, or the defection measured from the workspace's own customers (queries.ts). The
 * measured rates are the latest measurement the defection job stored (job.ts), never taken from
 * the client nor recomputed on the request; a segment with too little data keeps its survey
 * figure (stored as null, named as such next to every figure).
 */
import { invalidateDashboard } from "@/lib/dashboard/cache";
import type { Db } from "@/lib/db/scope";
import { getTenantSettings, updateTenantSettings, type ValueSettings } from "@/lib/tenants/settings";
import { DomainError } from "@/lib/errors";
import { latestDefection } from "./job";

export async function chooseChurnBasis(db: Db, tenantId: string, basis: "SURVEY" | "MEASURED"): Promise<ValueSettings> {
  const current = (await getTenantSettings(db, tenantId)).value;
  invalidateDashboard(tenantId); // its equity-at-risk tile names the basis
  if (basis === "SURVEY") {
    return (await updateTenantSettings(db, tenantId, "value", { ...current, churnBasis: "SURVEY" })).value;
  }
  const { measurement, computedAt } = await latestDefection(db, tenantId);
  if (!measurement || !computedAt)
    throw new DomainError(
      "Defection has not been measured yet. Measure it first, then use the measured rates.",
      "conflict",
    );
  const rate = (segment: "B2B" | "B2C") => measurement.bad[segment].attributableDefection?.estimate ?? null;
  const next: ValueSettings = {
    ...current,
    churnBasis: "MEASURED",
    measuredChurn: { B2B: rate("B2B"), B2C: rate("B2C"), measuredAt: computedAt.toISOString() },
  };
  return (await updateTenantSettings(db, tenantId, "value", next)).value;
}
