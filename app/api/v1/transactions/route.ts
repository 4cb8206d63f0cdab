import { apiRoute } from "@/lib/api/route";
import { TransactionInput } from "@/lib/api/schemas";
import { recordTransactions, transactionJson } from "@/lib/api/resources/transactions";
import { singleField } from "@/lib/api/resources/references";

export const POST = apiRoute(
  { name: "transactions.create", body: TransactionInput, idempotent: true },
  async ({ db, principal, body, audit }) => {
    const [{ row, created }] = await recordTransactions(db, principal, [body], singleField);
    if (created)
      audit({
        action: "transaction.created",
        entityType: "Transaction",
        entityId: row.id,
        data: { via: "api", externalRef: row.externalRef },
      });
    return { status: created ? 201 : 200, body: transactionJson(row) };
  },
);
