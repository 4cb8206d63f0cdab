import { z } from "zod";
import { COMPARATORS, METRIC_KINDS, validateMeasurement, validateStandardDefinition } from "./evaluate";
import { SEVERITIES } from "./versioning";
import { monthField, parseMonth } from "@/lib/months";
import { optionalUrl } from "@/lib/partners/schemas";

const id = z.string().min(1).max(64);

export const standardSchema = z
  .object({
    touchpointId: z.string({ error: "Choose a touchpoint" }).min(1, { error: "Choose a touchpoint" }).max(64),
    name: z
      .string()
      .trim()
      .min(3, { error: "Enter the standard's name (at least 3 characters)" })
      .max(160, { error: "The name must be at most 160 characters" }),
    description: z
      .string()
      .trim()
      .max(2000, { error: "The description must be at most 2000 characters" })
      .optional()
      .transform((v) => v || null),
    metricKind: z.enum(METRIC_KINDS, { error: "Choose a metric kind" }),
    comparator: z.enum(COMPARATORS, { error: "Choose a comparator" }),
    target: z.number({ error: "The target must be a number" }),
    unit: z
      .string()
      .trim()
      .max(20, { error: "The unit must be at most 20 characters" })
      .optional()
      .transform((v) => v || null),
    weight: z
      .number({ error: "The weight must be a number" })
      .gt(0, { error: "The weight must be greater than 0" })
      .max(100, { error: "The weight must be at most 100" }),
    severity: z.enum(SEVERITIES, { error: "Choose a severity" }),
  })
  .superRefine((v, ctx) => {
    const error = validateStandardDefinition(v);
    if (error) ctx.addIssue({ code: "custom", path: ["target"], message: error });
  });
export type StandardData = z.output<typeof standardSchema>;

/** "2026-11" → the first day of that month (UTC). */
export const periodSchema = monthField("Choose the month the measurement covers (YYYY-MM)")
  .transform(parseMonth)
  .refine((d) => d.getTime() <= Date.now(), { error: "The period cannot be in the future" });

const measured = z.object({
  standardId: id,
  period: periodSchema,
  value: z.number({ error: "Enter the measured value" }),
});

export const assessmentSchema = measured.extend({
  partnerId: z.string({ error: "Choose a partner" }).min(1, { error: "Choose a partner" }).max(64),
  source: z.enum(["AUDIT", "SURVEY", "SYSTEM"], { error: "Choose a source" }),
  evidenceText: z
    .string()
    .trim()
    .max(2000, { error: "The evidence must be at most 2000 characters" })
    .optional()
    .transform((v) => v || null),
  evidenceUrl: optionalUrl("The evidence link"),
});

export const selfAssessmentSchema = measured.extend({
  evidenceText: z
    .string()
    .trim()
    .min(10, { error: "Describe your evidence (at least 10 characters)" })
    .max(2000, { error: "The evidence must be at most 2000 characters" }),
  evidenceUrl: optionalUrl("The evidence link"),
});

export const verificationSchema = z
  .object({
    assessmentId: id,
    decision: z.enum(["VERIFIED", "REJECTED"], { error: "Verify or reject" }),
    reason: z
      .string()
      .trim()
      .max(1000, { error: "The reason must be at most 1000 characters" })
      .optional()
      .transform((v) => v || null),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "REJECTED" && (!v.reason || v.reason.length < 5))
      ctx.addIssue({ code: "custom", path: ["reason"], message: "Say why you reject it (at least 5 characters)" });
  });

export { validateMeasurement };
