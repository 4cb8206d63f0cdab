import { z } from "zod";
import { optionalWebUrl } from "@/lib/validation/web-url";
import { PLAN_METRICS } from "./progress";

// The inputs of every plan operation (server actions and the API validate with these).

const id = (what: string) =>
  z
    .string({ error: `Choose ${what}.` })
    .min(1, `Choose ${what}.`)
    .max(64);

export const openFromScorecardSchema = z.object({ scorecardId: id("a scorecard") });

export const openFromPatternSchema = z.object({
  partnerId: id("a partner"),
  touchpointId: id("a touchpoint"),
  rootCause: z.string().trim().min(1, "Name the root cause the incidents share.").max(2000),
});

const optionalNumber = (label: string) =>
  z
    .union([z.number(), z.string()], { error: `${label} must be a number, e.g. 65.` })
    .nullish()
    .transform((v, ctx) => {
      if (v === undefined || v === null || v === "") return null;
      const n = typeof v === "number" ? v : Number(v);
      if (!Number.isFinite(n)) {
        ctx.addIssue({ code: "custom", message: `${label} must be a number, e.g. 65.` });
        return z.NEVER;
      }
      return n;
    });

/** The fields of a new action; `withStandardCheck` adds the rule that a standard metric names its standard. */
export const addActionFields = z.object({
  planId: id("a plan"),
  description: z
    .string()
    .trim()
    .min(3, "Describe the action in a few words.")
    .max(2000, "Keep the description under 2,000 characters."),
  /** "member:<membershipId>" or "contact:<contactId>". */
  owner: z
    .string({ error: "Choose who owns the action on the partner's side." })
    .regex(/^(member|contact):[\w-]{1,64}$/, "Choose who owns the action on the partner's side."),
  dueOn: z
    .string({ error: "Choose a due date." })
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Choose a due date (YYYY-MM-DD).")
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "Choose a real date."),
  metric: z.enum(PLAN_METRICS, { error: "Choose the score or standard this action should move." }),
  standardId: z.string().max(64).optional(),
  baseline: optionalNumber("The baseline"),
  // Without a target an action's movement cannot be judged, nor the plan verified on evidence of it.
  target: optionalNumber("The target").pipe(
    z.number({ error: "Enter the target: the value the metric should reach, e.g. 65." }),
  ),
});

export const withStandardCheck = <T extends z.ZodType<{ metric: string; standardId?: string }>>(schema: T) =>
  schema.refine((v) => v.metric !== "standard" || !!v.standardId, {
    message: "Choose the standard this action should move.",
    path: ["standardId"],
  });

export const addActionSchema = withStandardCheck(addActionFields);

export const planEventSchema = z.object({
  planId: id("a plan"),
  event: z.enum(["propose", "accept", "dispute", "start", "verify", "closeUnmet"], {
    error: "Choose what to do with the plan.",
  }),
  reason: z.string().trim().max(2000, "Keep the reason under 2,000 characters.").optional(),
});

export const actionStepSchema = z.object({
  actionId: id("an action"),
  step: z.enum(["markDone", "verify", "reopen"], { error: "Choose what to do with the action." }),
  note: z.string().trim().max(2000, "Keep the note under 2,000 characters.").optional(),
});

export const evidenceSchema = z.object({
  actionId: id("an action"),
  body: z
    .string({ error: "Describe the evidence." })
    .trim()
    .min(3, "Describe the evidence in a few words.")
    .max(4000, "Keep the evidence under 4,000 characters."),
  link: optionalWebUrl("The link"),
  markDone: z.boolean().optional(),
});
