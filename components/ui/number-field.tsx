import { Field, inputClass } from "./field";

type NumberFieldProps = {
  label: string;
  error?: string[] | string;
  hint?: string;
  /** The text as typed: the form turns it into a number when it submits, so a bad entry gets the server's message. */
  value: string;
  onChange: React.ChangeEventHandler<HTMLInputElement>;
  /** The on-screen keyboard: whole numbers, or numbers with a decimal point. */
  inputMode?: "numeric" | "decimal";
  disabled?: boolean;
};

/** A labelled number input with its hint and validation message (the Field wiring for screen readers). */
export function NumberField({
  label,
  error,
  hint,
  value,
  onChange,
  inputMode = "numeric",
  disabled,
}: NumberFieldProps) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(p) => (
        <input
          {...p}
          inputMode={inputMode}
          className={inputClass}
          value={value}
          disabled={disabled}
          onChange={onChange}
        />
      )}
    </Field>
  );
}

/** The number a NumberField's text stands for: NaN when it is empty, so the server answers with the field's message. */
export const typedNumber = (text: string) => (text.trim() === "" ? Number.NaN : Number(text));
