import type { z } from "zod";
import type { Db } from "@/lib/db/scope";
import type { Interaction as InteractionRow } from "@/generated/prisma/client";
import { inviteAfterInteractions } from "@/lib/feedback/invite";
import type { ApiPrincipal } from "../keys";
import { uuidv7 } from "../ids";
import { ApiProblem, invalid, type FieldError } from "../problem";
import type { Interaction, InteractionInput } from "../schemas";
import { assertOwnPartner, duplicateRefs, existingIds, type FieldName } from "./references";

type Input = z.output<typeof InteractionInput>;

export function interactionJson(r: InteractionRow): z.infer<typeof Interaction> {
  return {
    id: r.id,
    partnerId: r.partnerId,
    touchpointId: r.touchpointId,
    customerId: r.customerId,
    occurredAt: r.occurredAt.toISOString(),
    outcome: r.outcome,
    csat: r.csat,
    nps: r.nps,
    externalRef: r.externalRef,
    createdAt: r.createdAt.toISOString(),
  };
}

/**
 * Records interactions, all or nothing: every row is checked (own partner for partner keys, the
 * partner, touchpoint and customer exist in the tenant) before one bulk insert. A row whose
 * externalRef is already known is not inserted again; the existing row is returned instead.
 */
export async function recordInteractions(db: Db, principal: ApiPrincipal, rows: Input[], field: FieldName) {
  const tenantId = principal.tenantId;
  assertOwnPartner(
    principal,
    rows.map((r) => r.partnerId),
    field,
    "partnerId",
  );
  const known = await existingIds(db, tenantId, {
    partners: rows.map((r) => r.partnerId),
    touchpoints: rows.map((r) => r.touchpointId),
    customers: rows.flatMap((r) => (r.customerId ? [r.customerId] : [])),
  });
  const errors: FieldError[] = duplicateRefs(rows, field);
  rows.forEach((r, i) => {
    if (!known.partners.has(r.partnerId))
      errors.push({ field: field(i, "partnerId"), message: "No partner with this id." });
    if (!known.touchpoints.has(r.touchpointId))
      errors.push({ field: field(i, "touchpointId"), message: "No touchpoint with this id." });
    if (r.customerId && !known.customers.has(r.customerId))
      errors.push({ field: field(i, "customerId"), message: "No customer with this id." });
  });
  if (errors.length > 0) throw invalid(errors);

  const data = rows.map((r) => ({
    tenantId,
    id: uuidv7(),
    partnerId: r.partnerId,
    touchpointId: r.touchpointId,
    customerId: r.customerId ?? null,
    occurredAt: new Date(r.occurredAt),
    outcome: r.outcome,
    csat: r.csat ?? null,
    nps: r.nps ?? null,
    externalRef: r.externalRef ?? null,
  }));
  // One statement with one array per column (a parameter per value costs far more at 1,000 rows).
  const createdAt = new Date();
  const insertedIds = await db.$queryRaw<{ id: string }[]>`
    insert into "Interaction" ("tenantId", "id", "partnerId", "touchpointId", "customerId", "occurredAt", "outcome", "csat", "nps", "externalRef", "createdAt")
    select ${tenantId}, x.id, x.partner, x.touchpoint, x.customer, x.at::timestamp, x.outcome::"InteractionOutcome", x.csat, x.nps, x.ref, ${createdAt.toISOString()}::timestamp
    from unnest(
      ${data.map((d) => d.id)}::text[], ${data.map((d) => d.partnerId)}::text[], ${data.map((d) => d.touchpointId)}::text[],
      ${data.map((d) => d.customerId)}::text[], ${data.map((d) => d.occurredAt.toISOString())}::text[], ${data.map((d) => d.outcome)}::text[],
      ${data.map((d) => d.csat)}::int[], ${data.map((d) => d.nps)}::int[], ${data.map((d) => d.externalRef)}::text[]
    ) as x(id, partner, touchpoint, customer, at, outcome, csat, nps, ref)
    on conflict do nothing
    returning "id"`;
  const insertedSet = new Set(insertedIds.map((r) => r.id));
  await inviteAfterInteractions(db, tenantId, [...insertedSet]);
  const byId = new Map(
    data.filter((d) => insertedSet.has(d.id)).map((d) => [d.id, { ...d, createdAt } as InteractionRow]),
  );
  const skippedRefs = data.filter((d) => !byId.has(d.id)).map((d) => d.externalRef as string);
  const existing = skippedRefs.length
    ? await db.interaction.findMany({ where: { tenantId, externalRef: { in: skippedRefs } } })
    : [];
  const byRef = new Map(existing.map((r) => [r.externalRef, r]));
  const conflicts: FieldError[] = [];
  const result = data.map((d, i) => {
    const row = byId.get(d.id) ?? byRef.get(d.externalRef);
    if (!row)
      conflicts.push({
        field: field(i, "externalRef"),
        message: "This externalRef is already used by another partner's interaction.",
      });
    return { row: row as InteractionRow, created: byId.has(d.id) };
  });
  if (conflicts.length > 0) throw new ApiProblem(409, "Some externalRefs are already in use.", conflicts);
  return result;
}
