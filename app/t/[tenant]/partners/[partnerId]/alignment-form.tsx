"use client";

import { Form } from "@/components/forms/form";
import { useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { FormMessage, inputClass } from "@/components/ui/field";
import { formError } from "@/components/forms/errors";
import { saveAlignmentAction } from "../actions";

type Question = { id: string; text: string; weight: number; rating: number | null };

const RATINGS = [0, 1, 2, 3, 4, 5];

/** The values-alignment questionnaire: each question rated 0 (not at all) to 5 (fully shares it). */
export function AlignmentForm({
  tenantSlug,
  partnerId,
  questions,
  disabled,
}: {
  tenantSlug: string;
  partnerId: string;
  questions: Question[];
  disabled?: boolean;
}) {
  const [ratings, setRatings] = useState<Record<string, string>>(
    Object.fromEntries(questions.map((q) => [q.id, q.rating === null ? "" : String(q.rating)])),
  );
  const { execute, result, isPending } = useAction(saveAlignmentAction);
  const fieldMessage = result.validationErrors?.fieldErrors?.answers?.[0];
  return (
    <Form
      className="space-y-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const answers = questions
          .filter((q) => ratings[q.id] !== "")
          .map((q) => ({ questionId: q.id, rating: Number(ratings[q.id]) }));
        execute({ tenantSlug, partnerId, answers });
      }}
    >
      <FormMessage>{formError(result) ?? fieldMessage}</FormMessage>
      {result.data && (
        <FormMessage tone="success">
          Alignment score saved: {result.data.score.toFixed(1)} / 100
          {result.data.unanswered > 0 ? ` (${result.data.unanswered} question(s) not answered yet)` : ""}.
        </FormMessage>
      )}
      <ol className="space-y-2">
        {questions.map((q, i) => (
          <li key={q.id} className="grid gap-1 text-sm sm:grid-cols-[minmax(0,1fr)_8rem] sm:items-center sm:gap-3">
            <label htmlFor={`q-${q.id}`} className="min-w-0 text-slate-700">
              {i + 1}. {q.text} <span className="text-xs text-slate-500">(weight {q.weight})</span>
            </label>
            <select
              id={`q-${q.id}`}
              className={inputClass}
              value={ratings[q.id]}
              disabled={disabled}
              onChange={(e) => setRatings({ ...ratings, [q.id]: e.target.value })}
            >
              <option value="">Not rated</option>
              {RATINGS.map((r) => (
                <option key={r} value={r}>
                  {r} / 5
                </option>
              ))}
            </select>
          </li>
        ))}
      </ol>
      {!disabled && (
        <Button type="submit" pending={isPending}>
          Save alignment
        </Button>
      )}
    </Form>
  );
}
