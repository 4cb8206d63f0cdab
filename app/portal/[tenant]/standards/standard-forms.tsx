"use client";

import { Form } from "@/components/forms/form";
import { useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, inputClass } from "@/components/ui/field";
import { fieldError, formError } from "@/components/forms/errors";
import { acknowledgeStandardAction, selfAssessAction } from "./actions";

export function AcknowledgeForm({
  tenantSlug,
  standardId,
  name,
}: {
  tenantSlug: string;
  standardId: string;
  name: string;
}) {
  const [confirm, setConfirm] = useState(false);
  const { execute, result, isPending } = useAction(acknowledgeStandardAction);
  const message = formError(result) ?? fieldError(result, "confirm");
  return (
    <Form
      className="space-y-2"
      noValidate
      aria-label={`Acknowledge ${name}`}
      onSubmit={(e) => {
        e.preventDefault();
        execute({ tenantSlug, standardId, confirm: confirm as true });
      }}
    >
      {message && <FormMessage>{message}</FormMessage>}
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" checked={confirm} onChange={(e) => setConfirm(e.target.checked)} />
        We have read and trained on this standard
      </label>
      <Button type="submit" variant="secondary" className="px-2.5 py-1 text-xs" pending={isPending}>
        Acknowledge
      </Button>
    </Form>
  );
}

export function SelfAssessForm({
  tenantSlug,
  standardId,
  name,
  kind,
  defaultPeriod,
}: {
  tenantSlug: string;
  standardId: string;
  name: string;
  kind: string;
  defaultPeriod: string;
}) {
  const initial = { period: defaultPeriod, value: "", evidenceText: "", evidenceUrl: "" };
  const [values, setValues] = useState(initial);
  const { execute, result, isPending } = useAction(selfAssessAction, { onSuccess: () => setValues(initial) });
  const set = (key: keyof typeof initial) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    setValues({ ...values, [key]: e.target.value });
  return (
    <Form
      className="space-y-3"
      noValidate
      aria-label={`Self-assess ${name}`}
      onSubmit={(e) => {
        e.preventDefault();
        execute({
          tenantSlug,
          standardId,
          ...values,
          value: values.value.trim() === "" ? Number.NaN : Number(values.value),
        });
      }}
    >
      <FormMessage>{formError(result)}</FormMessage>
      {result.data && (
        <FormMessage tone="success">Self-assessment sent: it counts once the brand verifies it.</FormMessage>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Period (month)" error={fieldError(result, "period")}>
          {(p) => <input {...p} type="month" className={inputClass} value={values.period} onChange={set("period")} />}
        </Field>
        <Field
          label="Measured value"
          error={fieldError(result, "value")}
          hint={kind === "PASS_FAIL" ? "1 = pass, 0 = fail" : undefined}
        >
          {(p) => (
            <input {...p} inputMode="decimal" className={inputClass} value={values.value} onChange={set("value")} />
          )}
        </Field>
      </div>
      <Field label="Evidence" error={fieldError(result, "evidenceText")} hint="How you measured it">
        {(p) => (
          <textarea {...p} rows={2} className={inputClass} value={values.evidenceText} onChange={set("evidenceText")} />
        )}
      </Field>
      <Field label="Evidence link" error={fieldError(result, "evidenceUrl")} hint="Optional: https://…">
        {(p) => (
          <input {...p} type="url" className={inputClass} value={values.evidenceUrl} onChange={set("evidenceUrl")} />
        )}
      </Field>
      <Button type="submit" pending={isPending}>
        Submit self-assessment
      </Button>
    </Form>
  );
}
