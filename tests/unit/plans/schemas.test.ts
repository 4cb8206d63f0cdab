import { describe, expect, it } from "vitest";
import { addActionSchema } from "@/lib/plans/schemas";

const action = {
  planId: "plan-1",
  description: "Add weekend cover",
  owner: "contact:c-1",
  dueOn: "2026-12-20",
  metric: "score",
};

describe("a new plan action", () => {
  it("needs a target, as a number", () => {
    for (const target of [undefined, null, ""]) {
      const result = addActionSchema.safeParse({ ...action, target });
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
        ["target", "Enter the target: the value the metric should reach, e.g. 65."],
      ]);
    }
    const words = addActionSchema.safeParse({ ...action, target: "sixty" });
    expect(words.error?.issues.map((i) => i.message)).toEqual(["The target must be a number, e.g. 65."]);
    expect(addActionSchema.parse({ ...action, target: "65.5" })).toMatchObject({ target: 65.5, baseline: null });
    expect(addActionSchema.parse({ ...action, target: 70, baseline: "" })).toMatchObject({
      target: 70,
      baseline: null,
    });
  });
});
