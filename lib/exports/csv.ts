/**
 * CSV export: RFC 4180 output with spreadsheet formula-injection escaping, and safe download file names.
 *
 * Cells (csvCell):
 *   - null / undefined → empty; number / bigint → String(n) (NaN and ±Infinity → empty); boolean → true / false;
 *     Date → ISO 8601 (an invalid Date → empty); string → itself; anything else → JSON.
 *   - Formula injection: a cell whose TEXT (a string, or an object's JSON) begins with = + - @ TAB CR or LF (or
 *     the full-width ＝ ＋ － ＠ that spreadsheets also accept) gets a
 *     leading single quote ('), so Excel, LibreOffice and Google Sheets show it as text instead of running it
 *     ("=HYPERLINK(…)" → "'=HYPERLINK(…)"). Values of type number/bigint are written as they are: "-12.5" from a
 *     number is data, not a formula, and stays numeric for the reader. A negative number passed as a STRING is
 *     escaped ("'-12.5") — format numbers as numbers.
 *   - Quoting: a field containing a comma, a semicolon, a TAB, a double quote, CR or LF is wrapped in double quotes
 *     and its double quotes are doubled (RFC 4180). Semicolons and TABs are quoted too because Excel in many
 *     locales splits on them: unquoted, "SEC;=1+1;x" became three cells, the middle one a formula (issue 13).
 * Records end with CRLF (the last one too); the first record is the header row (headers are escaped the same way).
 */

export interface CsvColumn<K extends string = string> {
  key: K;
  header: string;
}

const FORMULA_START = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;
const NEEDS_QUOTES = /[",;\t\r\n]/;

/** Plain text of a value (before escaping), and whether it may need formula escaping. */
function cellText(value: unknown): { text: string; escapable: boolean } {
  if (value === null || value === undefined) return { text: "", escapable: false };
  if (typeof value === "number") return { text: Number.isFinite(value) ? String(value) : "", escapable: false };
  if (typeof value === "bigint") return { text: String(value), escapable: false };
  if (typeof value === "boolean") return { text: value ? "true" : "false", escapable: false };
  if (value instanceof Date)
    return { text: Number.isNaN(value.getTime()) ? "" : value.toISOString(), escapable: false };
  if (typeof value === "string") return { text: value, escapable: true };
  return { text: JSON.stringify(value) ?? String(value), escapable: true };
}

/** Neutralises a spreadsheet formula: text beginning with = + - @ TAB CR LF (or full-width ＝＋－＠) gets a leading quote. */
export function escapeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** RFC 4180 quoting of one field, also when it holds a semicolon or TAB (other locales' separators). */
export function quoteField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One value as a finished CSV field (formula-escaped, then quoted when needed). */
export function csvCell(value: unknown): string {
  const { text, escapable } = cellText(value);
  return quoteField(escapable ? escapeFormula(text) : text);
}

export interface CsvOptions {
  /** Start with a UTF-8 byte order mark, so Excel reads accents right (default false). */
  bom?: boolean;
}

/**
 * Rows → CSV text: the header row, then one record per row with the columns' keys in order
 * (a missing key is an empty cell). Rows may be any object type (interfaces included).
 */
export function toCsv<T extends object>(
  rows: readonly T[],
  columns: readonly CsvColumn<Extract<keyof T, string>>[],
  options: CsvOptions = {},
): string {
  const lines = [columns.map((c) => csvCell(c.header)).join(",")];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c.key])).join(","));
  return (options.bom ? "\uFEFF" : "") + lines.map((l) => `${l}\r\n`).join("");
}

// ---------------------------------------------------------------- file names

const MAX_FILE_NAME = 100;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/**
 * A download file name made of ASCII letters, digits, dash, underscore and dot only:
 * accents are dropped (é → e), every other run of characters becomes one dash, no leading dots or dashes,
 * no trailing dots or dashes, at most 100 characters (the extension is kept when shortening), never empty
 * ("export"), never a Windows device name (CON, NUL, … → "export-CON").
 *   "Scorecards 2026-10 / Northwind Home.csv" → "Scorecards-2026-10-Northwind-Home.csv"
 *   "../../etc/passwd" → "etc-passwd"
 */
export function safeFileName(name: string, fallback = "export"): string {
  let s = String(name ?? "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/[.-]*\.[.-]*/g, ".")
    .replace(/-{2,}/g, "-")
    .replace(/^[.-]+/, "")
    .replace(/[.-]+$/, "");

  if (s.length > MAX_FILE_NAME) {
    const dot = s.lastIndexOf(".");
    const ext = dot > 0 && s.length - dot <= 11 ? s.slice(dot) : "";
    s = s.slice(0, MAX_FILE_NAME - ext.length).replace(/[.-]+$/, "") + ext;
  }

  if (s === "") return fallback === "export" ? "export" : safeFileName(fallback);
  const base = s.split(".")[0];
  if (WINDOWS_RESERVED.test(base)) s = `export-${s}`.slice(0, MAX_FILE_NAME);
  return s;
}
