import type { Db } from "@/lib/db/scope";

// A partner's context sees only the customers it has a part in (row-level security, migration
// 20261206000000_customer_partner_wall), yet may name one it has not served yet. These ask the database which
// customers exist in the workspace in context and learn their ids alone, in any context.

/** Which of these ids are customers of the workspace in context. */
export async function knownCustomerIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Set();
  const rows = await db.$queryRaw<{ id: string }[]>`select id from known_customer_ids(${unique}::text[])`;
  return new Set(rows.map((r) => r.id));
}

/** The id of the workspace's customer with this reference (Customer.externalRef), or null. */
export async function customerIdOfRef(db: Db, ref: string): Promise<string | null> {
  const [row] = await db.$queryRaw<{ id: string | null }[]>`select customer_id_of_ref(${ref}) as id`;
  return row?.id ?? null;
}
