// Typical touchpoints and experience standards per partner type: what a new workspace can create in one click
// (lib/onboarding/apply-preset.ts). Plain data, shared by the setup page and the server.

import type { MetricKind, Comparator } from "@/lib/standards/evaluate";

export const PRESET_TYPES = ["DELIVERY", "INSTALLER", "RESELLER", "SERVICE"] as const;
export type PresetType = (typeof PRESET_TYPES)[number];

type Channel = "ONLINE" | "STORE" | "PHONE" | "FIELD";
type Severity = "CRITICAL" | "HIGH" | "MEDIUM" | "LOW";

type PresetStandard = {
  name: string;
  metricKind: MetricKind;
  comparator: Comparator;
  target: number;
  unit: string | null;
  weight: number;
  severity: Severity;
};

type PresetTouchpoint = {
  name: string;
  description: string;
  stage: "attract" | "connect" | "engage" | "convert";
  channel: Channel;
  isMomentOfTruth: boolean;
  standards: PresetStandard[];
};

export type Preset = { type: PresetType; label: string; summary: string; touchpoints: PresetTouchpoint[] };

const pct = (name: string, target: number, severity: Severity, weight = 1): PresetStandard => ({
  name,
  metricKind: "PERCENTAGE",
  comparator: "GTE",
  target,
  unit: "%",
  weight,
  severity,
});
const rating = (name: string, target: number, severity: Severity, weight = 1): PresetStandard => ({
  name,
  metricKind: "RATING",
  comparator: "GTE",
  target,
  unit: "/5",
  weight,
  severity,
});
const minutes = (name: string, target: number, severity: Severity, weight = 1): PresetStandard => ({
  name,
  metricKind: "DURATION",
  comparator: "LTE",
  target,
  unit: null,
  weight,
  severity,
});

export const PRESETS: Record<PresetType, Preset> = {
  DELIVERY: {
    type: "DELIVERY",
    label: "Delivery partners",
    summary: "Couriers who bring the order to the customer's door.",
    touchpoints: [
      {
        name: "Delivery slot booking",
        description: "The customer picks a delivery window.",
        stage: "connect",
        channel: "ONLINE",
        isMomentOfTruth: false,
        standards: [pct("Slot offered within 48 hours", 90, "MEDIUM")],
      },
      {
        name: "Doorstep delivery",
        description: "The order is handed over at the door.",
        stage: "engage",
        channel: "FIELD",
        isMomentOfTruth: true,
        standards: [
          pct("On-time delivery", 95, "HIGH", 2),
          pct("Delivered undamaged", 99, "HIGH"),
          rating("Delivery CSAT", 4.5, "MEDIUM"),
        ],
      },
    ],
  },
  INSTALLER: {
    type: "INSTALLER",
    label: "Installers",
    summary: "Technicians who set up the product at the customer's home or site.",
    touchpoints: [
      {
        name: "Installation appointment",
        description: "The installer confirms a visit time.",
        stage: "connect",
        channel: "PHONE",
        isMomentOfTruth: false,
        standards: [minutes("Confirmation call within 4 hours", 240, "MEDIUM")],
      },
      {
        name: "Installation visit",
        description: "The product is installed and explained.",
        stage: "engage",
        channel: "FIELD",
        isMomentOfTruth: true,
        standards: [
          pct("First-time fix", 90, "HIGH", 2),
          pct("Arrival within the booked window", 95, "MEDIUM"),
          rating("Installation CSAT", 4.5, "MEDIUM"),
        ],
      },
    ],
  },
  RESELLER: {
    type: "RESELLER",
    label: "Resellers and retailers",
    summary: "Shops and dealers who advise, sell and support.",
    touchpoints: [
      {
        name: "In-store advice",
        description: "A salesperson helps the customer choose.",
        stage: "attract",
        channel: "STORE",
        isMomentOfTruth: false,
        standards: [rating("Advice CSAT", 4.3, "MEDIUM"), pct("Staff product-trained", 100, "LOW")],
      },
      {
        name: "Purchase and handover",
        description: "The sale, payment and handover of the product.",
        stage: "convert",
        channel: "STORE",
        isMomentOfTruth: true,
        standards: [pct("Order accuracy", 98, "HIGH", 2), rating("Checkout CSAT", 4.5, "MEDIUM")],
      },
    ],
  },
  SERVICE: {
    type: "SERVICE",
    label: "Service and support",
    summary: "Call centres and repair services who help after the sale.",
    touchpoints: [
      {
        name: "Support request",
        description: "The customer asks for help by phone or online.",
        stage: "engage",
        channel: "PHONE",
        isMomentOfTruth: true,
        standards: [
          minutes("First response within 2 hours", 120, "HIGH", 2),
          pct("Resolved on first contact", 75, "MEDIUM"),
        ],
      },
      {
        name: "Repair or replacement",
        description: "A faulty product is repaired or replaced.",
        stage: "convert",
        channel: "FIELD",
        isMomentOfTruth: false,
        standards: [pct("Repaired within 5 days", 90, "MEDIUM"), rating("Repair CSAT", 4.4, "MEDIUM")],
      },
    ],
  },
};

/** Partner types a preset's touchpoints suit (resellers and retailers share one preset). */
export const PRESET_PARTNER_TYPES: Record<PresetType, string[]> = {
  DELIVERY: ["DELIVERY", "CURBSIDE"],
  INSTALLER: ["INSTALLER"],
  RESELLER: ["RESELLER", "RETAILER"],
  SERVICE: ["SERVICE"],
};
