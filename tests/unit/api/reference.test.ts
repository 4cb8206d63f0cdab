import { describe, expect, it } from "vitest";
import { apiReference, typeOf } from "@/lib/api/reference";
import { API_PATHS } from "@/lib/api/openapi";

describe("the API reference view model", () => {
  it("lists every documented operation once, grouped by tag", () => {
    const ref = apiReference();
    const ops = ref.groups
      .flatMap((g) => g.operations.filter((o) => !o.webhook).map((o) => `${o.method} ${o.path}`))
      .sort();
    expect(ops).toEqual(API_PATHS.map((p) => `${p.method.toUpperCase()} ${p.path}`).sort());
    expect(ref.groups.map((g) => g.tag)).toEqual(
      expect.arrayContaining(["Partners", "Incidents", "Scorecards", "Webhooks"]),
    );
    const hooks = ref.groups.find((g) => g.tag === "Webhooks")!.operations;
    expect(hooks.map((o) => o.path)).toEqual([
      "incident.created",
      "incident.escalated",
      "incident.resolved",
      "scorecard.published",
    ]);
    expect(hooks.every((o) => o.webhook && o.method === "POST")).toBe(true);
    expect(hooks[0].params.map((p) => p.name)).toEqual(["webhook-id", "webhook-timestamp", "webhook-signature"]);
    expect(hooks[3].body).toEqual([{ text: "ScorecardWebhookEvent", ref: "ScorecardWebhookEvent" }]);
  });

  it("describes parameters, bodies and responses with links to schemas", () => {
    const ref = apiReference();
    const create = ref.groups.flatMap((g) => g.operations).find((o) => o.method === "POST" && o.path === "/incidents")!;
    expect(create.params).toEqual([
      expect.objectContaining({ name: "Idempotency-Key", in: "header", required: false }),
    ]);
    expect(create.body).toEqual([{ text: "IncidentInput", ref: "IncidentInput" }]);
    expect(create.responses.find((r) => r.status === "422")).toMatchObject({
      contentType: "application/problem+json",
      type: [{ text: "Problem", ref: "Problem" }],
    });
    const input = ref.schemas.find((s) => s.name === "IncidentInput")!;
    expect(input.fields.find((f) => f.name === "title")).toEqual({
      name: "title",
      type: [{ text: "string" }],
      required: true,
      notes: ["3–160 characters"],
    });
    expect(input.fields.find((f) => f.name === "externalRef")?.required).toBe(false);
  });

  it("renders types readably", () => {
    expect(typeOf({ type: ["string", "null"] })).toEqual([{ text: "string" }, { text: " or null" }]);
    expect(typeOf({ type: "array", items: { $ref: "#/components/schemas/Partner" } })).toEqual([
      { text: "array of " },
      { text: "Partner", ref: "Partner" },
    ]);
    expect(typeOf({ type: "string", enum: ["A", "B"] })).toEqual([{ text: 'one of "A", "B"' }]);
  });
});
