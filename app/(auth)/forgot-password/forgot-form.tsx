"use client";

import { useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { FormMessage } from "@/components/ui/field";
import { fieldError, formError } from "@/components/forms/errors";
import { forgotPasswordAction } from "../actions";
import { AuthForm, CredentialField } from "../auth-form";
import { LocalMailHint } from "../local-mail-hint";

/** `localMailDir`: the demo's local SMTP server's folder, when it is the configured one (see LocalMailHint). */
export function ForgotPasswordForm({ localMailDir }: { localMailDir: string | null }) {
  const [email, setEmail] = useState("");
  const { execute, result, isPending } = useAction(forgotPasswordAction);
  return (
    <AuthForm
      onSubmit={() => execute({ email })}
      error={formError(result)}
      submitLabel="Mail me a reset link"
      pending={isPending}
    >
      {result.data && <FormMessage tone="success">{result.data.message}</FormMessage>}
      {result.data && <LocalMailHint dir={localMailDir} />}
      <CredentialField
        label="E-mail"
        name="email"
        type="email"
        autoComplete="email"
        error={fieldError(result, "email")}
        value={email}
        onChange={setEmail}
      />
    </AuthForm>
  );
}
