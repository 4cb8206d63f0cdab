"use client";

import { useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, inputClass } from "@/components/ui/field";
import { fieldError, formError } from "@/components/forms/errors";
import { ScoreScale } from "@/components/forms/score-scale";
import { answerSurveyAction } from "./actions";

type Scale = { name: "csat" | "nps"; legend: string; values: number[]; low: string; high: string };

const SCALES: Scale[] = [
  {
    name: "csat",
    legend: "How satisfied were you?",
    values: [1, 2, 3, 4, 5],
    low: "1 = very dissatisfied",
    high: "5 = very satisfied",
  },
  {
    name: "nps",
    legend: "How likely are you to recommend us to a friend or colleague?",
    values: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    low: "0 = not at all likely",
    high: "10 = extremely likely",
  },
];

export function SurveyAnswerForm({ token, tenantName }: { token: string; tenantName: string }) {
  const [values, setValues] = useState<{ csat: number | null; nps: number | null; comment: string }>({
    csat: null,
    nps: null,
    comment: "",
  });
  const action = useAction(answerSurveyAction);
  if (action.result.data?.answered)
    return (
      <div data-testid="survey-thanks" className="space-y-2">
        <h2 className="text-base font-semibold">Thank you!</h2>
        <p className="text-sm text-slate-700">Your answer reached {tenantName}. You can close this page.</p>
      </div>
    );
  return (
    <form
      className="space-y-6"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        action.execute({ token, csat: values.csat ?? -1, nps: values.nps ?? -1, comment: values.comment });
      }}
    >
      {SCALES.map((scale) => (
        <ScoreScale
          key={scale.name}
          name={scale.name}
          legend={scale.legend}
          hint={`${scale.low}, ${scale.high}`}
          scores={scale.values}
          value={values[scale.name]}
          onChange={(n) => setValues((v) => ({ ...v, [scale.name]: n }))}
          error={fieldError(action.result, scale.name)}
          size="large"
        />
      ))}
      <Field label="What should we keep or change? (optional)" error={fieldError(action.result, "comment")}>
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
      <Button type="submit" className="w-full" pending={action.isPending}>
        Send my answer
      </Button>
    </form>
  );
}
