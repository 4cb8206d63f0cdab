import { apiRoute } from "@/lib/api/route";
import { CustomerInput, CustomerParams } from "@/lib/api/schemas";
import { customerJson, upsertCustomer } from "@/lib/api/resources/customers";

export const PUT = apiRoute(
  { name: "customers.upsert", params: CustomerParams, body: CustomerInput, idempotent: true },
  async ({ db, principal, params, body, audit }) => {
    const { row, created } = await upsertCustomer(db, principal, params.externalRef, body);
    audit({
      action: created ? "customer.created" : "customer.updated",
      entityType: "Customer",
      entityId: row.id,
      data: { via: "api", externalRef: row.externalRef },
    });
    return { status: created ? 201 : 200, body: customerJson(row) };
  },
);
