import type { z } from "zod";
import { Prisma, type Customer as CustomerRow } from "@/generated/prisma/client";
import { customerIdOfRef } from "@/lib/customers/known";
import type { Db } from "@/lib/db/scope";
import type { ApiPrincipal } from "../keys";
import { invalid, notFound } from "../problem";
import type { Customer, CustomerInput } from "../schemas";
import { existingIds } from "./references";

export function customerJson(c: CustomerRow): z.infer<typeof Customer> {
  return {
    id: c.id,
    externalRef: c.externalRef,
    name: c.name,
    email: c.email,
    segment: c.segment,
    acquiredAt: c.acquiredAt.toISOString(),
    acquiringPartnerId: c.acquiringPartnerId,
    acquisitionCost: c.acquisitionCost === null ? null : Number(c.acquisitionCost),
    createdAt: c.createdAt.toISOString(),
  };
}

/**
 * Creates or updates the customer with this external ref. A partner key works only on customers its
 * partner acquired (another partner's customer is answered as not found) and acquires new ones itself.
 */
export async function upsertCustomer(
  db: Db,
  principal: ApiPrincipal,
  externalRef: string,
  input: z.output<typeof CustomerInput>,
) {
  const tenantId = principal.tenantId;
  if (principal.partnerId && input.acquiringPartnerId && input.acquiringPartnerId !== principal.partnerId)
    throw notFound("Partner");
  const acquiringPartnerId = input.acquiringPartnerId ?? principal.partnerId ?? null;
  if (acquiringPartnerId) {
    const known = await existingIds(db, tenantId, { partners: [acquiringPartnerId] });
    if (!known.partners.has(acquiringPartnerId))
      throw invalid([{ field: "acquiringPartnerId", message: "No partner with this id." }]);
  }
  const existing = await db.customer.findFirst({ where: { tenantId, externalRef } });
  if (principal.partnerId) {
    // A partner sees only the customers it has a part in: a reference it cannot see may still be taken.
    const taken = existing !== null || (await customerIdOfRef(db, tenantId, externalRef)) !== null;
    if (taken && existing?.acquiringPartnerId !== principal.partnerId) throw notFound("Customer");
  }
  const data = {
    name: input.name ?? null,
    email: input.email ?? null,
    segment: input.segment,
    acquiredAt: new Date(input.acquiredAt),
    acquiringPartnerId,
    acquisitionCost: input.acquisitionCost === undefined ? null : new Prisma.Decimal(input.acquisitionCost.toFixed(2)),
  };
  const row = await db.customer
    .upsert({
      where: { tenantId_externalRef: { tenantId, externalRef } },
      create: { tenantId, externalRef, ...data },
      update: data,
    })
    .catch((error: unknown) => {
      // Someone else took the reference since the check above, for a customer this partner may not write.
      if (principal.partnerId && error instanceof Error && error.message.includes("row-level security"))
        throw notFound("Customer");
      throw error;
    });
  return { row, created: !existing };
}
