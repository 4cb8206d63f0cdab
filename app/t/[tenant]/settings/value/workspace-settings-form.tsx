"use client";

import { useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, inputClass } from "@/components/ui/field";
import { fieldError, formError } from "@/components/forms/errors";
import { CURRENCIES, REPORT_PAGE_SIZES, type WorkspaceSettings } from "@/lib/tenants/settings";
import { updateWorkspaceSettingsAction } from "./actions";

const PAGE_SIZE_LABELS: Record<(typeof REPORT_PAGE_SIZES)[number], string> = {
  A4: "A4 (210 × 297 mm)",
  LETTER: "Letter (8.5 × 11 in)",
};

export function WorkspaceSettingsForm({
  tenantSlug,
  settings,
  readOnly,
}: {
  tenantSlug: string;
  settings: WorkspaceSettings;
  readOnly: boolean;
}) {
  const [values, setValues] = useState<WorkspaceSettings>(settings);
  const { execute, result, isPending } = useAction(updateWorkspaceSettingsAction);
  return (
    <form
      aria-label="Money and reports"
      className="max-w-xl space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        execute({ tenantSlug, ...values });
      }}
    >
      <FormMessage>{formError(result)}</FormMessage>
      {result.data && <FormMessage tone="success">Saved: amounts now show in {result.data.currency}.</FormMessage>}
      <fieldset disabled={readOnly} className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Currency"
          error={fieldError(result, "currency")}
          hint="Every amount on every page: CLV, equity, equity at risk, costs"
        >
          {(p) => (
            <select
              {...p}
              className={inputClass}
              value={values.currency}
              onChange={(e) => setValues({ ...values, currency: e.target.value as never })}
            >
              {CURRENCIES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Scorecard PDF paper size" error={fieldError(result, "reportPageSize")}>
          {(p) => (
            <select
              {...p}
              className={inputClass}
              value={values.reportPageSize}
              onChange={(e) => setValues({ ...values, reportPageSize: e.target.value as never })}
            >
              {REPORT_PAGE_SIZES.map((s) => (
                <option key={s} value={s}>
                  {PAGE_SIZE_LABELS[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>
      {!readOnly && (
        <Button type="submit" pending={isPending}>
          Save money and reports
        </Button>
      )}
    </form>
  );
}
