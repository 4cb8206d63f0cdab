/**
 * Parser for the CDNOW data sets distributed by Fader & Hardie (CDNOW_master.txt and the
 * 1/10th CDNOW_sample.txt): whitespace-separated lines
 *
 *   master-id  [sample-id]  YYYYMMDD  number-of-CDs  dollars
 *
 * The master file has no sample-id column and opens with a header line
 * (" customer_id  date number_of_cds  dollar_value"); the sample file has no header. A first line
 * whose first field is not a number is taken as that header and skipped. The cohort made its first purchase in Q1
 * 1997; the classic analysis calibrates on 1997-01-01 … 1997-09-30 (39 weeks) in weeks.
 * Pure text in, records out, so it runs anywhere (no file-system access here).
 */
import type { Transaction } from "./rfm";

export interface CdnowRecord {
  masterId: string;
  /** Sample id (1…2357 in the sample file); equal to masterId for the master file. */
  customerId: string;
  /** Purchase date at 00:00 UTC. */
  date: Date;
  quantity: number;
  dollars: number;
}

/** The calibration end used by Fader, Hardie & Lee (2005): the last day of week 39. */
export const CDNOW_CALIBRATION_END = new Date(Date.UTC(1997, 8, 30));
/** The end of the 39-week holdout period in the same papers (last data day). */
export const CDNOW_HOLDOUT_END = new Date(Date.UTC(1998, 5, 30));

export function parseCdnow(text: string): CdnowRecord[] {
  const records: CdnowRecord[] = [];
  const lines = text.split(/\r?\n/);
  let headerChecked = false;
  for (let lineNo = 0; lineNo < lines.length; lineNo++) {
    const line = lines[lineNo].trim();
    if (line === "") continue;
    const fields = line.split(/\s+/);
    if (!headerChecked) {
      headerChecked = true;
      if (isHeader(fields)) continue;
    }
    if (fields.length !== 4 && fields.length !== 5) {
      throw new SyntaxError(`CDNOW line ${lineNo + 1}: expected 4 or 5 fields, got ${fields.length}`);
    }
    const hasSampleId = fields.length === 5;
    const masterId = fields[0];
    const customerId = hasSampleId ? fields[1] : fields[0];
    const [dateText, quantityText, dollarsText] = fields.slice(hasSampleId ? 2 : 1);
    records.push({
      masterId,
      customerId: String(Number(customerId)), // "0001" → "1": ids are numbers with padding
      date: parseYyyymmdd(dateText, lineNo + 1),
      quantity: parseNumber(quantityText, "number of CDs", lineNo + 1),
      dollars: parseNumber(dollarsText, "dollars", lineNo + 1),
    });
  }
  return records;
}

/** CDNOW records as model transactions, using dollars as the value of each purchase. */
export function cdnowTransactions(records: readonly CdnowRecord[]): Transaction[] {
  return records.map((r) => ({ customerId: r.customerId, at: r.date, margin: r.dollars }));
}

/** The master file's header names its columns; every data line starts with a numeric customer id. */
function isHeader(fields: readonly string[]): boolean {
  return !/^\d+$/.test(fields[0]);
}

function parseYyyymmdd(text: string, lineNo: number): Date {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!match) throw new SyntaxError(`CDNOW line ${lineNo}: bad date "${text}"`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new SyntaxError(`CDNOW line ${lineNo}: invalid date "${text}"`);
  }
  return date;
}

function parseNumber(text: string, what: string, lineNo: number): number {
  const value = Number(text);
  if (!Number.isFinite(value)) throw new SyntaxError(`CDNOW line ${lineNo}: bad ${what} "${text}"`);
  return value;
}
