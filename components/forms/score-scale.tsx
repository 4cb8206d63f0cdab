"use client";

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
