"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, inputClass } from "@/components/ui/field";
import { fieldError, formError } from "@/components/forms/errors";
import { SURVEY_QUESTIONS, type SurveyKey } from "@/lib/scorecards/survey-questions";
import { submitSurveyAction } from "./actions";

type Values = Record<SurveyKey, number | null> & { comment: string };

export function SurveyForm({
  tenantSlug,
  initial,
}: {
  tenantSlug: string;
  initial: (Record<SurveyKey, number> & { comment: string }) | null;
}) {
  const router = useRouter();
  const [values, setValues] = useState<Values>(
    initial ?? { communication: null, fairness: null, tools: null, support: null, comment: "" },
  );
  const [done, setDone] = useState<string | null>(null);
  const action = useAction(submitSurveyAction, {
    onSuccess: ({ data }) => {
      setDone(data.replaced ? "Your answers were updated. Thank you." : "Thank you: your answers were sent.");
      router.refresh();
    },
  });
  return (
    <form
      className="space-y-5"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setDone(null);
        action.execute({
          tenantSlug,
          communication: values.communication ?? 0,
          fairness: values.fairness ?? 0,
          tools: values.tools ?? 0,
          support: values.support ?? 0,
          comment: values.comment,
        });
      }}
    >
      {SURVEY_QUESTIONS.map((q) => {
        const error = fieldError(action.result, q.key);
        return (
          <fieldset key={q.key} aria-describedby={error ? `${q.key}-error` : undefined}>
            <legend className="text-sm font-medium text-slate-800">
              {q.label} <span className="font-normal text-slate-600">— {q.question}</span>
            </legend>
            <div className="mt-2 flex gap-2">
              {[1, 2, 3, 4, 5].map((n) => (
                <label
                  key={n}
                  className="flex cursor-pointer items-center gap-1 rounded-md border border-slate-300 px-3 py-1.5 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
                >
                  <input
                    type="radio"
                    name={q.key}
                    value={n}
                    checked={values[q.key] === n}
                    onChange={() => setValues((v) => ({ ...v, [q.key]: n }))}
                    aria-label={`${q.label}: ${n} of 5`}
                  />
                  {n}
                </label>
              ))}
            </div>
            {error && (
              <p id={`${q.key}-error`} className="mt-1 text-xs font-medium text-red-600" data-testid="field-error">
                {error}
              </p>
            )}
          </fieldset>
        );
      })}
      <Field label="Anything else? (optional)" error={fieldError(action.result, "comment")}>
        {(p) => (
          <textarea
            {...p}
            rows={3}
            className={inputClass}
            value={values.comment}
            maxLength={2000}
            onChange={(e) => setValues((v) => ({ ...v, comment: e.target.value }))}
          />
        )}
      </Field>
      <FormMessage>{formError(action.result)}</FormMessage>
      {done && <FormMessage tone="success">{done}</FormMessage>}
      <Button type="submit" pending={action.isPending}>
        {initial ? "Update my answers" : "Send my answers"}
      </Button>
    </form>
  );
}
