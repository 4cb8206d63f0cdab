"use client";

import { Form } from "@/components/forms/form";
import { useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, inputClass } from "@/components/ui/field";
import { NumberField, typedNumber } from "@/components/ui/number-field";
import { fieldError, formError } from "@/components/forms/errors";
import { createQuestionAction, updateQuestionAction } from "./actions";

type Values = { text: string; weight: string; active: boolean };

export function QuestionForm({
  tenantSlug,
  questionId,
  initial,
}: {
  tenantSlug: string;
  questionId?: string;
  initial?: Values;
}) {
  const blank: Values = { text: "", weight: "1", active: true };
  const [values, setValues] = useState(initial ?? blank);
  const create = useAction(createQuestionAction, { onSuccess: () => setValues(blank) });
  const update = useAction(updateQuestionAction);
  const { result, isPending } = questionId ? update : create;
  return (
    <Form
      className="grid items-start gap-3 sm:grid-cols-[1fr_7rem_auto_auto]"
      noValidate
      aria-label={questionId ? `Question: ${initial?.text}` : "New question"}
      onSubmit={(e) => {
        e.preventDefault();
        const input = {
          tenantSlug,
          text: values.text,
          active: values.active,
          weight: typedNumber(values.weight),
        };
        if (questionId) update.execute({ ...input, questionId });
        else create.execute(input);
      }}
    >
      <div className="sm:col-span-4">
        <FormMessage>{formError(result)}</FormMessage>
        {questionId && update.result.data && <FormMessage tone="success">Saved.</FormMessage>}
      </div>
      <Field label="Question" error={fieldError(result, "text")}>
        {(p) => (
          <input
            {...p}
            className={inputClass}
            value={values.text}
            onChange={(e) => setValues({ ...values, text: e.target.value })}
          />
        )}
      </Field>
      <NumberField
        label="Weight"
        error={fieldError(result, "weight")}
        inputMode="decimal"
        value={values.weight}
        onChange={(e) => setValues({ ...values, weight: e.target.value })}
      />
      <label className="mt-7 flex items-center gap-2 text-sm text-slate-700">
        <input
          type="checkbox"
          checked={values.active}
          onChange={(e) => setValues({ ...values, active: e.target.checked })}
        />
        Active
      </label>
      <Button type="submit" className="mt-6" pending={isPending}>
        {questionId ? "Save" : "Add question"}
      </Button>
    </Form>
  );
}
