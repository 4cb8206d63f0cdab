"use client";

import { Form } from "@/components/forms/form";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { type ScoreQuestion, SurveyFields } from "@/components/forms/survey-fields";
import { SURVEY_QUESTIONS, type SurveyKey } from "@/lib/scorecards/survey-questions";
import { submitSurveyAction } from "./actions";

const QUESTIONS: ScoreQuestion<SurveyKey>[] = SURVEY_QUESTIONS.map((q) => ({
  name: q.key,
  legend: (
    <>
      {q.label} <span className="font-normal text-slate-600">— {q.question}</span>
    </>
  ),
  scores: [1, 2, 3, 4, 5],
  scoreLabel: (n) => `${q.label}: ${n} of 5`,
}));

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
    <Form
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
      <SurveyFields
        questions={QUESTIONS}
        values={values}
        onChange={setValues}
        result={action.result}
        commentLabel="Anything else? (optional)"
      />
      {done && <FormMessage tone="success">{done}</FormMessage>}
      <Button type="submit" pending={action.isPending}>
        {initial ? "Update my answers" : "Send my answers"}
      </Button>
    </Form>
  );
}
