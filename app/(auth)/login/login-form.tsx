"use client";

import { useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { fieldError, formError } from "@/components/forms/errors";
import { loginAction } from "../actions";
import { AuthForm, CredentialField } from "../auth-form";

export function LoginForm({ next }: { next?: string }) {
  const [values, setValues] = useState({ email: "", password: "" });
  const { execute, result, isPending } = useAction(loginAction);
  return (
    <AuthForm
      onSubmit={() => execute({ ...values, next })}
      error={formError(result)}
      submitLabel="Sign in"
      pending={isPending}
    >
      <CredentialField
        label="E-mail"
        name="email"
        type="email"
        autoComplete="email"
        error={fieldError(result, "email")}
        value={values.email}
        onChange={(email) => setValues({ ...values, email })}
        autoFocus
      />
      <CredentialField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        error={fieldError(result, "password")}
        value={values.password}
        onChange={(password) => setValues({ ...values, password })}
      />
    </AuthForm>
  );
}
