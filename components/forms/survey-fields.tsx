"use client";

import { Field, FormMessage, inputClass } from "@/components/ui/field";
import { fieldError, formError } from "./errors";

const OPTION_CLASS = {
  large:
    "flex min-w-11 cursor-pointer items-center justify-center gap-1 rounded-md border border-slate-300 px-2 py-2 text-sm focus-within:ring-2 focus-within:ring-brand-500 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50",
  compact:
    "flex cursor-pointer items-center gap-1 rounded-md border border-slate-300 px-3 py-1.5 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50",
};

/**
 * One question answered with a score: a fieldset of numbered radio buttons (keyboard: arrows move, Tab leaves),
 * with what the ends of the scale mean and the validation message wired for screen readers.
 */
export function ScoreScale({
  name,
  legend,
  hint,
  scores,
  value,
  onChange,
  error,
  scoreLabel,
  size = "compact",
}: {
  name: string;
  legend: React.ReactNode;
  /** What the ends of the scale mean ("1 = very dissatisfied, 5 = very satisfied"), under the legend. */
  hint?: string;
  scores: readonly number[];
  value: number | null;
  onChange: (score: number) => void;
  error?: string;
  /** Each radio's accessible name, when the number alone does not say which question it answers. */
  scoreLabel?: (score: number) => string;
  /** Large: 44 px targets that wrap (a public page on a phone); compact: one row of small buttons. */
  size?: "large" | "compact";
}) {
  const hintId = `${name}-hint`;
  const errorId = `${name}-error`;
  const describedBy = [hint && hintId, error && errorId].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      )}
      <div className={size === "large" ? "mt-2 flex flex-wrap gap-2" : "mt-2 flex gap-2"}>
        {scores.map((n) => (
          <label key={n} className={OPTION_CLASS[size]}>
            <input
              type="radio"
              name={name}
              value={n}
              checked={value === n}
              onChange={() => onChange(n)}
              aria-label={scoreLabel?.(n)}
            />
            {n}
          </label>
        ))}
      </div>
      {error && (
        <p id={errorId} className="mt-1 text-xs font-medium text-red-600" data-testid="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** One score question of a survey. */
export type ScoreQuestion<K extends string> = {
  name: K;
  legend: React.ReactNode;
  hint?: string;
  scores: readonly number[];
  scoreLabel?: (score: number) => string;
};

type Answers<K extends string> = Record<K, number | null> & { comment: string };

/** A survey's score questions, its optional comment (at most 2,000 characters) and the form's error message. */
export function SurveyFields<K extends string>({
  questions,
  values,
  onChange,
  result,
  commentLabel,
  size,
}: {
  questions: readonly ScoreQuestion<K>[];
  values: Answers<K>;
  onChange: (update: (values: Answers<K>) => Answers<K>) => void;
  result: Parameters<typeof fieldError>[0] & Parameters<typeof formError>[0];
  commentLabel: string;
  size?: "large" | "compact";
}) {
  return (
    <>
      {questions.map((q) => (
        <ScoreScale
          key={q.name}
          name={q.name}
          legend={q.legend}
          hint={q.hint}
          scores={q.scores}
          value={values[q.name]}
          onChange={(n) => onChange((v) => ({ ...v, [q.name]: n }))}
          error={fieldError(result, q.name)}
          scoreLabel={q.scoreLabel}
          size={size}
        />
      ))}
      <Field label={commentLabel} error={fieldError(result, "comment")}>
        {(p) => (
          <textarea
            {...p}
            rows={3}
            className={inputClass}
            value={values.comment}
            maxLength={2000}
            onChange={(e) => {
              const comment = e.target.value;
              onChange((v) => ({ ...v, comment }));
            }}
          />
        )}
      </Field>
      <FormMessage>{formError(result)}</FormMessage>
    </>
  );
}
