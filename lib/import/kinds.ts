// What can be imported, and the fields of each kind. Plain data, shared by the import page (in the
// browser) and the server.

export const IMPORT_KINDS = ["partners", "customers", "transactions", "interactions"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** Rows per batch the import page sends (and the server accepts at most). */
export const MAX_IMPORT_BATCH = 1000;

export type ImportField = { key: string; label: string; required: boolean; hint: string; aliases: string[] };

const f = (key: string, label: string, required: boolean, hint: string, aliases: string[] = []): ImportField => ({
  key,
  label,
  required,
  hint,
  aliases,
});

export const IMPORT_FIELDS: Record<ImportKind, ImportField[]> = {
  partners: [
    f("name", "Name", true, "Unique in the workspace; an existing name is skipped", [
      "partner",
      "partner name",
      "company",
    ]),
    f("type", "Type", true, "DELIVERY, INSTALLER, RESELLER, RETAILER, SERVICE, HOST, CURBSIDE or OTHER"),
    f("region", "Region", true, "e.g. North, Benelux"),
    f("status", "Status", false, "PROSPECT (default), VETTING, ACTIVE, PROBATION, OFFBOARDED"),
    f("tier", "Tier", false, "REGISTERED (default), SILVER, GOLD, PLATINUM"),
    f("website", "Website", false, "https://…", ["url"]),
  ],
  customers: [
    f("externalRef", "Customer reference", true, "Your id for the customer; re-imports update nothing twice", [
      "customer_id",
      "customer id",
      "customer",
      "id",
      "ref",
      "external_ref",
    ]),
    f("acquiredAt", "Acquired on", true, "Date of the first purchase (YYYY-MM-DD or YYYYMMDD); the earliest wins", [
      "date",
      "acquired",
      "first purchase",
      "acquired_at",
    ]),
    f("segment", "Segment", false, "B2C (default) or B2B"),
    f("name", "Name", false, ""),
    f("email", "E-mail", false, ""),
    f("acquiringPartner", "Acquiring partner", false, "Partner name or id", ["partner"]),
  ],
  transactions: [
    f("customerRef", "Customer reference", true, "The customer's reference (imported as customers first)", [
      "customer_id",
      "customer id",
      "customer",
      "customer_ref",
    ]),
    f("occurredAt", "Date", true, "YYYY-MM-DD, an ISO date-time, or YYYYMMDD", [
      "date",
      "occurred_at",
      "purchase date",
    ]),
    f("revenue", "Revenue", true, "Amount, e.g. 29.33", ["dollar_value", "amount", "value", "total"]),
    f("margin", "Margin", false, "Amount; when absent, the margin % below is applied"),
    f("servingPartner", "Serving partner", false, "Partner name or id", ["partner"]),
    f("channel", "Channel", false, "ONLINE, STORE, PHONE or FIELD"),
    f(
      "externalRef",
      "Transaction reference",
      false,
      "Your id; when absent, identical rows are told apart by their content",
      ["transaction_id", "order id", "order_id", "ref"],
    ),
  ],
  interactions: [
    f("partner", "Partner", true, "Partner name or id", ["partner name", "partner_id"]),
    f("touchpoint", "Touchpoint", true, "Touchpoint name or id", ["touchpoint_id"]),
    f("occurredAt", "Date", true, "YYYY-MM-DD, an ISO date-time, or YYYYMMDD", ["date", "occurred_at"]),
    f("outcome", "Outcome", true, "SUCCESS, PARTIAL or FAILURE"),
    f("csat", "CSAT", false, "1–5"),
    f("nps", "NPS", false, "0–10"),
    f("customerRef", "Customer reference", false, "The customer's reference", [
      "customer_id",
      "customer",
      "customer_ref",
    ]),
    f(
      "externalRef",
      "Interaction reference",
      false,
      "Your id; when absent, identical rows are told apart by their content",
      ["interaction_id", "ref", "id"],
    ),
  ],
};

export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  partners: "Partners",
  customers: "Customers",
  transactions: "Transactions",
  interactions: "Interactions",
};

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");

/** Column index per field, guessed from the header row (exact key, label or alias, ignoring case and punctuation). */
export function guessMapping(kind: ImportKind, header: string[]): Record<string, number | null> {
  const columns = header.map(norm);
  const mapping: Record<string, number | null> = {};
  const used = new Set<number>();
  for (const field of IMPORT_FIELDS[kind]) {
    const names = [field.key, field.label, ...field.aliases].map(norm);
    const index = columns.findIndex((c, i) => !used.has(i) && names.includes(c));
    mapping[field.key] = index >= 0 ? index : null;
    if (index >= 0) used.add(index);
  }
  return mapping;
}

/** Whether the first row looks like a header: it names at least one field of the kind. */
export function looksLikeHeader(kind: ImportKind, firstRow: string[]): boolean {
  return Object.values(guessMapping(kind, firstRow)).some((v) => v !== null);
}

/**
 * For rows without their own reference: a key from the row's mapped values plus how many identical
 * rows came before it in the file, so re-importing the same file yields the same keys (and CDNOW's
 * two identical purchases on one day stay two purchases).
 */
export function contentKeys(rows: Record<string, string>[]): string[] {
  const seen = new Map<string, number>();
  return rows.map((row) => {
    const base = Object.keys(row)
      .sort()
      .map((k) => `${k}=${row[k]}`)
      .join("\u001f");
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return `${base}\u001f#${n}`;
  });
}
