"use client";

import { Form } from "@/components/forms/form";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, inputClass } from "@/components/ui/field";

/** A sign-in, sign-up or account form: the form's error on top, its fields, and one full-width submit button. */
export function AuthForm({
  onSubmit,
  error,
  submitLabel,
  pending,
  children,
}: {
  onSubmit: () => void;
  /** The answer's message for the whole form (not for one field). */
  error?: string;
  submitLabel: string;
  pending: boolean;
  children: React.ReactNode;
}) {
  return (
    <Form
      className="space-y-4"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <FormMessage>{error}</FormMessage>
      {children}
      <Button type="submit" className="w-full" pending={pending}>
        {submitLabel}
      </Button>
    </Form>
  );
}

/** A labelled text input that the browser's password manager can fill (its autocomplete token says what it holds). */
export function CredentialField({
  label,
  name,
  type,
  autoComplete,
  hint,
  error,
  value,
  onChange,
  autoFocus,
}: {
  label: string;
  name?: string;
  type?: "text" | "email" | "password";
  autoComplete: string;
  hint?: string;
  error?: string[] | string;
  value: string;
  onChange: (value: string) => void;
  autoFocus?: boolean;
}) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(props) => (
        <input
          {...props}
          name={name}
          type={type}
          autoComplete={autoComplete}
          className={inputClass}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          // biome-ignore lint/a11y/noAutofocus: only the sign-in page asks for it, where the first field is where its one task starts
          autoFocus={autoFocus}
        />
      )}
    </Field>
  );
}
