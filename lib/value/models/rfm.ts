/**
 * Raw transactions → per-customer recency/frequency/monetary summary for BG/NBD and
 * Gamma-Gamma.
 *
 * Conventions (those of Fader & Hardie's CDNOW preparation and the BTYD R package; they
 * reproduce the published CDNOW estimates exactly):
 *
 * - Time is bucketed into calendar days (UTC unless `utcOffsetMinutes` says otherwise). All
 *   transactions a customer makes on one day count as ONE purchase whose value is the sum
 *   of that day's margins.
 * - The first purchase day is the customer's "birth"; it is not counted in the frequency.
 * - x   = number of distinct purchase days after the first one, within calibration.
 * - t_x = (last calibration purchase day − first purchase day), in `unit`; 0 when x = 0.
 * - T   = (calibrationEnd day − first purchase day), in `unit`.
 *   `calibrationEnd` is the last day *included* in calibration. Days are measured start to
 *   start, so a repeat purchase made on the final day has t_x = T. For CDNOW (calibration
 *   1997-01-01 … 1997-09-30, weeks) a customer born on 1 Jan has T = 272/7 = 38.857.
 * - meanRepeatMargin = mean value of the x repeat purchase days (first day excluded), the
 *   input the Gamma-Gamma model expects; NaN when x = 0.
 * - Customers whose first purchase falls after calibrationEnd are not part of the cohort and
 *   are left out.
 * - Optional holdout: holdoutPurchases counts distinct purchase days in
 *   (calibrationEnd, holdoutEnd], for comparing forecasts with what actually happened.
 */
import { MS_PER_DAY, daysPerUnit, type TimeUnit } from "./time-units";

export interface Transaction {
  customerId: string;
  at: Date;
  /** Margin (or revenue) of the transaction, in currency units. */
  margin: number;
}

/** Columnar form of the same data: avoids one object per transaction for large imports. */
export interface TransactionColumns {
  customerId: readonly string[];
  /** Epoch milliseconds of each transaction. */
  atMs: ArrayLike<number>;
  margin: ArrayLike<number>;
}

export interface SummaryOptions {
  /** Last day included in calibration (time of day ignored). */
  calibrationEnd: Date;
  unit: TimeUnit;
  /** Optional last day of a holdout period after calibration. */
  holdoutEnd?: Date;
  /** Offset of the business's calendar from UTC, in minutes (e.g. 60 for UTC+1). */
  utcOffsetMinutes?: number;
}

export interface CustomerSummary {
  unit: TimeUnit;
  customerIds: string[];
  /** Repeat purchase days in calibration. */
  x: Float64Array;
  /** Time of the last calibration purchase since the first, in `unit`. */
  tx: Float64Array;
  /** Time from first purchase to the end of calibration, in `unit`. */
  T: Float64Array;
  /** Mean margin of the repeat purchase days (NaN when x = 0). */
  meanRepeatMargin: Float64Array;
  /** Margin of the first purchase day (excluded from meanRepeatMargin). */
  firstPurchaseMargin: Float64Array;
  /** First purchase day as days since the Unix epoch in the business calendar. */
  firstPurchaseDay: Int32Array;
  /** Distinct purchase days in the holdout period (all zeros without holdoutEnd). */
  holdoutPurchases: Float64Array;
  /** Length of the holdout period in `unit` (0 without holdoutEnd). */
  holdoutLength: number;
}

export function summarizeTransactions(transactions: readonly Transaction[], options: SummaryOptions): CustomerSummary {
  const n = transactions.length;
  const customerId = new Array<string>(n);
  const atMs = new Float64Array(n);
  const margin = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t = transactions[i];
    customerId[i] = t.customerId;
    atMs[i] = t.at instanceof Date ? t.at.getTime() : NaN;
    margin[i] = t.margin;
  }
  return summarizeTransactionColumns({ customerId, atMs, margin }, options);
}

export function summarizeTransactionColumns(columns: TransactionColumns, options: SummaryOptions): CustomerSummary {
  const { unit } = options;
  const n = columns.customerId.length;
  if (columns.atMs.length !== n || columns.margin.length !== n) {
    throw new RangeError("customerId, atMs and margin columns must have the same length");
  }
  const offsetMs = (options.utcOffsetMinutes ?? 0) * 60_000;
  const toDay = (ms: number) => Math.floor((ms + offsetMs) / MS_PER_DAY);
  const calEndDay = toDay(dateMs(options.calibrationEnd, "calibrationEnd"));
  const holdoutEndDay = options.holdoutEnd ? toDay(dateMs(options.holdoutEnd, "holdoutEnd")) : calEndDay;
  if (holdoutEndDay < calEndDay) throw new RangeError("holdoutEnd must not be before calibrationEnd");
  const perUnit = daysPerUnit(unit);

  // Index customers in order of first appearance, and bucket transactions per customer
  // (counting sort) so each customer's days can be sorted in a small scratch array.
  const indexOf = new Map<string, number>();
  const ids: string[] = [];
  const owner = new Int32Array(n);
  const day = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const id = columns.customerId[i];
    let k = indexOf.get(id);
    if (k === undefined) {
      k = ids.length;
      indexOf.set(id, k);
      ids.push(id);
    }
    owner[i] = k;
    const ms = columns.atMs[i];
    if (!Number.isFinite(ms)) throw new RangeError(`transaction ${i} has an invalid date`);
    if (!Number.isFinite(columns.margin[i])) throw new RangeError(`transaction ${i} has a non-finite margin`);
    day[i] = toDay(ms);
  }
  const m = ids.length;
  const start = new Int32Array(m + 1);
  for (let i = 0; i < n; i++) start[owner[i] + 1]++;
  for (let k = 0; k < m; k++) start[k + 1] += start[k];
  const fill = start.slice(0, m);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[fill[owner[i]]++] = i;

  const keep: number[] = [];
  const x: number[] = [];
  const tx: number[] = [];
  const T: number[] = [];
  const meanRepeat: number[] = [];
  const firstMargin: number[] = [];
  const firstDays: number[] = [];
  const holdout: number[] = [];
  const scratch = new Float64Array(n);

  for (let k = 0; k < m; k++) {
    const from = start[k];
    const to = start[k + 1];
    let firstDay = Infinity;
    for (let j = from; j < to; j++) firstDay = Math.min(firstDay, day[order[j]]);
    if (firstDay > calEndDay) continue; // born after calibration: not in this cohort

    let firstDayMargin = 0;
    let calibrationMargin = 0;
    for (let j = from; j < to; j++) {
      const i = order[j];
      if (day[i] === firstDay) firstDayMargin += columns.margin[i];
      if (day[i] <= calEndDay) calibrationMargin += columns.margin[i];
    }

    const days = scratch.subarray(0, to - from);
    for (let j = from; j < to; j++) days[j - from] = day[order[j]];
    days.sort();
    let repeatDays = 0;
    let holdoutDays = 0;
    let lastCalDay = firstDay;
    for (let j = 1; j < days.length; j++) {
      if (days[j] === days[j - 1]) continue; // same-day transactions are one purchase
      if (days[j] <= calEndDay) {
        repeatDays++;
        lastCalDay = days[j];
      } else if (days[j] <= holdoutEndDay) {
        holdoutDays++;
      }
    }

    keep.push(k);
    x.push(repeatDays);
    tx.push((lastCalDay - firstDay) / perUnit);
    T.push((calEndDay - firstDay) / perUnit);
    meanRepeat.push(repeatDays > 0 ? (calibrationMargin - firstDayMargin) / repeatDays : NaN);
    firstMargin.push(firstDayMargin);
    firstDays.push(firstDay);
    holdout.push(holdoutDays);
  }

  return {
    unit,
    customerIds: keep.map((k) => ids[k]),
    x: Float64Array.from(x),
    tx: Float64Array.from(tx),
    T: Float64Array.from(T),
    meanRepeatMargin: Float64Array.from(meanRepeat),
    firstPurchaseMargin: Float64Array.from(firstMargin),
    firstPurchaseDay: Int32Array.from(firstDays),
    holdoutPurchases: Float64Array.from(holdout),
    holdoutLength: (holdoutEndDay - calEndDay) / perUnit,
  };
}

function dateMs(date: Date, name: string): number {
  const ms = date instanceof Date ? date.getTime() : NaN;
  if (!Number.isFinite(ms)) throw new RangeError(`${name} must be a valid Date`);
  return ms;
}
