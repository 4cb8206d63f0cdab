import { apiRoute } from "@/lib/api/route";
import { InteractionBatch } from "@/lib/api/schemas";
import { interactionJson, recordInteractions } from "@/lib/api/resources/interactions";
import { batchField } from "@/lib/api/resources/references";

export const POST = apiRoute(
  { name: "interactions.batch", body: InteractionBatch, idempotent: true },
  async ({ db, principal, body, audit }) => {
    const results = await recordInteractions(db, principal, body.rows, batchField);
    const created = results.filter((r) => r.created).length;
    if (created > 0)
      audit({
        action: "interaction.batch_created",
        entityType: "Interaction",
        data: { via: "api", created, existing: results.length - created },
      });
    return {
      status: created > 0 ? 201 : 200,
      body: { created, existing: results.length - created, data: results.map((r) => interactionJson(r.row)) },
    };
  },
);
