import type { z } from "zod";
import { Prisma, type Transaction as TransactionRow } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/scope";
import type { ApiPrincipal } from "../keys";
import { uuidv7 } from "../ids";
import { ApiProblem, invalid, type FieldError } from "../problem";
import type { Transaction, TransactionInput } from "../schemas";
import { assertOwnPartner, duplicateRefs, existingIds, type FieldName } from "./references";

type Input = z.output<typeof TransactionInput>;

export function transactionJson(r: TransactionRow): z.infer<typeof Transaction> {
  return {
    id: r.id,
    customerId: r.customerId,
    occurredAt: r.occurredAt.toISOString(),
    revenue: Number(r.revenue),
    margin: Number(r.margin),
    servingPartnerId: r.servingPartnerId,
    touchpointId: r.touchpointId,
    channel: r.channel,
    externalRef: r.externalRef,
  };
}

const cents = (n: number) => new Prisma.Decimal(n.toFixed(2));
const hasMoreThanTwoDecimals = (n: number) => Math.abs(Math.round(n * 100) - n * 100) > 1e-6;

/** Records transactions, all or nothing; a partner key's rows are served by its own partner. */
export async function recordTransactions(db: Db, principal: ApiPrincipal, rows: Input[], field: FieldName) {
  const tenantId = principal.tenantId;
  assertOwnPartner(
    principal,
    rows.map((r) => r.servingPartnerId),
    field,
    "servingPartnerId",
  );
  const withPartner = rows.map((r) => ({
    ...r,
    servingPartnerId: r.servingPartnerId ?? principal.partnerId ?? undefined,
  }));
  const known = await existingIds(db, tenantId, {
    partners: withPartner.flatMap((r) => (r.servingPartnerId ? [r.servingPartnerId] : [])),
    touchpoints: withPartner.flatMap((r) => (r.touchpointId ? [r.touchpointId] : [])),
    customers: withPartner.map((r) => r.customerId),
  });
  const errors: FieldError[] = duplicateRefs(rows, field);
  withPartner.forEach((r, i) => {
    if (!known.customers.has(r.customerId))
      errors.push({ field: field(i, "customerId"), message: "No customer with this id." });
    if (r.servingPartnerId && !known.partners.has(r.servingPartnerId))
      errors.push({ field: field(i, "servingPartnerId"), message: "No partner with this id." });
    if (r.touchpointId && !known.touchpoints.has(r.touchpointId))
      errors.push({ field: field(i, "touchpointId"), message: "No touchpoint with this id." });
    if (hasMoreThanTwoDecimals(r.revenue))
      errors.push({ field: field(i, "revenue"), message: "Use at most two decimals." });
    if (hasMoreThanTwoDecimals(r.margin))
      errors.push({ field: field(i, "margin"), message: "Use at most two decimals." });
  });
  if (errors.length > 0) throw invalid(errors);

  const data = withPartner.map((r) => ({
    tenantId,
    id: uuidv7(),
    customerId: r.customerId,
    occurredAt: new Date(r.occurredAt),
    revenue: cents(r.revenue),
    margin: cents(r.margin),
    servingPartnerId: r.servingPartnerId ?? null,
    touchpointId: r.touchpointId ?? null,
    channel: r.channel ?? null,
    externalRef: r.externalRef ?? null,
  }));
  // One statement with one array per column (a parameter per value costs far more at 1,000 rows).
  const insertedIds = await db.$queryRaw<{ id: string }[]>`
    insert into "Transaction" ("tenantId", "id", "customerId", "occurredAt", "revenue", "margin", "servingPartnerId", "touchpointId", "channel", "externalRef")
    select ${tenantId}, x.id, x.customer, x.at::timestamp, x.revenue::numeric, x.margin::numeric, x.partner, x.touchpoint, x.channel::"Channel", x.ref
    from unnest(
      ${data.map((d) => d.id)}::text[], ${data.map((d) => d.customerId)}::text[], ${data.map((d) => d.occurredAt.toISOString())}::text[],
      ${data.map((d) => d.revenue.toFixed(2))}::text[], ${data.map((d) => d.margin.toFixed(2))}::text[], ${data.map((d) => d.servingPartnerId)}::text[],
      ${data.map((d) => d.touchpointId)}::text[], ${data.map((d) => d.channel)}::text[], ${data.map((d) => d.externalRef)}::text[]
    ) as x(id, customer, at, revenue, margin, partner, touchpoint, channel, ref)
    on conflict do nothing
    returning "id"`;
  const insertedSet = new Set(insertedIds.map((r) => r.id));
  const byId = new Map(data.filter((d) => insertedSet.has(d.id)).map((d) => [d.id, d as TransactionRow]));
  const skippedRefs = data.filter((d) => !byId.has(d.id)).map((d) => d.externalRef as string);
  const existing = skippedRefs.length
    ? await db.transaction.findMany({ where: { tenantId, externalRef: { in: skippedRefs } } })
    : [];
  const byRef = new Map(existing.map((r) => [r.externalRef, r]));
  const conflicts: FieldError[] = [];
  const result = data.map((d, i) => {
    const row = byId.get(d.id) ?? byRef.get(d.externalRef);
    if (!row)
      conflicts.push({
        field: field(i, "externalRef"),
        message: "This externalRef is already used by another partner's transaction.",
      });
    return { row: row as TransactionRow, created: byId.has(d.id) };
  });
  if (conflicts.length > 0) throw new ApiProblem(409, "Some externalRefs are already in use.", conflicts);
  return result;
}
