"use client";

import { useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { fieldError, formError } from "@/components/forms/errors";
import { resetPasswordAction } from "../../actions";
import { AuthForm, CredentialField } from "../../auth-form";

export function ResetPasswordForm({ token }: { token: string }) {
  const [password, setPassword] = useState("");
  const { execute, result, isPending } = useAction(resetPasswordAction);
  return (
    <AuthForm
      onSubmit={() => execute({ token, password })}
      error={formError(result) ?? fieldError(result, "token")}
      submitLabel="Set new password"
      pending={isPending}
    >
      <CredentialField
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters"
        error={fieldError(result, "password")}
        value={password}
        onChange={setPassword}
      />
    </AuthForm>
  );
}
