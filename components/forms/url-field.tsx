import { Field, inputClass } from "@/components/ui/field";

/** A labelled URL input with its hint and validation message (the webhook endpoint and chat webhook forms). */
export function UrlField({
  label,
  error,
  hint,
  value,
  placeholder,
  onChange,
}: {
  label: string;
  error?: string[] | string;
  hint: string;
  value: string;
  placeholder: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(p) => (
        <input
          {...p}
          type="url"
          className={inputClass}
          value={value}
          placeholder={placeholder}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
