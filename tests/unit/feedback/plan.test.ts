import { describe, expect, it } from "vitest";
import { planSurveys } from "@/lib/feedback/plan";
import { readSurveyToken, surveyToken } from "@/lib/feedback/token";

const NOW = new Date("2026-06-15T12:00:00Z");
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);
const c = (customerId: string, touchpointId: string) => ({ customerId, touchpointId, at: NOW });

describe("planSurveys (at most one survey per customer and touchpoint per N days)", () => {
  it("skips a customer and touchpoint asked less than N days ago, and asks again after", () => {
    const last = [
      { customerId: "a", touchpointId: "t1", createdAt: daysAgo(29) },
      { customerId: "b", touchpointId: "t1", createdAt: daysAgo(30) },
    ];
    expect(planSurveys([c("a", "t1"), c("b", "t1")], last, 30, NOW)).toEqual([c("b", "t1")]);
  });

  it("keeps only the first candidate of a customer and touchpoint within one batch", () => {
    const chosen = planSurveys([c("a", "t1"), c("a", "t1"), c("a", "t2"), c("b", "t1")], [], 30, NOW);
    expect(chosen).toEqual([c("a", "t1"), c("a", "t2"), c("b", "t1")]);
  });

  it("uses the newest survey when several are on record", () => {
    const last = [
      { customerId: "a", touchpointId: "t1", createdAt: daysAgo(90) },
      { customerId: "a", touchpointId: "t1", createdAt: daysAgo(2) },
    ];
    expect(planSurveys([c("a", "t1")], last, 7, NOW)).toEqual([]);
    expect(planSurveys([c("a", "t1")], last, 1, NOW)).toEqual([c("a", "t1")]);
  });
});

describe("survey tokens", () => {
  it("round-trips the workspace and survey and refuses any change", () => {
    const token = surveyToken("tenant-1", "survey-9");
    expect(readSurveyToken(token)).toEqual({ tenantId: "tenant-1", feedbackId: "survey-9" });
    const [payload, signature] = token.split(".");
    const other = Buffer.from("tenant-2:survey-9").toString("base64url");
    expect(readSurveyToken(`${other}.${signature}`)).toBeNull();
    expect(readSurveyToken(`${payload}.${signature.slice(1)}`)).toBeNull();
    expect(readSurveyToken(`${token}.x`)).toBeNull();
    expect(readSurveyToken("not-a-token")).toBeNull();
  });
});
