import { apiRoute } from "@/lib/api/route";
import { TransactionBatch } from "@/lib/api/schemas";
import { recordTransactions, transactionJson } from "@/lib/api/resources/transactions";
import { batchField } from "@/lib/api/resources/references";

export const POST = apiRoute(
  { name: "transactions.batch", body: TransactionBatch, idempotent: true },
  async ({ db, principal, body, audit }) => {
    const results = await recordTransactions(db, principal, body.rows, batchField);
    const created = results.filter((r) => r.created).length;
    if (created > 0)
      audit({
        action: "transaction.batch_created",
        entityType: "Transaction",
        data: { via: "api", created, existing: results.length - created },
      });
    return {
      status: created > 0 ? 201 : 200,
      body: { created, existing: results.length - created, data: results.map((r) => transactionJson(r.row)) },
    };
  },
);
