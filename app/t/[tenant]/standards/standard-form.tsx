"use client";

import { Form } from "@/components/forms/form";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, inputClass } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { fieldError, formError } from "@/components/forms/errors";
import {
  COMPARATORS,
  COMPARATOR_LABELS,
  METRIC_KINDS,
  METRIC_KIND_LABELS,
  type Comparator,
  type MetricKind,
} from "@/lib/standards/evaluate";
import { SEVERITIES, type Severity } from "@/lib/standards/versioning";
import { createStandardAction, editStandardAction } from "./actions";

export type StandardFormValues = {
  touchpointId: string;
  name: string;
  description: string;
  metricKind: string;
  comparator: string;
  target: string;
  unit: string;
  weight: string;
  severity: string;
};

const emptyStandard = (touchpointId = ""): StandardFormValues => ({
  touchpointId,
  name: "",
  description: "",
  metricKind: "PERCENTAGE",
  comparator: "GTE",
  target: "",
  unit: "",
  weight: "1",
  severity: "MEDIUM",
});

const num = (v: string) => (v.trim() === "" ? Number.NaN : Number(v));

export function StandardForm({
  tenantSlug,
  standardId,
  assessed,
  initial = emptyStandard(),
  touchpoints,
}: {
  tenantSlug: string;
  standardId?: string;
  assessed?: boolean;
  initial?: StandardFormValues;
  touchpoints: { id: string; name: string }[];
}) {
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const create = useAction(createStandardAction, { onSuccess: () => setValues(emptyStandard(values.touchpointId)) });
  const edit = useAction(editStandardAction, { onSuccess: () => router.push(`/t/${tenantSlug}/standards`) });
  const { result, isPending } = standardId ? edit : create;
  const passFail = values.metricKind === "PASS_FAIL";
  const set =
    (key: keyof StandardFormValues) =>
    (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => {
      const next = { ...values, [key]: e.target.value };
      if (key === "metricKind" && e.target.value === "PASS_FAIL")
        Object.assign(next, { comparator: "GTE", target: "1" });
      setValues(next);
    };
  return (
    <Form
      className="space-y-3"
      noValidate
      aria-label={standardId ? "Edit standard" : "New standard"}
      onSubmit={(e) => {
        e.preventDefault();
        const input = {
          tenantSlug,
          ...values,
          metricKind: values.metricKind as MetricKind,
          comparator: values.comparator as Comparator,
          severity: values.severity as Severity,
          target: num(values.target),
          weight: num(values.weight),
        };
        if (standardId) edit.execute({ ...input, standardId });
        else create.execute(input);
      }}
    >
      <FormMessage>{formError(result)}</FormMessage>
      {!standardId && create.result.data && <FormMessage tone="success">Standard added to the library.</FormMessage>}
      {standardId && assessed && (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-800 ring-1 ring-amber-200">
          This standard has assessments: changing how it is measured creates a new version; past assessments keep
          theirs.
        </p>
      )}
      <SelectField
        label="Touchpoint"
        error={fieldError(result, "touchpointId")}
        value={values.touchpointId}
        onChange={set("touchpointId")}
        placeholder="Choose a touchpoint…"
        options={touchpoints.map((t) => ({ value: t.id, label: t.name }))}
      />
      <Field label="Standard name" error={fieldError(result, "name")}>
        {(p) => <input {...p} className={inputClass} value={values.name} onChange={set("name")} />}
      </Field>
      <Field label="Description" error={fieldError(result, "description")} hint="How the touchpoint must be delivered">
        {(p) => (
          <textarea {...p} rows={2} className={inputClass} value={values.description} onChange={set("description")} />
        )}
      </Field>
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField
          label="Metric kind"
          error={fieldError(result, "metricKind")}
          value={values.metricKind}
          onChange={set("metricKind")}
          options={METRIC_KINDS.map((k) => ({ value: k, label: METRIC_KIND_LABELS[k] }))}
        />
        <SelectField
          label="Comparator"
          error={fieldError(result, "comparator")}
          value={values.comparator}
          onChange={set("comparator")}
          disabled={passFail}
          options={COMPARATORS.map((c) => ({ value: c, label: COMPARATOR_LABELS[c] }))}
        />
        <Field label="Target" error={fieldError(result, "target")} hint={passFail ? "Met when passed" : undefined}>
          {(p) => (
            <input
              {...p}
              inputMode="decimal"
              className={inputClass}
              value={values.target}
              onChange={set("target")}
              disabled={passFail}
            />
          )}
        </Field>
        <Field label="Unit" error={fieldError(result, "unit")} hint="For ratings, e.g. /5">
          {(p) => <input {...p} className={inputClass} value={values.unit} onChange={set("unit")} />}
        </Field>
        <Field label="Weight" error={fieldError(result, "weight")}>
          {(p) => (
            <input {...p} inputMode="decimal" className={inputClass} value={values.weight} onChange={set("weight")} />
          )}
        </Field>
        <SelectField
          label="Severity"
          error={fieldError(result, "severity")}
          value={values.severity}
          onChange={set("severity")}
          options={SEVERITIES.map((s) => ({ value: s, label: s.charAt(0) + s.slice(1).toLowerCase() }))}
        />
      </div>
      <Button type="submit" pending={isPending}>
        {standardId ? "Save standard" : "Add standard"}
      </Button>
    </Form>
  );
}
