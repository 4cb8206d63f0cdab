"use client";

import { Form } from "@/components/forms/form";
import { useEarlyInput } from "@/components/forms/early-input";
import { useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, inputClass } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { fieldError, formError } from "@/components/forms/errors";
import { decideAssessmentAction, recordAssessmentAction } from "./actions";

type StandardOption = { id: string; label: string; kind: string; partnerIds: string[] };

const SOURCES = [
  { value: "AUDIT", label: "Audit" },
  { value: "SURVEY", label: "Survey" },
  { value: "SYSTEM", label: "System feed" },
];

export function RecordAssessmentForm({
  tenantSlug,
  partners,
  standards,
  defaultPeriod,
}: {
  tenantSlug: string;
  partners: { id: string; name: string }[];
  standards: StandardOption[];
  defaultPeriod: string;
}) {
  const initial = {
    partnerId: "",
    standardId: "",
    period: defaultPeriod,
    value: "",
    source: "AUDIT",
    evidenceText: "",
    evidenceUrl: "",
  };
  const [values, setValues] = useState(initial);
  const { execute, result, isPending } = useAction(recordAssessmentAction, {
    onSuccess: () => setValues({ ...initial, partnerId: values.partnerId, period: values.period }),
  });
  const available = values.partnerId ? standards.filter((s) => s.partnerIds.includes(values.partnerId)) : standards;
  const kind = standards.find((s) => s.id === values.standardId)?.kind;
  const set =
    (key: keyof typeof initial) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
      setValues({ ...values, [key]: e.target.value });
  return (
    <Form
      className="space-y-3"
      noValidate
      aria-label="Record an assessment"
      onSubmit={(e) => {
        e.preventDefault();
        execute({
          tenantSlug,
          ...values,
          source: values.source as "AUDIT" | "SURVEY" | "SYSTEM",
          value: values.value.trim() === "" ? Number.NaN : Number(values.value),
        });
      }}
    >
      <FormMessage>{formError(result)}</FormMessage>
      {result.data && (
        <FormMessage tone="success">
          Assessment recorded: {result.data.met ? "target met" : "target not met"}.
        </FormMessage>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          label="Partner"
          error={fieldError(result, "partnerId")}
          value={values.partnerId}
          onChange={set("partnerId")}
          placeholder="Choose a partner…"
          options={partners.map((x) => ({ value: x.id, label: x.name }))}
        />
        <SelectField
          label="Standard"
          error={fieldError(result, "standardId")}
          value={values.standardId}
          onChange={set("standardId")}
          placeholder="Choose a standard…"
          options={available.map((s) => ({ value: s.id, label: s.label }))}
        />
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
        <SelectField
          label="Source"
          error={fieldError(result, "source")}
          value={values.source}
          onChange={set("source")}
          options={SOURCES}
        />
        <Field label="Evidence link" error={fieldError(result, "evidenceUrl")}>
          {(p) => (
            <input {...p} type="url" className={inputClass} value={values.evidenceUrl} onChange={set("evidenceUrl")} />
          )}
        </Field>
      </div>
      <Field label="Evidence / notes" error={fieldError(result, "evidenceText")}>
        {(p) => (
          <textarea {...p} rows={2} className={inputClass} value={values.evidenceText} onChange={set("evidenceText")} />
        )}
      </Field>
      <Button type="submit" pending={isPending}>
        Record assessment
      </Button>
    </Form>
  );
}

export function VerifyControls({
  tenantSlug,
  assessmentId,
  label,
}: {
  tenantSlug: string;
  assessmentId: string;
  label: string;
}) {
  const earlyInput = useEarlyInput<HTMLDivElement>();
  const [reason, setReason] = useState("");
  const { execute, result, isPending } = useAction(decideAssessmentAction);
  return (
    <div ref={earlyInput} className="space-y-2">
      <FormMessage>{formError(result)}</FormMessage>
      <Field label={`Reason (required to reject) — ${label}`} error={fieldError(result, "reason")}>
        {(p) => <input {...p} className={inputClass} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <div className="flex gap-2">
        <Button
          className="px-2.5 py-1 text-xs"
          pending={isPending}
          onClick={() => execute({ tenantSlug, assessmentId, decision: "VERIFIED", reason })}
        >
          Verify
        </Button>
        <Button
          variant="danger"
          className="px-2.5 py-1 text-xs"
          pending={isPending}
          onClick={() => execute({ tenantSlug, assessmentId, decision: "REJECTED", reason })}
        >
          Reject
        </Button>
      </div>
    </div>
  );
}
