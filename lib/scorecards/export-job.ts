/**
 * The "scorecards.export" background job: publishing a month (publishMonth) queues it in the publishing
 * transaction; it then renders the month's portfolio CSV and PDF (every partner's PUBLISHED card) and stores
 * both in ScorecardExport (the latest per month and format is kept), so the published export stays
 * downloadable without re-rendering.
 *
 * Runs in-process: the publish action launches it right after its transaction commits, and a sweep
 * (startScorecardExportScheduler, from instrumentation.ts) picks up jobs that were queued but never started
 * (publishing from elsewhere, a restart) and jobs left RUNNING by a process that died. The rendering happens
 * outside any transaction: one short transaction reads the cards, another writes the files.
 */
import { withTenant, type Db } from "@/lib/db/scope";
import { prisma } from "@/lib/db/client";
import { log } from "@/lib/log";
import { renderScorecardPdf } from "@/components/scorecards/pdf/report";
import { parseTenantSettings } from "@/lib/tenants/settings";
import { exportFileName, scorecardCsv, scorecardExport } from "./export";

export const EXPORT_JOB = "scorecards.export";
/** A job RUNNING for longer than this died with its process: the sweep runs it again. */
export const STALE_EXPORT_MS = 15 * 60_000;
/** The sweep leaves freshly queued jobs to the action that launched them for this long. */
const SWEEP_GRACE_MS = 60_000;

export type ExportFormat = "csv" | "pdf";
export type StoredExport = { format: ExportFormat; fileName: string; size: number; partners: number; createdAt: Date };
export type ExportJobState = { status: "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED"; error: string | null } | null;

const monthKey = (month: Date) => month.toISOString().slice(0, 7);

/** Queues the month's export (call in the publishing transaction). Returns the job id. */
export async function enqueueMonthExport(db: Db, tenantId: string, month: Date, userId: string | null): Promise<string> {
  const job = await db.job.create({
    data: { tenantId, kind: EXPORT_JOB, status: "QUEUED", input: { month: monthKey(month) }, createdById: userId, message: "Queued" },
    select: { id: true },
  });
  return job.id;
}

/** Starts the job once the creating transaction has committed; never throws into the caller. */
export function launchExportJob(tenantId: string, jobId: string): void {
  setTimeout(() => {
    runExportJob(tenantId, jobId).catch((error) => log.error("scorecard export job crashed", { tenantId, jobId, error }));
  }, 0);
}

async function claim(tenantId: string, jobId: string, now: Date) {
  return withTenant({ tenantId }, async (db) => {
    const claimed = await db.job.updateMany({
      where: {
        tenantId,
        id: jobId,
        kind: EXPORT_JOB,
        OR: [{ status: "QUEUED" }, { status: "RUNNING", startedAt: { lt: new Date(now.getTime() - STALE_EXPORT_MS) } }],
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
export async function runExportJob(tenantId: string, jobId: string, options: { waitForCommit?: boolean } = {}): Promise<ExportJobState> {
  let job: { input: unknown } | null = null;
  const attempts = options.waitForCommit === false ? 1 : 100;
  for (let attempt = 0; attempt < attempts && !job; attempt++) {
    job = await claim(tenantId, jobId, new Date());
    if (!job && attempt + 1 < attempts) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!job) return null;
  const monthText = (job.input as { month?: string } | null)?.month ?? "";
  const finish = (data: { status: "SUCCEEDED" | "FAILED"; message: string; error?: string; result?: object }) =>
    withTenant({ tenantId }, (db) => db.job.updateMany({ where: { tenantId, id: jobId }, data: { ...data, finishedAt: new Date() } }));
  try {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(monthText)) throw new Error(`bad export month ${JSON.stringify(monthText)}`);
    const month = new Date(`${monthText}-01T00:00:00Z`);
    const { tenant, data } = await withTenant(
      { tenantId },
      async (db) => ({
        tenant: await db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { slug: true, name: true, settings: true } }),
        data: await scorecardExport(db, tenantId, month, { publishedOnly: true }),
      }),
      { timeoutMs: 120_000 },
    );
    if (data.rows.length === 0) {
      await finish({ status: "FAILED", message: "Failed", error: "The month has no published scorecards to export." });
      return getExportJob(tenantId, jobId);
    }
    const csv = Buffer.from(scorecardCsv(data), "utf8");
    const pdf = await renderScorecardPdf(data, tenant.name, { pageSize: parseTenantSettings(tenant.settings).workspace.reportPageSize });
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
    await finish({ status: "FAILED", message: "Failed", error: "The export failed on our side. Publishing the month again retries it." });
  }
  return getExportJob(tenantId, jobId);
}

async function getExportJob(tenantId: string, jobId: string): Promise<ExportJobState> {
  return withTenant({ tenantId }, (db) => db.job.findFirst({ where: { tenantId, id: jobId, kind: EXPORT_JOB }, select: { status: true, error: true } }));
}

/** The stored files of a month (without their content), and the state of its latest export job. */
export async function monthExports(db: Db, tenantId: string, month: Date): Promise<{ files: StoredExport[]; job: ExportJobState }> {
  const files = await db.scorecardExport.findMany({
    where: { tenantId, month },
    select: { format: true, fileName: true, size: true, partners: true, createdAt: true },
    orderBy: { format: "asc" },
  });
  const jobs = await db.$queryRaw<{ status: NonNullable<ExportJobState>["status"]; error: string | null }[]>`
    select status::text as status, error from "Job"
    where "tenantId" = ${tenantId} and kind = ${EXPORT_JOB} and input->>'month' = ${monthKey(month)}
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

/**
 * The sweep: export jobs queued for a while but never started, or left RUNNING by a process that died, in
 * every tenant (found through queued_scorecard_exports(), which returns ids only), each run like any other.
 */
export async function runQueuedExportJobs(now = new Date(), limit = 5): Promise<number> {
  const due = await prisma().$queryRaw<{ tenantId: string; id: string }[]>`
    select "tenantId", "id" from queued_scorecard_exports(
      ${new Date(now.getTime() - SWEEP_GRACE_MS)}::timestamptz at time zone 'UTC',
      ${new Date(now.getTime() - STALE_EXPORT_MS)}::timestamptz at time zone 'UTC',
      ${limit}::integer)`;
  let ran = 0;
  for (const job of due) {
    const state = await runExportJob(job.tenantId, job.id, { waitForCommit: false });
    if (state) ran++;
  }
  return ran;
}

const INTERVAL_MS = Number(process.env.STEWARD_EXPORT_SWEEP_INTERVAL_MS ?? 60_000);
const timers = globalThis as unknown as { stewardExportTimer?: ReturnType<typeof setInterval>; stewardExportRunning?: boolean };

/** One timer per app instance, like the escalation sweep; a job is claimed by one runner only. */
export function startScorecardExportScheduler() {
  if (timers.stewardExportTimer) return;
  const tick = async () => {
    if (timers.stewardExportRunning) return;
    timers.stewardExportRunning = true;
    try {
      const ran = await runQueuedExportJobs();
      if (ran > 0) log.info("scorecard export sweep", { ran });
    } catch (error) {
      log.error("scorecard export sweep failed", { error });
    } finally {
      timers.stewardExportRunning = false;
    }
  };
  timers.stewardExportTimer = setInterval(tick, INTERVAL_MS);
  timers.stewardExportTimer.unref?.();
}
