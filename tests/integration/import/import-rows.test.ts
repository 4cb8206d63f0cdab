import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import { createPartner, createTenantWithOwner, createTouchpoint } from "@/lib/seed/factories";
import { detectDelimiter, parseDelimited } from "@/lib/import/csv";
import { contentKeys, guessMapping, type ImportKind } from "@/lib/import/kinds";
import { importRows, MAX_IMPORT_BATCH, type BatchResult, type ImportRow } from "@/lib/import/import-rows";

let database: TestDatabase;
let tenantId = "";

beforeAll(async () => {
  database = await createTestDatabase();
  tenantId = (await createTenantWithOwner({ slug: "acme" })).tenant.id;
  await withTenant({ tenantId }, async (db) => {
    await createPartner(db, tenantId, { name: "Swift Couriers", type: "DELIVERY" });
    await createTouchpoint(db, tenantId, { name: "Delivery" });
  });
});
afterAll(() => database.close());

/** What the import page does: parse, map by header (or the given mapping), key rows, send batches. */
async function importText(kind: ImportKind, text: string, mapping?: Record<string, number | null>, options = {}) {
  const table = parseDelimited(text, detectDelimiter(text));
  const header = mapping ? null : table[0];
  const map = mapping ?? guessMapping(kind, header!);
  const body = mapping ? table : table.slice(1);
  const firstRow = mapping ? 1 : 2;
  const values = body.map((cells) =>
    Object.fromEntries(Object.entries(map).flatMap(([k, i]) => (i === null ? [] : [[k, cells[i] ?? ""]]))),
  );
  const keys = contentKeys(values);
  const rows: ImportRow[] = values.map((v, i) => ({ row: firstRow + i, values: v, key: keys[i] }));
  const total: BatchResult = { created: 0, existing: 0, errors: [] };
  for (let i = 0; i < rows.length; i += MAX_IMPORT_BATCH) {
    const r = await withTenant({ tenantId }, (db) =>
      importRows(db, tenantId, kind, rows.slice(i, i + MAX_IMPORT_BATCH), options),
    );
    total.created += r.created;
    total.existing += r.existing;
    total.errors.push(...r.errors);
  }
  return total;
}

const counts = () =>
  withTenant({ tenantId }, async (db) => ({
    partners: await db.partner.count(),
    customers: await db.customer.count(),
    transactions: await db.transaction.count(),
    interactions: await db.interaction.count(),
  }));

describe("CSV import", () => {
  it("imports partners, reports each bad row with its row number and field, and skips known names on re-import", async () => {
    const csv =
      'Name,Type,Region,Status,Website\n"Acme Installs, Ltd",installer,North,active,https://acme.example\nBad Type Co,PLUMBER,South,,\n,DELIVERY,East,,\nSwift Couriers,DELIVERY,West,,\n';
    const first = await importText("partners", csv);
    expect(first).toEqual({
      created: 1,
      existing: 1,
      errors: [
        {
          row: 3,
          field: "Type",
          message: "“PLUMBER” is not one of DELIVERY, INSTALLER, RESELLER, RETAILER, SERVICE, HOST, CURBSIDE, OTHER.",
        },
        { row: 4, field: "Name", message: "Required, but empty." },
      ],
    });
    const again = await importText("partners", csv);
    expect(again.created).toBe(0);
    expect((await counts()).partners).toBe(2);
    const acme = await withTenant({ tenantId }, (db) =>
      db.partner.findFirst({ where: { name: "Acme Installs, Ltd" } }),
    );
    expect(acme).toMatchObject({
      type: "INSTALLER",
      status: "ACTIVE",
      region: "North",
      website: "https://acme.example",
    });
  });

  it("imports the CDNOW sample as customers and transactions; re-importing creates no duplicates", async () => {
    const text = readFileSync("/work/shared/data/cdnow/CDNOW_sample.txt", "utf8");
    expect(detectDelimiter(text)).toBe("whitespace");
    const lines = parseDelimited(text, "whitespace");
    const customerIds = new Set(lines.map((l) => l[0]));
    // Columns: master id, sample id, YYYYMMDD, number of CDs, dollars.
    const customers = await importText("customers", text, { externalRef: 0, acquiredAt: 2 });
    expect(customers.errors).toEqual([]);
    expect(customers.created).toBe(customerIds.size);
    const transactions = await importText(
      "transactions",
      text,
      { customerRef: 0, occurredAt: 2, revenue: 4 },
      { marginPercent: 30 },
    );
    expect(transactions.errors).toEqual([]);
    expect(transactions.created).toBe(lines.length);
    const before = await counts();
    expect(before.customers).toBe(customerIds.size);
    expect(before.transactions).toBe(lines.length);

    const customersAgain = await importText("customers", text, { externalRef: 0, acquiredAt: 2 });
    const transactionsAgain = await importText(
      "transactions",
      text,
      { customerRef: 0, occurredAt: 2, revenue: 4 },
      { marginPercent: 30 },
    );
    expect(customersAgain.created + transactionsAgain.created).toBe(0);
    expect(transactionsAgain.existing).toBe(lines.length);
    expect(await counts()).toEqual(before);

    // Spot checks: the first customer's acquisition is their first purchase; revenue and margin.
    const first = lines[0];
    const { customer, revenue } = await withTenant({ tenantId }, async (db) => {
      const customer = await db.customer.findFirst({ where: { externalRef: first[0] } });
      const agg = await db.transaction.aggregate({
        where: { customerId: customer!.id },
        _sum: { revenue: true, margin: true },
      });
      return { customer, revenue: agg._sum };
    });
    expect(customer!.acquiredAt.toISOString().slice(0, 10)).toBe(
      `${first[2].slice(0, 4)}-${first[2].slice(4, 6)}-${first[2].slice(6, 8)}`,
    );
    const expected = lines.filter((l) => l[0] === first[0]).reduce((s, l) => s + Number(l[4]), 0);
    expect(Number(revenue.revenue)).toBeCloseTo(expected, 2);
    expect(Number(revenue.margin)).toBeCloseTo(expected * 0.3, 1);
  });

  it("keeps identical purchases on one day as two transactions, and reports unknown customers", async () => {
    const csv =
      "customer_id,date,amount\n00004,1997-03-01,10.00\n00004,1997-03-01,10.00\nnobody,1997-03-01,5\n00004,1997-02-30,5\n00004,1997-03-02,abc\n";
    const result = await importText("transactions", csv);
    expect(result.created).toBe(2);
    expect(result.errors).toEqual([
      { row: 4, field: "Customer reference", message: "No customer with reference “nobody”; import customers first." },
      { row: 5, field: "Date", message: "“1997-02-30” is not a date (use YYYY-MM-DD, an ISO date-time, or YYYYMMDD)." },
      { row: 6, field: "Revenue", message: "“abc” is not an amount." },
    ]);
    expect((await importText("transactions", csv)).created).toBe(0);
  });

  it("imports interactions by partner and touchpoint name, with references de-duplicating", async () => {
    const csv = [
      "partner;touchpoint;date;outcome;csat;nps;customer_id;interaction_id",
      "Swift Couriers;Delivery;2026-03-01T10:00:00Z;success;5;9;00004;i-1",
      "Swift Couriers;Delivery;2026-03-02;PARTIAL;;;;i-2",
      "Nobody;Delivery;2026-03-02;FAILURE;7;;;i-3",
      "Swift Couriers;Delivery;2026-03-02;FAILURE;;;;i-1",
    ].join("\n");
    const result = await importText("interactions", csv);
    expect(result).toEqual({
      created: 2,
      existing: 1,
      errors: [
        { row: 4, field: "Partner", message: "No partner named “Nobody”." },
        { row: 4, field: "CSAT", message: "Use a whole number from 1 to 5." },
      ],
    });
    expect((await importText("interactions", csv)).created).toBe(0);
    expect((await counts()).interactions).toBe(2);
  });
});

describe("partner websites in an import (issue 13, finding 9)", () => {
  it("refuses javascript:, data: and other non-web URLs by the form's rule, and stores an https one", async () => {
    const bad = [
      "javascript:alert(document.cookie)",
      "JavaScript:alert(1)",
      "data:text/html;base64,PHNjcmlwdD4=",
      "vbscript:x",
      "//evil.example",
      "https:evil",
    ];
    const csv = [
      "Name,Type,Region,Website",
      ...bad.map((url, i) => `Link Co ${i},DELIVERY,North,"${url}"`),
      "Good Link Co,DELIVERY,North,https://good.example/about",
    ].join("\n");
    const result = await importText("partners", csv);
    expect(result.created).toBe(1);
    expect(result.errors).toHaveLength(bad.length);
    for (const [i, error] of result.errors.entries())
      expect(error).toEqual({
        row: i + 2,
        field: "Website",
        message: expect.stringMatching(/is not a web address: use one starting with http:\/\/ or https:\/\/\.$/),
      });
    const stored = await withTenant({ tenantId }, (db) =>
      db.partner.findMany({ where: { name: { startsWith: "Link Co" } } }),
    );
    expect(stored).toEqual([]);
    const good = await withTenant({ tenantId }, (db) => db.partner.findFirst({ where: { name: "Good Link Co" } }));
    expect(good?.website).toBe("https://good.example/about");
  });
});
