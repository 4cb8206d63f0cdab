import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import { createPartner, createTenantWithOwner } from "@/lib/seed/factories";
import { computeMonth, publishMonth } from "@/lib/scorecards/compute";
import { EXPORT_JOB, runExportJob, storedExportFile } from "@/lib/scorecards/export-job";
import { exportResponse } from "@/lib/scorecards/export-response";

// Issue 13, finding 8: a partner named "SEC;=1+1;x" must stay one quoted cell in every CSV export
// (steward download, partner portal download and the stored export of a published month),
// because Excel in ;-separated locales evaluated the unquoted "=1+1".

const MONTH = new Date(Date.UTC(2026, 8, 1));
const NOW = new Date(Date.UTC(2026, 10, 23, 12));
let database: TestDatabase;
let tenantId = "";
let semicolonPartnerId = "";

beforeAll(async () => {
  database = await createTestDatabase();
  const { tenant, owner } = await createTenantWithOwner({ slug: "separators" });
  tenantId = tenant.id;
  await withTenant({ tenantId }, async (db) => {
    semicolonPartnerId = (await createPartner(db, tenantId, { name: "SEC;=1+1;x", type: "DELIVERY" })).id;
    await createPartner(db, tenantId, { name: "+Tab\tPartner", type: "INSTALLER" });
  });
  const inTenant = <T>(work: Parameters<typeof withTenant<T>>[1]) =>
    withTenant({ tenantId }, work, { timeoutMs: 120_000 });
  await inTenant((db) => computeMonth(db, tenantId, MONTH, NOW));
  await inTenant((db) => publishMonth(db, tenantId, MONTH, owner.user.id, NOW));
}, 120_000);
afterAll(() => database?.close());

const args = { tenantId: "", tenantSlug: "separators", tenantName: "Separators", month: MONTH, format: "csv" as const };

function expectSafeCells(csv: string) {
  expect(csv).toContain('"SEC;=1+1;x"');
  expect(csv).not.toMatch(/(^|[^"])SEC;=1\+1;x/m);
}

describe("CSV exports with separators of other locales in a partner name", () => {
  it("the steward's download quotes them and defuses a leading formula", async () => {
    const response = await withTenant({ tenantId }, (db) => exportResponse(db, { ...args, tenantId }), {
      timeoutMs: 120_000,
    });
    const csv = await response.text();
    expectSafeCells(csv);
    expect(csv).toContain(`"'+Tab\tPartner"`);
  });

  it("the partner portal's download quotes them", async () => {
    const response = await withTenant({ tenantId, partnerId: semicolonPartnerId }, (db) =>
      exportResponse(db, { ...args, tenantId, partnerId: semicolonPartnerId, partnerName: "SEC;=1+1;x" }),
    );
    const csv = await response.text();
    expectSafeCells(csv);
    expect(csv).not.toContain("Tab\tPartner");
  });

  it("the stored export of the published month quotes them", async () => {
    const job = await withTenant({ tenantId }, (db) =>
      db.job.findFirstOrThrow({ where: { tenantId, kind: EXPORT_JOB } }),
    );
    expect(await runExportJob(tenantId, job.id)).toEqual({ status: "SUCCEEDED", error: null });
    const file = await withTenant({ tenantId }, (db) => storedExportFile(db, tenantId, MONTH, "csv"));
    const csv = Buffer.from(file!.content).toString("utf8");
    expectSafeCells(csv);
    expect(csv).toContain(`"'+Tab\tPartner"`);
  });
});
