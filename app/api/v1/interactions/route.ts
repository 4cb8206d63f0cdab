import { apiRoute } from "@/lib/api/route";
import { InteractionInput } from "@/lib/api/schemas";
import { interactionJson, recordInteractions } from "@/lib/api/resources/interactions";
import { singleField } from "@/lib/api/resources/references";

export const POST = apiRoute(
  { name: "interactions.create", body: InteractionInput, idempotent: true },
  async ({ db, principal, body, audit }) => {
    const [{ row, created }] = await recordInteractions(db, principal, [body], singleField);
    if (created)
      audit({
        action: "interaction.created",
        entityType: "Interaction",
        entityId: row.id,
        data: { via: "api", externalRef: row.externalRef },
      });
    return { status: created ? 201 : 200, body: interactionJson(row) };
  },
);
