"use client";

import { useEarlyInput } from "@/components/forms/early-input";
import { useWarnBeforeLeaving } from "@/components/forms/warn-before-leaving";
import { useMemo, useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, FormMessage } from "@/components/ui/field";
import { NumberField } from "@/components/ui/number-field";
import { SelectField } from "@/components/ui/select-field";
import { DELIMITER_LABELS, detectDelimiter, parseDelimited, toCsv, type Delimiter } from "@/lib/import/csv";
import {
  contentKeys,
  guessMapping,
  IMPORT_FIELDS,
  IMPORT_KIND_LABELS,
  IMPORT_KINDS,
  looksLikeHeader,
  MAX_IMPORT_BATCH,
  type ImportKind,
} from "@/lib/import/kinds";
import { importBatchAction } from "./actions";
import { rowsWithErrors } from "@/lib/import/error-rows";

// One batch at a time: Next.js runs a page's server actions one after another anyway.
const BATCH = MAX_IMPORT_BATCH;
const GENERIC = "Something went wrong on our side. Please try again; if it keeps happening, contact support.";

type RowError = { row: number; field: string; message: string };
type Progress = {
  done: number;
  total: number;
  created: number;
  existing: number;
  errors: RowError[];
  finished: boolean;
  failure?: string;
};

export function ImportWizard({ tenantSlug }: { tenantSlug: string }) {
  const earlyInput = useEarlyInput<HTMLDivElement>();
  const [kind, setKind] = useState<ImportKind>("partners");
  const [fileName, setFileName] = useState("");
  const [table, setTable] = useState<string[][]>([]);
  const [delimiter, setDelimiter] = useState<Delimiter>(",");
  const [hasHeader, setHasHeader] = useState(true);
  const [mapping, setMapping] = useState<Record<string, number | null>>({});
  const [marginPercent, setMarginPercent] = useState("100");
  const [fileError, setFileError] = useState<string | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const { executeAsync } = useAction(importBatchAction);

  const fields = IMPORT_FIELDS[kind];
  const columnCount = table.reduce((n, r) => Math.max(n, r.length), 0);
  const columns = Array.from({ length: columnCount }, (_, i) =>
    hasHeader && table[0]?.[i]
      ? table[0][i]
      : `Column ${i + 1}${table[0]?.[i] ? ` (e.g. ${table[0][i].slice(0, 20)})` : ""}`,
  );
  const body = hasHeader ? table.slice(1) : table;
  const firstRowNumber = hasHeader ? 2 : 1;
  const missing = fields.filter((f) => f.required && (mapping[f.key] ?? null) === null);
  const running = progress !== null && !progress.finished;
  // the page sends the batches: closing or reloading it stops the import after the current one
  useWarnBeforeLeaving(running);
  const margin = Number(marginPercent);
  const marginInvalid =
    kind === "transactions" &&
    (mapping.margin ?? null) === null &&
    !(marginPercent.trim() !== "" && margin >= 0 && margin <= 100);

  const mapped = useMemo(
    () =>
      body.map((cells) =>
        Object.fromEntries(
          fields.flatMap((f) => (mapping[f.key] == null ? [] : [[f.key, cells[mapping[f.key]!] ?? ""]])),
        ),
      ),
    [body, fields, mapping],
  );

  function remap(nextKind: ImportKind, nextTable: string[][], header: boolean) {
    setMapping(
      header && nextTable[0]
        ? guessMapping(nextKind, nextTable[0])
        : Object.fromEntries(IMPORT_FIELDS[nextKind].map((f) => [f.key, null])),
    );
  }

  async function onFile(file: File | undefined) {
    setProgress(null);
    setFileError(null);
    if (!file) return;
    if (file.size > 50 * 1024 * 1024) {
      setFileError("The file is larger than 50 MB; split it into smaller files.");
      return;
    }
    const text = await file.text();
    const d = detectDelimiter(text);
    const rows = parseDelimited(text, d);
    if (rows.length === 0) {
      setFileError("The file is empty.");
      return;
    }
    const header = looksLikeHeader(kind, rows[0]);
    setFileName(file.name);
    setDelimiter(d);
    setTable(rows);
    setHasHeader(header);
    remap(kind, rows, header);
  }

  async function run() {
    const keys = contentKeys(mapped);
    const state: Progress = { done: 0, total: mapped.length, created: 0, existing: 0, errors: [], finished: false };
    setProgress({ ...state });
    for (let i = 0; i < mapped.length; i += BATCH) {
      const rows = mapped
        .slice(i, i + BATCH)
        .map((values, j) => ({ row: firstRowNumber + i + j, values, key: keys[i + j] }));
      const result = await executeAsync({
        tenantSlug,
        kind,
        rows,
        marginPercent: kind === "transactions" ? margin : undefined,
      }).catch(() => null);
      if (!result?.data) {
        state.failure =
          result?.serverError ??
          (result?.validationErrors ? "Some rows could not be sent (a value is too long)." : GENERIC);
        state.failure += ` Rows ${firstRowNumber}–${firstRowNumber + i - 1} were imported; importing the file again continues without duplicates.`;
        break;
      }
      state.done += rows.length;
      state.created += result.data.created;
      state.existing += result.data.existing;
      state.errors.push(...result.data.errors);
      setProgress({ ...state });
    }
    state.finished = true;
    setProgress({ ...state, errors: [...state.errors] });
  }

  function downloadErrors() {
    if (!progress) return;
    const csv = toCsv([["row", "field", "message"], ...progress.errors.map((e) => [e.row, e.field, e.message])]);
    const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = `${fileName.replace(/\.[^.]+$/, "") || "import"}-errors.csv`;
    a.click();
    URL.revokeObjectURL(url);
  }

  return (
    <div ref={earlyInput} className="space-y-6">
      <Card className="space-y-4 p-5">
        <h2 className="text-lg font-semibold">1. File</h2>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label="What the file holds"
            value={kind}
            disabled={running}
            onChange={(e) => {
              const next = e.target.value as ImportKind;
              setKind(next);
              setProgress(null);
              remap(next, table, hasHeader);
            }}
            options={IMPORT_KINDS.map((k) => ({ value: k, label: IMPORT_KIND_LABELS[k] }))}
          />
          <Field label="CSV file" error={fileError ?? undefined} hint="Comma, semicolon, tab or space separated; UTF-8">
            {(p) => (
              <input
                {...p}
                type="file"
                accept=".csv,.txt,.tsv,text/csv,text/plain"
                disabled={running}
                className="block w-full text-sm"
                onChange={(e) => onFile(e.target.files?.[0])}
              />
            )}
          </Field>
        </div>
        {table.length > 0 && (
          <div className="flex flex-wrap items-center gap-4 text-sm text-slate-600">
            <span data-testid="import-file-summary">
              {fileName}: {body.length.toLocaleString("en")} rows, {columnCount} columns, {DELIMITER_LABELS[delimiter]}
              -separated
            </span>
            <label className="flex items-center gap-2">
              <input
                type="checkbox"
                checked={hasHeader}
                disabled={running}
                onChange={(e) => {
                  setHasHeader(e.target.checked);
                  remap(kind, table, e.target.checked);
                }}
              />
              The first row is a header
            </label>
          </div>
        )}
      </Card>

      {table.length > 0 && (
        <Card className="space-y-4 p-5">
          <h2 className="text-lg font-semibold">2. Columns</h2>
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {fields.map((f) => (
              <SelectField
                key={f.key}
                label={`${f.label}${f.required ? " (required)" : ""}`}
                hint={f.hint || undefined}
                disabled={running}
                value={String(mapping[f.key] ?? "")}
                onChange={(e) =>
                  setMapping({ ...mapping, [f.key]: e.target.value === "" ? null : Number(e.target.value) })
                }
                placeholder="— not in the file —"
                options={columns.map((c, i) => ({ value: String(i), label: c }))}
              />
            ))}
            {kind === "transactions" && (mapping.margin ?? null) === null && (
              <NumberField
                label="Margin as % of revenue"
                error={marginInvalid ? "Enter a percentage from 0 to 100." : undefined}
                hint="Used because the file has no margin column"
                inputMode="decimal"
                value={marginPercent}
                disabled={running}
                onChange={(e) => setMarginPercent(e.target.value)}
              />
            )}
          </div>

          <h3 className="pt-2 text-sm font-semibold">Preview (first rows as they will be read)</h3>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-xs" data-testid="import-preview">
              <thead className="border-b border-slate-200 bg-slate-50 uppercase tracking-wide text-slate-500">
                <tr>
                  <th className="px-2 py-1">Row</th>
                  {fields.map((f) => (
                    <th key={f.key} className="px-2 py-1">
                      {f.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {mapped.slice(0, 5).map((values, i) => (
                  <tr key={i} className="border-b border-slate-100 last:border-0">
                    <td className="px-2 py-1 text-slate-500">{firstRowNumber + i}</td>
                    {fields.map((f) => (
                      <td key={f.key} className="px-2 py-1">
                        {values[f.key] ?? <span className="text-slate-400">—</span>}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {missing.length > 0 && (
            <FormMessage>Choose a column for {missing.map((f) => f.label).join(", ")}.</FormMessage>
          )}
          <Button
            type="button"
            disabled={running || missing.length > 0 || marginInvalid || body.length === 0}
            pending={running}
            onClick={run}
          >
            Import {body.length.toLocaleString("en")} rows
          </Button>
        </Card>
      )}

      {progress && (
        <Card className="space-y-3 p-5" data-testid="import-progress">
          <h2 className="text-lg font-semibold">3. {progress.finished ? "Result" : "Importing…"}</h2>
          <progress
            className="h-2 w-full"
            max={Math.max(progress.total, 1)}
            value={progress.done}
            aria-label="Import progress"
          />
          <p className="text-sm" data-testid="import-summary" aria-live="polite">
            {progress.done.toLocaleString("en")} of {progress.total.toLocaleString("en")} rows read ·{" "}
            {progress.created.toLocaleString("en")} created · {progress.existing.toLocaleString("en")} already there ·{" "}
            {rowsWithErrors(progress.errors).toLocaleString("en")} with errors
          </p>
          {!progress.finished && (
            <p className="text-sm text-slate-600" data-testid="import-keep-open">
              Keep this page open until the import finishes: this page sends the rows in batches, and closing or
              reloading it stops after the current batch. Importing the file again continues without duplicates.
            </p>
          )}
          {progress.failure && <FormMessage>{progress.failure}</FormMessage>}
          {progress.finished && progress.errors.length > 0 && (
            <>
              <Button type="button" variant="secondary" onClick={downloadErrors}>
                Download error report (CSV)
              </Button>
              <table className="w-full text-left text-xs" data-testid="import-errors">
                <thead className="border-b border-slate-200 uppercase tracking-wide text-slate-500">
                  <tr>
                    <th className="py-1 pr-2">Row</th>
                    <th className="py-1 pr-2">Field</th>
                    <th className="py-1">Message</th>
                  </tr>
                </thead>
                <tbody>
                  {progress.errors.slice(0, 20).map((e, i) => (
                    <tr key={i} className="border-b border-slate-100 last:border-0">
                      <td className="py-1 pr-2">{e.row}</td>
                      <td className="py-1 pr-2">{e.field}</td>
                      <td className="py-1">{e.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {progress.errors.length > 20 && (
                <p className="text-xs text-slate-500">
                  The first 20 of {progress.errors.length.toLocaleString("en")} errors; the report has all of them.
                </p>
              )}
            </>
          )}
        </Card>
      )}
    </div>
  );
}
