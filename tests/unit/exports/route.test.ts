import { describe, expect, it } from "vitest";
import type { Access } from "@/lib/auth/access";
import { csvDownload, exportRoute, queryFields, type ExportQueryReader } from "@/lib/exports/route";

// The steps every export route shares (scorecards, incentives, customers to save): access, query, download.

const access = {
  user: { id: "u1", email: "steward@example.com", name: "Steward", sessionId: "s1" },
  tenant: { id: "t1", slug: "acme", name: "Acme", timezone: "UTC", currency: "USD" },
  membership: { id: "m1", role: "STEWARD", partnerId: null },
  partner: null,
} satisfies Access;

const monthOnly: ExportQueryReader<string> = (url) => {
  const month = url.searchParams.get("month");
  return month ? { query: month } : { refused: "Choose a month (YYYY-MM)." };
};
const echo = async (who: Access, query: unknown) => csvDownload(`${who.tenant.slug} ${JSON.stringify(query)}`, "x.csv");

describe("exportRoute", () => {
  it("answers a caller without access 401, 403 or 404 before reading the query", async () => {
    const request = new Request("http://app/t/acme/x/export");
    const status = async (denied: "signed-out" | "forbidden" | "not-found") =>
      (await exportRoute(request, { ok: false, denied }, monthOnly, echo)).status;
    expect([await status("signed-out"), await status("forbidden"), await status("not-found")]).toEqual([401, 403, 404]);
  });

  it("answers a refused query 400 with the reader's reason, and passes a read one to the download", async () => {
    const refused = await exportRoute(new Request("http://app/x"), { ok: true, access }, monthOnly, echo);
    expect([refused.status, await refused.text()]).toEqual([400, "Choose a month (YYYY-MM)."]);
    const ok = await exportRoute(new Request("http://app/x?month=2026-07"), { ok: true, access }, monthOnly, echo);
    expect([ok.status, await ok.text()]).toEqual([200, 'acme "2026-07"']);
  });

  it("hands a query that cannot be wrong over field by field", async () => {
    const response = await exportRoute(
      new Request("http://app/x?sort=drop&page=2"),
      { ok: true, access },
      queryFields,
      echo,
    );
    expect(await response.text()).toBe('acme {"sort":"drop","page":"2"}');
  });
});

describe("csvDownload", () => {
  it("is a CSV attachment under the given name that no cache keeps", async () => {
    const response = csvDownload("a,b\r\n", "Customers-to-save-Acme.csv");
    expect(Object.fromEntries(response.headers)).toEqual({
      "cache-control": "private, no-store",
      "content-disposition": 'attachment; filename="Customers-to-save-Acme.csv"',
      "content-type": "text/csv; charset=utf-8",
    });
    expect(await response.text()).toBe("a,b\r\n");
  });
});
