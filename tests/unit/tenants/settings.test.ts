import { describe, expect, it } from "vitest";
import {
  DEFAULT_SETTINGS,
  effectiveChurn,
  parseTenantSettings,
  tenantSettingsSchema,
  valueSettingsSchema,
} from "@/lib/tenants/settings";

describe("tenant settings", () => {
  it("keep a valid workspace section when another section is broken, and default a broken one", () => {
    const parsed = parseTenantSettings({
      value: { horizonMonths: "x" },
      workspace: { currency: "EUR", reportPageSize: "LETTER" },
    });
    expect(parsed.workspace).toEqual({ currency: "EUR", reportPageSize: "LETTER" });
    expect(parseTenantSettings({ workspace: { currency: "XYZ" } }).workspace).toEqual({
      currency: "USD",
      reportPageSize: "A4",
    });
  });

  it("fill every section with its defaults", () => {
    expect(parseTenantSettings({})).toEqual({
      value: {
        model: "BG_NBD",
        horizonMonths: 36,
        annualDiscountRate: 0.1,
        churnProbability: { B2B: 0.66, B2C: 0.52 },
        defectionWindowDays: 180,
        churnBasis: "SURVEY",
        measuredChurn: null,
      },
      workspace: { currency: "USD", reportPageSize: "A4" },
      channel: { design: null, scope: null },
      feedback: { surveyEveryDays: 30, linkValidDays: 14 },
      incentives: {
        tiers: [
          { name: "Platinum", minScore: 90 },
          { name: "Gold", minScore: 80 },
          { name: "Silver", minScore: 70 },
          { name: "Bronze", minScore: 55 },
          { name: "Watch", minScore: 0 },
        ],
        hysteresisMonths: 2,
        poolAmount: 10_000,
        floorScore: 70,
      },
    });
    expect(parseTenantSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(parseTenantSettings({ feedback: { surveyEveryDays: 0 } }).feedback).toEqual(DEFAULT_SETTINGS.feedback);
    expect(parseTenantSettings({ value: { model: "RETENTION", churnProbability: { B2B: 0.7 } } }).value).toEqual({
      model: "RETENTION",
      horizonMonths: 36,
      annualDiscountRate: 0.1,
      churnProbability: { B2B: 0.7, B2C: 0.52 },
      defectionWindowDays: 180,
      churnBasis: "SURVEY",
      measuredChurn: null,
    });
  });

  it("name the churn basis equity at risk uses, keeping the survey figure for a segment without a measurement", () => {
    const value = DEFAULT_SETTINGS.value;
    expect(effectiveChurn(value)).toMatchObject({ B2B: 0.66, B2C: 0.52, basis: "SURVEY" });
    expect(effectiveChurn(value).label).toBe("survey figures (66 % B2B, 52 % B2C leave after a bad experience)");
    const measured = effectiveChurn({
      ...value,
      churnBasis: "MEASURED",
      measuredChurn: { B2B: null, B2C: 0.41, measuredAt: "2026-12-04T10:00:00.000Z" },
    });
    expect(measured).toMatchObject({ B2B: 0.66, B2C: 0.41, basis: "MEASURED" });
    expect(measured.label).toBe(
      "defection measured from your customers on 2026-12-04 (66 % B2B (survey: too little data), 41 % B2C)",
    );
    // Chosen but never measured: the survey figures.
    expect(effectiveChurn({ ...value, churnBasis: "MEASURED" }).basis).toBe("SURVEY");
  });

  it("fall back to defaults for a stored section that no longer validates", () => {
    expect(parseTenantSettings({ value: { model: "MAGIC" }, other: 1 }).value).toEqual(DEFAULT_SETTINGS.value);
    const channel = parseTenantSettings({ channel: { design: "PYRAMID" }, workspace: { currency: "EUR" } });
    expect(channel.channel).toEqual({ design: null, scope: null });
    expect(channel.workspace.currency).toBe("EUR");
  });

  it("reject bad values with clear messages", () => {
    const result = valueSettingsSchema.safeParse({
      horizonMonths: 0,
      annualDiscountRate: 2,
      churnProbability: { B2B: 1.5 },
    });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => i.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        "Horizon must be at least 1 month",
        "Discount rate must be between 0 and 1 (0 % to 100 % a year)",
        "B2B churn probability must be between 0 and 1",
      ]),
    );
    expect(tenantSettingsSchema.safeParse({ value: { model: "X" } }).error?.issues[0].message).toBe(
      "Choose the retention model or BG/NBD",
    );
  });
});
