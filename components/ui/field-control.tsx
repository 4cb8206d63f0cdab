"use client";

import { useEffect, useId, useRef, useState } from "react";

type FieldProps = {
  label: string;
  error?: string[] | string;
  hint?: string;
  children: (props: { id: string; "aria-invalid"?: boolean; "aria-describedby"?: string }) => React.ReactNode;
};

/**
 * A labelled form control with its hint and its validation message wired for screen readers.
 * The message hides as soon as the field is edited (it described the old value) and comes back
 * with the next submit's answer; when a submit fails, focus moves to the first invalid field
 * (not left on the body where the disabled submit button dropped it).
 */
export function Field({ label, error, hint, children }: FieldProps) {
  const id = useId();
  const wrapper = useRef<HTMLDivElement>(null);
  const [edited, setEdited] = useState(false);
  const message = edited ? undefined : Array.isArray(error) ? error[0] : error;
  useEffect(() => {
    const form = wrapper.current?.closest("form");
    if (!form) return;
    const resubmitted = () => setEdited(false);
    form.addEventListener("submit", resubmitted);
    return () => form.removeEventListener("submit", resubmitted);
  }, []);
  useEffect(() => {
    if (message) focusFirstInvalid(wrapper.current?.closest("form"));
  }, [message]);
  const describedBy = [hint && `${id}-hint`, message && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div ref={wrapper} className="space-y-1" onInput={() => setEdited(true)} onChange={() => setEdited(true)}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children({ id, "aria-invalid": message ? true : undefined, "aria-describedby": describedBy })}
      {hint && !message && (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      {message && (
        <p id={`${id}-error`} className="text-xs font-medium text-red-600" data-testid="field-error">
          {message}
        </p>
      )}
    </div>
  );
}

/** Focuses the form's first invalid control, unless the user is already typing in one of its fields. */
function focusFirstInvalid(form: HTMLFormElement | null | undefined) {
  if (!form) return;
  const active = document.activeElement;
  const typing = active instanceof HTMLElement && form.contains(active) && active.matches("input, textarea, select");
  if (typing) return;
  form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}
