"use client";

import { Form } from "@/components/forms/form";
import { useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
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
    <Form
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
        <SelectField
          label="Currency"
          error={fieldError(result, "currency")}
          hint="Every amount on every page: CLV, equity, equity at risk, costs"
          value={values.currency}
          onChange={(e) => setValues({ ...values, currency: e.target.value as never })}
          options={CURRENCIES.map((c) => ({ value: c, label: c }))}
        />
        <SelectField
          label="Scorecard PDF paper size"
          error={fieldError(result, "reportPageSize")}
          value={values.reportPageSize}
          onChange={(e) => setValues({ ...values, reportPageSize: e.target.value as never })}
          options={REPORT_PAGE_SIZES.map((s) => ({ value: s, label: PAGE_SIZE_LABELS[s] }))}
        />
      </fieldset>
      {!readOnly && (
        <Button type="submit" pending={isPending}>
          Save money and reports
        </Button>
      )}
    </Form>
  );
}
