"use client";

import { Form } from "@/components/forms/form";
import { useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { type ScoreQuestion, SurveyFields } from "@/components/forms/survey-fields";
import { answerSurveyAction } from "./actions";

const SCALES: ScoreQuestion<"csat" | "nps">[] = [
  {
    name: "csat",
    legend: "How satisfied were you?",
    hint: "1 = very dissatisfied, 5 = very satisfied",
    scores: [1, 2, 3, 4, 5],
  },
  {
    name: "nps",
    legend: "How likely are you to recommend us to a friend or colleague?",
    hint: "0 = not at all likely, 10 = extremely likely",
    scores: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
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
    <Form
      className="space-y-6"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        action.execute({ token, csat: values.csat ?? -1, nps: values.nps ?? -1, comment: values.comment });
      }}
    >
      <SurveyFields
        questions={SCALES}
        values={values}
        onChange={setValues}
        result={action.result}
        commentLabel="What should we keep or change? (optional)"
        size="large"
      />
      <Button type="submit" className="w-full" pending={action.isPending}>
        Send my answer
      </Button>
    </Form>
  );
}
