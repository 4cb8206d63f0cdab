"use client";

/** A fieldset of radio buttons, each with its label and a plain explanation under it (keyboard: arrows move, Tab leaves). */
export function RadioChoices<K extends string>({
  name,
  legend,
  options,
  value,
  onChange,
  error,
}: {
  name: string;
  legend: string;
  options: Record<K, { label: string; explanation: string }>;
  value: K | null;
  onChange: (value: K) => void;
  error?: string;
}) {
  const errorId = `${name}-error`;
  return (
    <fieldset className="space-y-2" aria-describedby={error ? errorId : undefined}>
      <legend className="mb-1 text-sm font-semibold text-slate-900">{legend}</legend>
      {(Object.keys(options) as K[]).map((key) => (
        <label key={key} className="flex cursor-pointer items-start gap-2 rounded-md p-2 text-sm hover:bg-slate-50">
          <input
            type="radio"
            name={name}
            value={key}
            checked={value === key}
            onChange={() => onChange(key)}
            className="mt-1"
            aria-invalid={error ? true : undefined}
          />
          <span className="min-w-0">
            <span className="font-medium text-slate-900">{options[key].label}</span>
            <span className="block text-slate-600">{options[key].explanation}</span>
          </span>
        </label>
      ))}
      {error && (
        <p id={errorId} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}
