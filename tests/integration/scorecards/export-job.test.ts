import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../setup/test-db";
import { withTenant } from "@/lib/db/scope";
import { addMember, createPartner, createTenantWithOwner, createUser } from "@/lib/seed/factories";
import { computeMonth, publishMonth } from "@/lib/scorecards/compute";
import { EXPORT_JOB, monthExports, runExportJob, storedExportFile } from "@/lib/scorecards/export-job";
import { queueJobState } from "@/lib/jobs/job-rows";
import { startJobWorker } from "@/lib/jobs/worker";

// Publishing a month queues the scorecards.export job in the publishing transaction; the job renders the
// month's CSV and PDF from the PUBLISHED cards and stores them (stewards only); the job worker runs what
// publishing queued.

const SEPT = new Date(Date.UTC(2026, 8, 1));
const AUG = new Date(Date.UTC(2026, 7, 1));
const NOW = new Date(Date.UTC(2026, 10, 23, 12));

let database: TestDatabase;
let tenantId = "";
let ownerId = "";
let partnerId = "";

beforeAll(async () => {
  database = await createTestDatabase();
  const { tenant, owner } = await createTenantWithOwner({ slug: "exports-co", name: "Exports & Co" });
  tenantId = tenant.id;
  ownerId = owner.user.id;
  const partnerUser = await createUser({ email: "admin@apex.test" });
  await withTenant({ tenantId }, async (db) => {
    const apex = await createPartner(db, tenantId, { name: "=Apex Couriers", type: "DELIVERY" });
    await createPartner(db, tenantId, { name: "Birch Installers", type: "INSTALLER" });
    partnerId = apex.id;
    await addMember(db, { tenantId, userId: partnerUser.user.id, role: "PARTNER_ADMIN", partnerId: apex.id });
  });
}, 120_000);

afterAll(async () => {
  await database?.close();
});

const inTenant = <T>(work: Parameters<typeof withTenant<T>>[1]) =>
  withTenant({ tenantId }, work, { timeoutMs: 120_000 });

describe("the scheduled export of a published month", () => {
  it("is queued by publishing, in the same transaction, and not by computing a draft", async () => {
    await inTenant((db) => computeMonth(db, tenantId, SEPT, NOW));
    expect(await inTenant((db) => db.job.count({ where: { tenantId, kind: EXPORT_JOB } }))).toBe(0);
    const { exportJobId } = await inTenant((db) => publishMonth(db, tenantId, SEPT, ownerId, NOW));
    const job = await inTenant((db) => db.job.findFirst({ where: { tenantId, id: exportJobId } }));
    expect(job).toMatchObject({
      kind: EXPORT_JOB,
      status: "QUEUED",
      input: { month: "2026-09" },
      createdById: ownerId,
    });
    // a failed publish leaves no job behind
    await expect(inTenant((db) => publishMonth(db, tenantId, SEPT, ownerId, NOW))).rejects.toThrow(/no draft/);
    expect(await inTenant((db) => db.job.count({ where: { tenantId, kind: EXPORT_JOB } }))).toBe(1);
  });

  it("writes the month's CSV and PDF and keeps them downloadable", async () => {
    const job = await inTenant((db) => db.job.findFirstOrThrow({ where: { tenantId, kind: EXPORT_JOB } }));
    const state = await runExportJob(tenantId, job.id);
    expect(state).toEqual({ status: "SUCCEEDED", error: null });

    const { files, job: latest } = await inTenant((db) => monthExports(db, tenantId, SEPT));
    expect(latest?.status).toBe("SUCCEEDED");
    expect(files.map((f) => [f.format, f.fileName, f.partners])).toEqual([
      ["csv", "scorecards-exports-co-2026-09.csv", 2],
      ["pdf", "scorecards-exports-co-2026-09.pdf", 2],
    ]);
    const csv = await inTenant((db) => storedExportFile(db, tenantId, SEPT, "csv"));
    const text = Buffer.from(csv!.content).toString("utf8");
    expect(csv!.contentType).toMatch(/^text\/csv/);
    expect(text.split("\r\n").filter(Boolean)).toHaveLength(3); // header + 2 partners
    expect(text).toContain("'=Apex Couriers"); // formula escaping survives storage
    expect(text).toContain("PUBLISHED");
    const pdf = await inTenant((db) => storedExportFile(db, tenantId, SEPT, "pdf"));
    expect(Buffer.from(pdf!.content).subarray(0, 5).toString()).toBe("%PDF-");
    expect(files.find((f) => f.format === "pdf")!.size).toBe(pdf!.content.length);

    // a job runs once: running it again claims nothing
    expect(await runExportJob(tenantId, job.id, { waitForCommit: false })).toBeNull();
  });

  it("is for stewards: a partner's transaction sees no stored export (it exports its own card on demand)", async () => {
    const seen = await withTenant({ tenantId, partnerId }, (db) =>
      db.scorecardExport.findMany({ where: { tenantId } }),
    );
    expect(seen).toEqual([]);
    const other = await createTenantWithOwner({ slug: "exports-other" });
    const foreign = await withTenant({ tenantId: other.tenant.id }, (db) => db.scorecardExport.findMany({}));
    expect(foreign).toEqual([]);
  });

  it("is run by the job worker from the queue, and replaces the month's previous files", async () => {
    await inTenant((db) => computeMonth(db, tenantId, SEPT, NOW));
    const { exportJobId } = await inTenant((db) => publishMonth(db, tenantId, SEPT, ownerId, NOW));
    expect((await queueJobState(exportJobId))?.state).toBe("created");
    const worker = await startJobWorker({ queues: ["scorecards.export"], threads: false, pollingIntervalSeconds: 0.5 });
    try {
      for (let i = 0; i < 300 && (await queueJobState(exportJobId))?.state !== "completed"; i++)
        await new Promise((r) => setTimeout(r, 100));
    } finally {
      await worker.stop();
    }
    expect((await queueJobState(exportJobId))?.state).toBe("completed");
    const job = await inTenant((db) => db.job.findFirstOrThrow({ where: { tenantId, id: exportJobId } }));
    expect(job.status).toBe("SUCCEEDED");
    const rows = await inTenant((db) =>
      db.scorecardExport.findMany({ where: { tenantId, month: SEPT }, select: { format: true, jobId: true } }),
    );
    expect(rows.map((r) => [r.format, r.jobId]).sort()).toEqual([
      ["csv", exportJobId],
      ["pdf", exportJobId],
    ]);
  });

  it("fails clearly for a month without published cards", async () => {
    await inTenant((db) => computeMonth(db, tenantId, AUG, NOW));
    const jobId = await inTenant(
      async (db) => (await db.job.create({ data: { tenantId, kind: EXPORT_JOB, input: { month: "2026-08" } } })).id,
    );
    expect(await runExportJob(tenantId, jobId)).toEqual({
      status: "FAILED",
      error: "The month has no published scorecards to export.",
    });
    expect((await inTenant((db) => monthExports(db, tenantId, AUG))).files).toEqual([]);
  });
});
