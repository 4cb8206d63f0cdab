// Sample CSV files for each import kind, so a new workspace can try the whole path (import → recompute →
// scorecard) before its own data is ready. The rows fit the Delivery and Installer presets (partner types and
// touchpoint names) and are dated in the twelve months before the current one, so last month, the month the
// scorecards page opens on, has interactions. The same month gives the same file: re-importing creates nothing.

import { IMPORT_KINDS, type ImportKind } from "@/lib/import/kinds";
import { PRESETS } from "./presets";

export const SAMPLE_KINDS = IMPORT_KINDS;

const SAMPLE_PARTNERS = [
  { name: "Sample Swift Couriers", type: "DELIVERY", region: "North" },
  { name: "Sample Metro Express", type: "DELIVERY", region: "South" },
  { name: "Sample Pro Installers", type: "INSTALLER", region: "North" },
  { name: "Sample HomeFit Services", type: "INSTALLER", region: "South" },
] as const;

const CUSTOMERS = 60;
const DAY_MS = 86_400_000;

/** A small deterministic generator (the same file for the same month, whoever downloads it). */
function seeded(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const csvLine = (cells: (string | number)[]) =>
  cells.map((c) => (/[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : c)).join(",");

function monthAnchor(now: Date) {
  const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  const lastMonth = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1);
  const yearAgo = Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth(), 1);
  return { start, lastMonth, yearAgo, seed: now.getUTCFullYear() * 12 + now.getUTCMonth() };
}

const customerRef = (i: number) => `SAMPLE-C${String(i + 1).padStart(3, "0")}`;

/** Acquisition day of each sample customer: spread over the first nine of the twelve months. */
function acquisitions(now: Date): number[] {
  const { yearAgo, lastMonth, seed } = monthAnchor(now);
  const random = seeded(seed);
  const span = Math.floor(((lastMonth - yearAgo) / DAY_MS) * 0.75);
  return Array.from({ length: CUSTOMERS }, () => yearAgo + Math.floor(random() * span) * DAY_MS);
}

function partnersCsv(): string {
  const rows = SAMPLE_PARTNERS.map((p) => csvLine([p.name, p.type, p.region, "ACTIVE", "REGISTERED"]));
  return `${[csvLine(["name", "type", "region", "status", "tier"]), ...rows].join("\n")}\n`;
}

function customersCsv(now: Date): string {
  const acquired = acquisitions(now);
  const rows = acquired.map((day, i) =>
    csvLine([
      customerRef(i),
      isoDay(day),
      i % 5 === 0 ? "B2B" : "B2C",
      `Sample customer ${i + 1}`,
      SAMPLE_PARTNERS[i % 4].name,
    ]),
  );
  return `${[csvLine(["customer_id", "acquired_at", "segment", "name", "acquiring_partner"]), ...rows].join("\n")}\n`;
}

function transactionsCsv(now: Date): string {
  const { start, seed } = monthAnchor(now);
  const random = seeded(seed + 1);
  const rows: string[] = [];
  acquisitions(now).forEach((firstDay, i) => {
    // A first purchase on the acquisition day, then 0–5 repeat purchases before this month: enough spread in
    // frequency and recency for the BG/NBD fit.
    const repeats = Math.floor(random() * 6);
    const days = [
      firstDay,
      ...Array.from(
        { length: repeats },
        () => firstDay + Math.floor(random() * ((start - firstDay) / DAY_MS)) * DAY_MS,
      ),
    ];
    days
      .sort((a, b) => a - b)
      .forEach((day, n) => {
        const revenue = Math.round((40 + random() * 260) * 100) / 100;
        const partner = SAMPLE_PARTNERS[(i + n) % 4].name;
        rows.push(
          csvLine([
            `SAMPLE-T${String(rows.length + 1).padStart(4, "0")}`,
            customerRef(i),
            isoDay(day),
            revenue.toFixed(2),
            (revenue * 0.3).toFixed(2),
            partner,
            "ONLINE",
          ]),
        );
      });
  });
  return `${[
    csvLine(["transaction_id", "customer_id", "date", "revenue", "margin", "serving_partner", "channel"]),
    ...rows,
  ].join("\n")}\n`;
}

function interactionsCsv(now: Date): string {
  const { start, lastMonth, seed } = monthAnchor(now);
  const random = seeded(seed + 2);
  const touchpointsOf = (type: "DELIVERY" | "INSTALLER") => PRESETS[type].touchpoints.map((t) => t.name);
  const rows: string[] = [];
  const days = (start - lastMonth) / DAY_MS;
  SAMPLE_PARTNERS.forEach((partner, p) => {
    // Each partner serves differently well, so the scorecards differ.
    const quality = 0.95 - p * 0.08;
    for (const touchpoint of touchpointsOf(partner.type)) {
      for (let k = 0; k < 15; k++) {
        const roll = random();
        const outcome = roll < quality ? "SUCCESS" : roll < quality + 0.04 ? "PARTIAL" : "FAILURE";
        const csat =
          outcome === "SUCCESS" ? 4 + Math.round(random()) : outcome === "PARTIAL" ? 3 : 1 + Math.round(random());
        const nps = Math.min(10, csat * 2 + Math.round(random()));
        const day = lastMonth + Math.floor(random() * days) * DAY_MS;
        const customer = customerRef(Math.floor(random() * CUSTOMERS));
        rows.push(
          csvLine([
            `SAMPLE-I${String(rows.length + 1).padStart(4, "0")}`,
            partner.name,
            touchpoint,
            isoDay(day),
            outcome,
            csat,
            nps,
            customer,
          ]),
        );
      }
    }
  });
  return `${[
    csvLine(["interaction_id", "partner", "touchpoint", "date", "outcome", "csat", "nps", "customer_id"]),
    ...rows,
  ].join("\n")}\n`;
}

/** The sample file of one import kind, for the month of `now`. */
export function sampleCsv(kind: ImportKind, now = new Date()): string {
  switch (kind) {
    case "partners":
      return partnersCsv();
    case "customers":
      return customersCsv(now);
    case "transactions":
      return transactionsCsv(now);
    case "interactions":
      return interactionsCsv(now);
  }
}

export const sampleFileName = (kind: ImportKind) => `steward-sample-${kind}.csv`;
