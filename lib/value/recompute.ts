/**
 * Recompute a tenant's customer values for one month: read the history in one set-based pass,
 * fit the tenant's model, score every customer, write CustomerValue snapshots in one statement and store the
 * ClvFit. Runs in several short tenant transactions (it is meant for a background job), and
 * reports progress through `onProgress`.
 *
 * Incremental:
 * - A watermark of the history (transaction count, customers, last occurredAt, margin sum and
 *   the period's last day) and the model settings are stored with each fit. When both are
 *   unchanged since the last fit of that month, nothing is refitted or rewritten.
 * - Otherwise the model is refitted (new transactions move the population parameters, and so
 *   every customer's value a little) and every customer is rescored in memory, but a snapshot
 *   row is only written when its values changed (upsert … WHERE … IS DISTINCT FROM), so a rerun
 *   after a small import touches few rows. Snapshots of customers no longer in scope are deleted.
 */
import { Prisma } from "@/generated/prisma/client";
import { analyzeTables, hasAutovacuum } from "@/lib/db/client";
import { log } from "@/lib/log";
import { attributionRollups, materializeEquityRollups } from "./rollups";
import { invalidateDashboard } from "@/lib/dashboard/cache";
import { withTenant, type Db } from "@/lib/db/scope";
import { withTenantSqlWrite, type SqlWriteDb } from "@/lib/db/sql-scope";
import { float8ArrayParameter, textArrayParameter } from "@/lib/db/array-parameter";
import { getTenantSettings, type ValueSettings } from "@/lib/tenants/settings";
import { formatMonth } from "@/lib/months";
import { startPairTermsThread } from "./pair-terms-in-thread";
import {
  loadHistoryAndHoldout,
  segmentActivity,
  transactionWatermark,
  valuePeriod,
  type Watermark,
} from "./tenant-data";
import {
  fitBgnbdModel,
  HOLDOUT_PERIOD_DAYS,
  holdoutCheck,
  holdoutPeriods,
  retentionSegments,
  scoreBgnbd,
  scoreBgnbdInParallel,
  scoreRetention,
  ValueModelError,
  type CustomerScores,
} from "./tenant-models";

const LONG_TX = { timeoutMs: 300_000 };

export type RecomputeProgress = { phase: string; done: number; total: number };
export type RecomputeResult = {
  month: string;
  model: "RETENTION" | "BG_NBD";
  skipped: boolean;
  customers: number;
  written: number;
  deleted: number;
  totalEquity: number;
  fitId: string | null;
  /** writeMs: the snapshots; finishMs: statistics, equity rollups and the stored fit. */
  timings: { readMs: number; fitMs: number; scoreMs: number; writeMs: number; finishMs: number };
};

type FitRecord = {
  params: object;
  logLikelihood: number | null;
  converged: boolean;
  iterations: number;
  quality: Record<string, unknown>;
};

const settingsKey = (s: ValueSettings) => ({
  model: s.model,
  horizonMonths: s.horizonMonths,
  annualDiscountRate: s.annualDiscountRate,
});

export async function recomputeCustomerValues(
  tenantId: string,
  options: {
    month?: Date | string;
    now?: Date;
    force?: boolean;
    onProgress?: (p: RecomputeProgress) => Promise<void> | void;
  } = {},
): Promise<RecomputeResult> {
  const period = valuePeriod(options.month ?? options.now ?? new Date(), options.now);
  const progress = options.onProgress ?? (() => undefined);
  const timings = { readMs: 0, fitMs: 0, scoreMs: 0, writeMs: 0, finishMs: 0 };
  let clock = performance.now();
  const lap = (key: keyof typeof timings) => {
    const now = performance.now();
    timings[key] += now - clock;
    clock = now;
  };

  await progress({ phase: "Reading transactions", done: 0, total: 0 });
  const { settings, previous } = await withTenant({ tenantId }, async (db) => ({
    settings: (await getTenantSettings(db, tenantId)).value,
    previous: await db.clvFit.findFirst({ where: { tenantId, asOf: period.asOf }, orderBy: { createdAt: "desc" } }),
  }));
  const base = { month: formatMonth(period.asOf), model: settings.model };
  const stored = (previous?.quality ?? {}) as { watermark?: Watermark; settings?: unknown; fallbackFrom?: string };
  // Only a stored fit of the same model and settings can make this run unnecessary: then (and only then) the
  // watermark is read before the history, to compare. Otherwise the history read brings it.
  const skippable =
    !options.force &&
    previous &&
    (previous.model === settings.model || stored.fallbackFrom === settings.model) &&
    canonical(stored.settings) === canonical(settingsKey(settings));
  if (
    skippable &&
    canonical(stored.watermark) ===
      canonical(await withTenant({ tenantId }, (db) => transactionWatermark(db, tenantId, period)))
  ) {
    const total = await withTenant({ tenantId }, (db) => snapshotTotal(db, tenantId, period.asOf));
    return {
      ...base,
      skipped: true,
      customers: total.customers,
      written: 0,
      deleted: 0,
      totalEquity: total.equity,
      fitId: previous.id,
      timings,
    };
  }

  // Half of the scoring runs in a thread of its own, started now so that its code has loaded by the time it is needed.
  const scoringThread = settings.model === "BG_NBD" ? startPairTermsThread() : null;
  try {
    let periods = 0;
    const { history, observed, attribution, watermark, splitDay } = await loadHistoryAndHoldout(
      tenantId,
      period,
      (firstDay) => {
        periods = settings.model === "BG_NBD" ? holdoutPeriods(firstDay ?? period.endDay, period.endDay) : 0;
        return period.endDay + 1 - periods * HOLDOUT_PERIOD_DAYS;
      },
      HOLDOUT_PERIOD_DAYS,
    );
    const activity =
      settings.model === "RETENTION"
        ? await withTenant({ tenantId }, (db) => segmentActivity(db, tenantId, period), LONG_TX)
        : [];
    lap("readMs");
    const n = history.customerIds.length;
    await progress({ phase: "Fitting the model", done: 0, total: n });

    let checkHoldout: () => void = () => undefined;
    let scores: CustomerScores | null = null;
    let fit: FitRecord | null = null;
    let modelUsed = settings.model;
    const quality: Record<string, unknown> = { watermark, settings: settingsKey(settings), customers: n };
    const model = settings.model === "BG_NBD" ? fitBgnbdModel(history, period.endDay, settings) : null;
    if (model) {
      quality.bgnbd = {
        converged: model.bgnbdFit.converged,
        degenerate: model.bgnbdFit.degenerate,
        iterations: model.bgnbdFit.iterations,
      };
      if (model.bgnbdFit.degenerate) {
        // A parameter ran to its bound: the fit cannot tell customers apart, and its CLVs would be
        // artefacts of the bound. Fall back to the retention model; the value page says so.
        quality.fallbackFrom = "BG_NBD";
        quality.fallbackReason = degenerateFallbackReason(model.bgnbdFit.params);
        modelUsed = "RETENTION";
      }
    }
    if (model && modelUsed === "BG_NBD") {
      const bgnbd = model.params.bgnbd;
      if (periods > 0) {
        // Only the stored fit's quality needs it: it runs while the snapshots are written (writeSnapshotsWhile).
        checkHoldout = () => {
          try {
            const check = holdoutCheck(history, splitDay, periods, observed, bgnbd);
            if (check) quality.holdout = check;
          } catch (error) {
            if (!(error instanceof RangeError)) throw error;
            quality.holdoutError = "The holdout refit could not be evaluated (degenerate parameters).";
          }
        };
      }
      quality.gammaGamma = model.spendFit
        ? {
            converged: model.spendFit.converged,
            logLikelihood: model.spendFit.logLikelihood,
            customers: model.spendFit.customers,
            iterations: model.spendFit.iterations,
          }
        : { skipped: true, fallbackMargin: model.fallbackMargin };
      lap("fitMs");
      await progress({ phase: "Scoring customers", done: 0, total: n });
      try {
        scores = scoringThread
          ? await scoreBgnbdInParallel(model, history, period.endDay, (pairs, terms) =>
              scoringThread.run(bgnbd, pairs, terms),
            )
          : scoreBgnbd(model, history, period.endDay);
      } catch (error) {
        if (!(error instanceof RangeError)) throw error;
        throw new ValueModelError(
          "The BG/NBD model could not score this history: its parameters ran off to their bounds (the data shows almost no differences between customers' buying or dropping out). Use the retention model, or check the transactions.",
        );
      }
      fit = {
        params: model.params,
        logLikelihood: model.bgnbdFit.logLikelihood,
        converged: model.bgnbdFit.converged && (model.spendFit?.converged ?? true),
        iterations: model.bgnbdFit.iterations + (model.spendFit?.iterations ?? 0),
        quality,
      };
    }
    if (!scores || !fit) {
      const retentionActivity =
        settings.model === "RETENTION"
          ? activity
          : await withTenant({ tenantId }, (db) => segmentActivity(db, tenantId, period), LONG_TX);
      const segments = retentionSegments(retentionActivity, settings.annualDiscountRate);
      quality.segments = segments;
      lap("fitMs");
      scores = scoreRetention(segments, history, period.endDay);
      fit = {
        params: {
          annualDiscountRate: settings.annualDiscountRate,
          clvBasis: { kind: "LIFETIME", share: 1 },
          segments: Object.fromEntries(segments.map((s) => [s.segment, { margin: s.margin, retention: s.retention }])),
        },
        logLikelihood: null,
        converged: true,
        iterations: 0,
        quality,
      };
    }
    lap("scoreMs");

    await progress({ phase: "Writing customer values", done: 0, total: n });
    const clv = storedClv(scores.clv);
    const { snapshots, meanwhile: rollups } = await writeSnapshotsWhile(
      { tenantId, asOf: period.asOf, model: modelUsed, customerIds: history.customerIds, clv, scores },
      () => {
        checkHoldout();
        // The rollups from the history read's attribution and the CLVs: no second pass over the transactions.
        return attributionRollups(history.segments, attribution, clv);
      },
    );
    lap("writeMs");
    await progress({ phase: "Writing customer values", done: n, total: n });
    const { fitId, total } = await withTenant(
      { tenantId },
      async (db) => {
        await materializeEquityRollups(db, tenantId, period.asOf, rollups);
        const created = await db.clvFit.create({
          data: {
            tenantId,
            asOf: period.asOf,
            model: modelUsed,
            params: fit.params,
            logLikelihood: fit.logLikelihood,
            converged: fit.converged,
            iterations: fit.iterations,
            quality: fit.quality as object,
          },
          select: { id: true },
        });
        return { fitId: created.id, total: await snapshotTotal(db, tenantId, period.asOf) };
      },
      LONG_TX,
    );
    // The embedded database has no autovacuum: refresh the statistics the value pages plan with (a
    // PostgreSQL server's autovacuum analyzes both tables after a change of this size by itself).
    if (!(await hasAutovacuum()))
      await analyzeTables(["CustomerValue", "EquityRollup"]).catch((error) =>
        log.warn("analyze after recompute failed", { error }),
      );
    lap("finishMs");

    invalidateDashboard(tenantId); // the dashboard's equity figures (lib/dashboard/cache.ts)
    return { ...base, skipped: false, customers: n, ...snapshots, totalEquity: total.equity, fitId, timings };
  } finally {
    await scoringThread?.stop();
  }
}

/** What the value page says when a degenerate BG/NBD fit was replaced by the retention model. */
export function degenerateFallbackReason(params: { r: number; alpha: number; a: number; b: number }): string {
  const shown = (["r", "alpha", "a", "b"] as const).map((k) => `${k}=${params[k].toPrecision(3)}`).join(", ");
  return `The BG/NBD fit ran a parameter to its bound (${shown}): the history shows almost no differences between customers' buying or dropping out, so its CLVs would be artefacts. The retention model was used instead.`;
}

/** JSON with sorted keys: jsonb does not keep the key order it was given. */
function canonical(value: unknown): string {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

type Snapshots = {
  tenantId: string;
  asOf: Date;
  model: "RETENTION" | "BG_NBD";
  customerIds: string[];
  /** As stored (storedClv). */
  clv: Float64Array;
  scores: CustomerScores;
};

/**
 * Every snapshot in one statement and the deletions, in one transaction: set-based, not batches. `meanwhile` (CPU
 * work the write does not need: the holdout refit, the rollups) runs once the insert is on the wire, so the database
 * inserts on one core while the thread computes on the other. On 200,000 customers the insert takes 3.5-5.8 s and
 * `meanwhile` about 1.2 s, which no longer adds to the recompute.
 */
async function writeSnapshotsWhile<T>(snapshots: Snapshots, meanwhile: () => T) {
  const { tenantId, asOf, customerIds } = snapshots;
  let sent: () => void = () => undefined;
  const onWire = new Promise<void>((resolve) => (sent = resolve));
  // The write commits only if `meanwhile` succeeded: no snapshots without the fit they belong to.
  let decide: (succeeded: boolean) => void = () => undefined;
  const decided = new Promise<boolean>((resolve) => (decide = resolve));
  const writing = withTenantSqlWrite(
    tenantId,
    async (db) => {
      const stored = await storedSnapshotIds(db, tenantId, asOf);
      const inserting = writeSnapshots(db, snapshots, stored.length === 0);
      inserting.catch(() => undefined); // awaited below; a failure while it is being sent must not go unhandled
      await db.sent();
      sent();
      const written = await inserting;
      const deleted = await deleteOutOfScope(db, tenantId, asOf, stored, customerIds);
      if (!(await decided)) throw new Error("rolled back: the work beside the snapshot write failed");
      return { written, deleted };
    },
    LONG_TX.timeoutMs,
  );
  await Promise.race([onWire, writing]);
  let result: T;
  try {
    result = meanwhile();
  } catch (error) {
    decide(false);
    await writing.catch(() => undefined);
    throw error;
  }
  decide(true);
  return { snapshots: await writing, meanwhile: result };
}

/** The CLVs as stored: in cents, 0 when the model gives none. */
function storedClv(clv: Float64Array): Float64Array {
  return clv.map((v) => (Number.isFinite(v) ? Math.round(v * 100) / 100 : 0));
}

/**
 * Upserts every snapshot in one statement and returns how many changed. The month's first write
 * (no snapshot stored yet) is a plain insert: nothing can conflict, and the speculative insertion
 * of ON CONFLICT costs per row. The statement is sent before this returns its promise.
 */
function writeSnapshots(db: SqlWriteDb, snapshots: Snapshots, firstWrite: boolean): Promise<number> {
  const { tenantId, asOf, model, customerIds, scores } = snapshots;
  const ids = textArrayParameter(customerIds);
  const clv = float8ArrayParameter(snapshots.clv);
  const alive = float8ArrayParameter(scores.probabilityAlive);
  const purchases = float8ArrayParameter(scores.expectedPurchases);
  const margin = float8ArrayParameter(scores.expectedMargin);
  return db.$executeRaw`
    insert into "CustomerValue" ("tenantId", "customerId", "asOf", model, clv, "probabilityAlive", "expectedPurchases", "expectedMargin", "computedAt")
    select ${tenantId}, u.cid, ${asOf}::date, ${model}::"ClvModel", u.clv, u.alive, u.purchases, u.margin, now()
    from unnest(${ids}::text[], ${clv}::float8[], ${alive}::float8[], ${purchases}::float8[], ${margin}::float8[]) as u(cid, clv, alive, purchases, margin)
    ${firstWrite ? Prisma.empty : onConflictUpdate}`;
}

const onConflictUpdate = Prisma.sql`
    on conflict ("tenantId", "customerId", "asOf") do update
      set model = excluded.model, clv = excluded.clv, "probabilityAlive" = excluded."probabilityAlive",
          "expectedPurchases" = excluded."expectedPurchases", "expectedMargin" = excluded."expectedMargin", "computedAt" = excluded."computedAt"
      where ("CustomerValue".model, "CustomerValue".clv, "CustomerValue"."probabilityAlive", "CustomerValue"."expectedPurchases", "CustomerValue"."expectedMargin")
        is distinct from (excluded.model, excluded.clv, excluded."probabilityAlive", excluded."expectedPurchases", excluded."expectedMargin")`;

async function storedSnapshotIds(db: SqlWriteDb, tenantId: string, asOf: Date): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    select "customerId" as id from "CustomerValue" where "tenantId" = ${tenantId} and "asOf" = ${asOf}::date`;
  return rows.map((r) => r.id);
}

/**
 * Snapshots of customers no longer in the history (no purchase before the cutoff: transactions
 * deleted or moved). The history was just read, so its ids are the scope: the stored ids (read
 * before the write) are compared in memory, and only the (usually few) others deleted. In SQL, an
 * anti-join on unnest() of 200,000 ids is planned for unnest's default estimate of 100 rows and ran
 * for minutes.
 */
async function deleteOutOfScope(
  db: SqlWriteDb,
  tenantId: string,
  asOf: Date,
  stored: string[],
  inScope: string[],
): Promise<number> {
  const scope = new Set(inScope);
  const gone = stored.filter((id) => !scope.has(id));
  if (gone.length === 0) return 0;
  return db.$executeRaw`
    delete from "CustomerValue" where "tenantId" = ${tenantId} and "asOf" = ${asOf}::date and "customerId" = any(${gone}::text[])`;
}

async function snapshotTotal(db: Db, tenantId: string, asOf: Date): Promise<{ equity: number; customers: number }> {
  const [row] = await db.$queryRaw<{ equity: number; customers: number }[]>`
    select coalesce(sum(clv), 0)::float8 as equity, count(*)::int as customers
    from "CustomerValue" where "tenantId" = ${tenantId} and "asOf" = ${asOf}::date`;
  return row;
}
