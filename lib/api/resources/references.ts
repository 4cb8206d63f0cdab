import { knownCustomerIds } from "@/lib/customers/known";
import type { Db } from "@/lib/db/scope";
import type { ApiPrincipal } from "../keys";
import { ApiProblem, type FieldError } from "../problem";

/** Names a row's field: "csat" for a single create, "rows[3].csat" in a batch. */
export type FieldName = (index: number, field: string) => string;
export const singleField: FieldName = (_i, field) => field;
export const batchField: FieldName = (i, field) => `rows[${i}].${field}`;

/**
 * Which of the ids exist in the tenant, per kind: one query per kind, whatever the batch size. A partner key may
 * name any customer of the tenant (its first delivery to one), though it sees only those it has a part in.
 */
export async function existingIds(
  db: Db,
  tenantId: string,
  ids: { partners?: string[]; touchpoints?: string[]; customers?: string[] },
) {
  const unique = (xs?: string[]) => [...new Set(xs ?? [])];
  const [partners, touchpoints, customers] = await Promise.all([
    unique(ids.partners).length
      ? db.partner.findMany({ where: { tenantId, id: { in: unique(ids.partners) } }, select: { id: true } })
      : [],
    unique(ids.touchpoints).length
      ? db.touchpoint.findMany({ where: { tenantId, id: { in: unique(ids.touchpoints) } }, select: { id: true } })
      : [],
    knownCustomerIds(db, tenantId, ids.customers ?? []),
  ]);
  return {
    partners: new Set(partners.map((r) => r.id)),
    touchpoints: new Set(touchpoints.map((r) => r.id)),
    customers,
  };
}

/** A partner key may only write its own partner's rows; another partner's id is answered as if it did not exist. */
export function assertOwnPartner(
  principal: ApiPrincipal,
  partnerIds: (string | null | undefined)[],
  field: FieldName,
  name: string,
) {
  if (!principal.partnerId) return;
  const foreign: FieldError[] = [];
  partnerIds.forEach((id, i) => {
    if (id && id !== principal.partnerId) foreign.push({ field: field(i, name), message: "Partner not found." });
  });
  if (foreign.length > 0) throw new ApiProblem(404, "Partner was not found.", foreign);
}

/** Rows in one request may not share an externalRef. */
export function duplicateRefs(rows: { externalRef?: string }[], field: FieldName): FieldError[] {
  const seen = new Map<string, number>();
  const errors: FieldError[] = [];
  rows.forEach((row, i) => {
    if (!row.externalRef) return;
    const first = seen.get(row.externalRef);
    if (first !== undefined)
      errors.push({ field: field(i, "externalRef"), message: `Repeats the externalRef of row ${first}.` });
    else seen.set(row.externalRef, i);
  });
  return errors;
}
