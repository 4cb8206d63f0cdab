import { Field, inputClass } from "./field";

type SelectOption = { value: string; label: string };

type SelectFieldProps = {
  label: string;
  error?: string[] | string;
  hint?: string;
  value: string;
  onChange: React.ChangeEventHandler<HTMLSelectElement>;
  options: readonly SelectOption[];
  /** The label of an empty first option ("Choose a partner…"), for a choice not made yet. */
  placeholder?: string;
  disabled?: boolean;
  /** The form field's name, when the form is also submitted as FormData. */
  name?: string;
};

/** A labelled select with its options, hint and validation message (the Field wiring for screen readers). */
export function SelectField({
  label,
  error,
  hint,
  value,
  onChange,
  options,
  placeholder,
  disabled,
  name,
}: SelectFieldProps) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(p) => (
        <select {...p} name={name} className={inputClass} value={value} onChange={onChange} disabled={disabled}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
