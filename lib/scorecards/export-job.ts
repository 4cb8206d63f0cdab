/**
 * The "scorecards.export" background job: publishing a month (publishMonth) queues it in the publishing
 * transaction; it then renders the month's portfolio CSV and PDF (every partner's PUBLISHED card) and stores
 * both in ScorecardExport (the latest per month and format is kept), so the published export stays
 * downloadable without re-rendering.
 *
 * The Job row carries what the page shows; the queue job of the same id (lib/jobs, queue "scorecards.export")
 * carries attempts and expiry: a worker that dies mid-render has its job expired and retried by the engine, and
 * a job out of attempts leaves the row FAILED (lib/jobs/job-rows.ts). The rendering happens outside any
 * transaction, in the worker's thread: one short transaction reads the cards, another writes the files.
 */
import { withTenant, type Db } from "@/lib/db/scope";
import { enqueue } from "@/lib/jobs/enqueue";
import type { JobContext } from "@/lib/jobs/types";
import { log } from "@/lib/log";
import { formatMonth, isMonthText, parseMonth } from "@/lib/months";
import { renderScorecardPdf } from "@/lib/scorecards/pdf/report";
import { parseTenantSettings } from "@/lib/tenants/settings";
import { exportFileName, scorecardCsv, scorecardExport } from "./export";

export const EXPORT_JOB = "scorecards.export";
/** A job RUNNING for longer than this died with its process: a direct run (seed, bench) may take it over. */
export const STALE_EXPORT_MS = 15 * 60_000;

export type ExportFormat = "csv" | "pdf";
export type StoredExport = { format: ExportFormat; fileName: string; size: number; partners: number; createdAt: Date };
export type ExportJobState = { status: "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED"; error: string | null } | null;

/** Queues the month's export in the publishing transaction (it runs only if that commits). Returns the job id. */
export async function enqueueMonthExport(
  db: Db,
  tenantId: string,
  month: Date,
  userId: string | null,
): Promise<string> {
  const job = await db.job.create({
    data: {
      tenantId,
      kind: EXPORT_JOB,
      status: "QUEUED",
      input: { month: formatMonth(month) },
      createdById: userId,
      message: "Queued",
    },
    select: { id: true },
  });
  await enqueue(db, EXPORT_JOB, { tenantId, jobId: job.id }, { id: job.id });
  return job.id;
}

/**
 * The queue's handler. The engine runs one attempt of a job at a time, so a row left RUNNING by a worker that
 * died is taken over at once; an unexpected error throws, so the engine retries it.
 */
export async function handleExportJob(data: Record<string, unknown>, context: JobContext): Promise<ExportJobState> {
  const tenantId = String(data.tenantId ?? "");
  const jobId = String(data.jobId ?? context.id);
  const state = await runExportJob(tenantId, jobId, { waitForCommit: false, staleAfterMs: 0, rethrow: true });
  return state;
}

async function claim(tenantId: string, jobId: string, now: Date, staleAfterMs = STALE_EXPORT_MS) {
  return withTenant({ tenantId }, async (db) => {
    const claimed = await db.job.updateMany({
      where: {
        tenantId,
        id: jobId,
        kind: EXPORT_JOB,
        OR: [{ status: "QUEUED" }, { status: "RUNNING", startedAt: { lte: new Date(now.getTime() - staleAfterMs) } }],
      },
      data: { status: "RUNNING", startedAt: now, message: "Rendering" },
    });
    return claimed.count === 1 ? db.job.findFirst({ where: { tenantId, id: jobId }, select: { input: true } }) : null;
  });
}

/**
 * Runs a queued export job to completion (tests and the sweep await it). `waitForCommit`: the job row becomes
 * visible when the publishing transaction commits, so a job launched by the action retries its claim briefly.
 */
export async function runExportJob(
  tenantId: string,
  jobId: string,
  options: { waitForCommit?: boolean; staleAfterMs?: number; rethrow?: boolean } = {},
): Promise<ExportJobState> {
  let job: { input: unknown } | null = null;
  const attempts = options.waitForCommit === false ? 1 : 100;
  for (let attempt = 0; attempt < attempts && !job; attempt++) {
    job = await claim(tenantId, jobId, new Date(), options.staleAfterMs);
    if (!job && attempt + 1 < attempts) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!job) return null;
  const monthText = (job.input as { month?: string } | null)?.month ?? "";
  const finish = (data: { status: "SUCCEEDED" | "FAILED"; message: string; error?: string; result?: object }) =>
    withTenant({ tenantId }, (db) =>
      db.job.updateMany({ where: { tenantId, id: jobId }, data: { ...data, finishedAt: new Date() } }),
    );
  try {
    if (!isMonthText(monthText)) throw new Error(`bad export month ${JSON.stringify(monthText)}`);
    const month = parseMonth(monthText);
    const { tenant, data } = await withTenant(
      { tenantId },
      async (db) => ({
        tenant: await db.tenant.findUniqueOrThrow({
          where: { id: tenantId },
          select: { slug: true, name: true, settings: true },
        }),
        data: await scorecardExport(db, tenantId, month, { publishedOnly: true }),
      }),
      { timeoutMs: 120_000 },
    );
    if (data.rows.length === 0) {
      await finish({ status: "FAILED", message: "Failed", error: "The month has no published scorecards to export." });
      return getExportJob(tenantId, jobId);
    }
    const csv = Buffer.from(scorecardCsv(data), "utf8");
    const pdf = await renderScorecardPdf(data, tenant.name, {
      pageSize: parseTenantSettings(tenant.settings).workspace.reportPageSize,
    });
    const files = [
      { format: "csv" as const, contentType: "text/csv; charset=utf-8", content: csv },
      { format: "pdf" as const, contentType: "application/pdf", content: pdf },
    ];
    await withTenant(
      { tenantId },
      async (db) => {
        await db.scorecardExport.deleteMany({ where: { tenantId, month } });
        await db.scorecardExport.createMany({
          data: files.map((f) => ({
            tenantId,
            month,
            format: f.format,
            fileName: exportFileName(tenant.slug, month, f.format),
            contentType: f.contentType,
            content: new Uint8Array(f.content),
            size: f.content.length,
            partners: data.rows.length,
            jobId,
          })),
        });
        await db.job.updateMany({
          where: { tenantId, id: jobId },
          data: {
            status: "SUCCEEDED",
            message: "Done",
            progress: data.rows.length,
            total: data.rows.length,
            result: { month: monthText, partners: data.rows.length, csvBytes: csv.length, pdfBytes: pdf.length },
            finishedAt: new Date(),
          },
        });
      },
      { timeoutMs: 120_000 },
    );
  } catch (error) {
    log.error("scorecard export failed", { tenantId, jobId, error });
    if (options.rethrow) {
      await withTenant({ tenantId }, (db) =>
        db.job.updateMany({
          where: { tenantId, id: jobId },
          data: { status: "QUEUED", message: "Retrying after an error" },
        }),
      );
      throw error;
    }
    await finish({
      status: "FAILED",
      message: "Failed",
      error: "The export failed on our side. Publishing the month again retries it.",
    });
  }
  return getExportJob(tenantId, jobId);
}

async function getExportJob(tenantId: string, jobId: string): Promise<ExportJobState> {
  return withTenant({ tenantId }, (db) =>
    db.job.findFirst({ where: { tenantId, id: jobId, kind: EXPORT_JOB }, select: { status: true, error: true } }),
  );
}

/** The stored files of a month (without their content), and the state of its latest export job. */
export async function monthExports(
  db: Db,
  tenantId: string,
  month: Date,
): Promise<{ files: StoredExport[]; job: ExportJobState }> {
  const files = await db.scorecardExport.findMany({
    where: { tenantId, month },
    select: { format: true, fileName: true, size: true, partners: true, createdAt: true },
    orderBy: { format: "asc" },
  });
  const jobs = await db.$queryRaw<{ status: NonNullable<ExportJobState>["status"]; error: string | null }[]>`
    select status::text as status, error from "Job"
    where "tenantId" = ${tenantId} and kind = ${EXPORT_JOB} and input->>'month' = ${formatMonth(month)}
    order by "createdAt" desc limit 1`;
  return { files: files as StoredExport[], job: jobs[0] ?? null };
}

/** One stored file with its content, or null. */
export async function storedExportFile(db: Db, tenantId: string, month: Date, format: ExportFormat) {
  return db.scorecardExport.findFirst({
    where: { tenantId, month, format },
    select: { fileName: true, contentType: true, content: true },
  });
}
