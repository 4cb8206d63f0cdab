import type { Db } from "@/lib/db/scope";

// A partner's context sees only the customers it has a part in (row-level security, migration
// 20261206000000_customer_partner_wall), yet may name one it has not served yet. These ask the database which
// customers exist in the workspace and learn their ids alone, in any context of that workspace.

/** Which of these ids are customers of the workspace (the one in context: another answers none). */
export async function knownCustomerIds(db: Db, tenantId: string, ids: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Set();
  const rows = await db.$queryRaw<{ id: string }[]>`select id from known_customer_ids(${tenantId}, ${unique}::text[])`;
  return new Set(rows.map((r) => r.id));
}

/** The id of the workspace's customer with this reference (Customer.externalRef), or null. */
export async function customerIdOfRef(db: Db, tenantId: string, ref: string): Promise<string | null> {
  const [row] = await db.$queryRaw<{ id: string | null }[]>`select customer_id_of_ref(${tenantId}, ${ref}) as id`;
  return row?.id ?? null;
}
