import { apiRoute } from "@/lib/api/route";
import { FeedbackInput, FeedbackListQuery } from "@/lib/api/schemas";
import { feedbackJson, listFeedback, recordFeedback } from "@/lib/api/resources/feedback";

export const GET = apiRoute({ name: "feedback.list", query: FeedbackListQuery }, async ({ db, principal, query }) => ({
  status: 200,
  body: await listFeedback(db, principal, query),
}));

export const POST = apiRoute(
  { name: "feedback.create", body: FeedbackInput, idempotent: true },
  async ({ db, principal, body, audit }) => {
    const { row, created } = await recordFeedback(db, principal, body);
    if (created)
      audit({
        action: "feedback.recorded",
        entityType: "CustomerFeedback",
        entityId: row.id,
        data: { via: "api", externalRef: row.externalRef },
      });
    return { status: created ? 201 : 200, body: feedbackJson(row) };
  },
);
