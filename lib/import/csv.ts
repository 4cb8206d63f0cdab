// Delimited text in and out, pure (used by the import page in the browser and by the server).
// Reads RFC 4180 CSV (quotes, escaped quotes, newlines inside quotes) with a comma, semicolon or tab
// delimiter, and whitespace-separated files such as the CDNOW data sets.

import { csvCell } from "@/lib/exports/csv";

export type Delimiter = "," | ";" | "\t" | "whitespace";

export const DELIMITER_LABELS: Record<Delimiter, string> = {
  ",": "comma",
  ";": "semicolon",
  "\t": "tab",
  whitespace: "spaces",
};

/** The delimiter of the first non-empty lines: the quoted-CSV candidate that splits them most consistently, else whitespace. */
export function detectDelimiter(text: string): Delimiter {
  const lines = text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "")
    .slice(0, 20);
  if (lines.length === 0) return ",";
  let best: Delimiter | null = null;
  let bestCount = 0;
  for (const d of [",", ";", "\t"] as const) {
    const counts = lines.map((l) => parseDelimited(l, d)[0]?.length ?? 0);
    const consistent = counts.every((c) => c === counts[0]);
    if (counts[0] > 1 && consistent && counts[0] > bestCount) {
      best = d;
      bestCount = counts[0];
    }
  }
  if (best) return best;
  return lines.every((l) => l.trim().split(/\s+/).length > 1) ? "whitespace" : ",";
}

/** Rows of fields. Blank lines are skipped. */
export function parseDelimited(text: string, delimiter: Delimiter): string[][] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (delimiter === "whitespace") {
    return input
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== "")
      .map((l) => l.split(/\s+/));
  }
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  const endRow = () => {
    row.push(field);
    if (!(row.length === 1 && row[0].trim() === "")) rows.push(row);
    row = [];
    field = "";
  };
  while (i < input.length) {
    const c = input[i];
    if (quoted) {
      if (c === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      // Up to the next quote in one slice (large files: no per-character concatenation).
      const next = input.indexOf('"', i);
      const end = next === -1 ? input.length : next;
      field += input.slice(i, end);
      i = end;
      continue;
    }
    if (c === '"' && field === "") {
      quoted = true;
      i++;
    } else if (c === delimiter) {
      row.push(field);
      field = "";
      i++;
    } else if (c === "\n" || c === "\r") {
      endRow();
      i += c === "\r" && input[i + 1] === "\n" ? 2 : 1;
    } else {
      // The rest of an unquoted field is literal (a quote inside it included): one slice up to
      // the next delimiter or line break.
      let end = i + 1;
      while (end < input.length) {
        const d = input[end];
        if (d === delimiter || d === "\n" || d === "\r") break;
        end++;
      }
      field += input.slice(i, end);
      i = end;
    }
  }
  if (field !== "" || row.length > 0) endRow();
  return rows;
}

/** The import's error report as CSV, written by the one CSV writer the exports use (lib/exports/csv.ts). */
export function toCsv(rows: (string | number | null | undefined)[][]): string {
  return `${rows.map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
