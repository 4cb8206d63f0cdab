"use client";

import { useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, inputClass } from "@/components/ui/field";
import { fieldError, formError } from "@/components/forms/errors";
import { loginAction } from "../actions";

export function LoginForm({ next }: { next?: string }) {
  const [values, setValues] = useState({ email: "", password: "" });
  const { execute, result, isPending } = useAction(loginAction);
  return (
    <form
      className="space-y-4"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        execute({ ...values, next });
      }}
    >
      <FormMessage>{formError(result)}</FormMessage>
      <Field label="E-mail" error={fieldError(result, "email")}>
        {(props) => (
          <input
            {...props}
            name="email"
            type="email"
            autoComplete="email"
            className={inputClass}
            value={values.email}
            onChange={(e) => setValues({ ...values, email: e.target.value })}
            // biome-ignore lint/a11y/noAutofocus: the sign-in page has one task, and its first field is where it starts
            autoFocus
          />
        )}
      </Field>
      <Field label="Password" error={fieldError(result, "password")}>
        {(props) => (
          <input
            {...props}
            name="password"
            type="password"
            autoComplete="current-password"
            className={inputClass}
            value={values.password}
            onChange={(e) => setValues({ ...values, password: e.target.value })}
          />
        )}
      </Field>
      <Button type="submit" className="w-full" pending={isPending}>
        Sign in
      </Button>
    </form>
  );
}
