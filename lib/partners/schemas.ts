import { z } from "zod";
import { PARTNER_STATUSES } from "./lifecycle";
import { optionalWebUrl } from "@/lib/validation/web-url";

export const PARTNER_TYPES = [
  "DELIVERY",
  "INSTALLER",
  "RESELLER",
  "RETAILER",
  "SERVICE",
  "HOST",
  "CURBSIDE",
  "OTHER",
] as const;
export const PARTNER_TIERS = ["REGISTERED", "SILVER", "GOLD", "PLATINUM"] as const;

export const PARTNER_TYPE_LABELS: Record<(typeof PARTNER_TYPES)[number], string> = {
  DELIVERY: "Delivery",
  INSTALLER: "Installer",
  RESELLER: "Reseller",
  RETAILER: "Retailer",
  SERVICE: "Service",
  HOST: "Host",
  CURBSIDE: "Curbside",
  OTHER: "Other",
};
export const PARTNER_TIER_LABELS: Record<(typeof PARTNER_TIERS)[number], string> = {
  REGISTERED: "Registered",
  SILVER: "Silver",
  GOLD: "Gold",
  PLATINUM: "Platinum",
};

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label} must be at most ${max} characters` })
    .optional()
    .transform((v) => v || null);

const optionalDate = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`))), {
      error: `${label} must be a date (YYYY-MM-DD)`,
    })
    .transform((v) => (v ? new Date(`${v}T00:00:00Z`) : null));

/** The one http(s)-only URL rule (lib/validation/web-url.ts), also used by the CSV import. */
export const optionalUrl = optionalWebUrl;

/** Create/edit form of a partner (its profile and primary contact). */
export const partnerSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(2, { error: "Enter the partner's name (at least 2 characters)" })
      .max(120, { error: "The name must be at most 120 characters" }),
    type: z.enum(PARTNER_TYPES, { error: "Choose a partner type" }),
    tier: z.enum(PARTNER_TIERS, { error: "Choose a tier" }),
    region: z
      .string()
      .trim()
      .min(2, { error: "Enter the region the partner serves" })
      .max(80, { error: "The region must be at most 80 characters" }),
    contractStart: optionalDate("The contract start"),
    contractEnd: optionalDate("The contract end"),
    website: optionalUrl("The website"),
    description: optionalText(2000, "The description"),
    contactName: optionalText(120, "The contact name"),
    contactEmail: z
      .string()
      .trim()
      .toLowerCase()
      .optional()
      .refine((v) => !v || z.email().safeParse(v).success, { error: "Enter a valid e-mail address for the contact" })
      .transform((v) => v || null),
    contactPhone: optionalText(40, "The contact phone"),
  })
  .superRefine((v, ctx) => {
    if (v.contractStart && v.contractEnd && v.contractEnd < v.contractStart)
      ctx.addIssue({ code: "custom", path: ["contractEnd"], message: "The contract cannot end before it starts" });
    if ((v.contactEmail || v.contactPhone) && !v.contactName)
      ctx.addIssue({ code: "custom", path: ["contactName"], message: "Enter the contact's name" });
  });

export type PartnerInput = z.input<typeof partnerSchema>;
export type PartnerData = z.output<typeof partnerSchema>;

export const transitionSchema = z.object({
  partnerId: z.string().min(1).max(64),
  to: z.enum(PARTNER_STATUSES, { error: "Choose the new status" }),
  reason: z
    .string()
    .trim()
    .min(5, { error: "Give a reason (at least 5 characters)" })
    .max(1000, { error: "The reason must be at most 1000 characters" }),
});

export const alignmentAnswersSchema = z.object({
  partnerId: z.string().min(1).max(64),
  answers: z
    .array(
      z.object({
        questionId: z.string().min(1).max(64),
        rating: z
          .number({ error: "Rate every question from 0 to 5" })
          .int({ error: "A rating must be a whole number from 0 to 5" })
          .min(0, { error: "A rating must be a whole number from 0 to 5" })
          .max(5, { error: "A rating must be a whole number from 0 to 5" }),
      }),
    )
    .min(1, { error: "Answer at least one question" })
    .max(100),
});

export const alignmentQuestionSchema = z.object({
  text: z
    .string()
    .trim()
    .min(5, { error: "Write the question (at least 5 characters)" })
    .max(300, { error: "The question must be at most 300 characters" }),
  weight: z
    .number({ error: "The weight must be a number" })
    .gt(0, { error: "The weight must be greater than 0" })
    .max(100, { error: "The weight must be at most 100" }),
  active: z.boolean().default(true),
});
