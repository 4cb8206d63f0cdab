"use client";

import { useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { fieldError, formError } from "@/components/forms/errors";
import { acceptInvitationAction } from "../../actions";
import { AuthForm, CredentialField } from "../../auth-form";

export function AcceptInviteForm({
  token,
  needsAccount,
  email,
}: {
  token: string;
  needsAccount: boolean;
  email: string;
}) {
  const [values, setValues] = useState({ name: "", password: "" });
  const { execute, result, isPending } = useAction(acceptInvitationAction);
  return (
    <AuthForm
      onSubmit={() => execute(needsAccount ? { token, ...values } : { token })}
      error={formError(result)}
      submitLabel={needsAccount ? "Create account and join" : "Accept invitation"}
      pending={isPending}
    >
      {needsAccount && (
        <>
          <p className="text-sm text-slate-600">Create your account for {email}.</p>
          <CredentialField
            label="Your name"
            autoComplete="name"
            error={fieldError(result, "name")}
            value={values.name}
            onChange={(name) => setValues({ ...values, name })}
          />
          <CredentialField
            label="Password"
            type="password"
            autoComplete="new-password"
            hint="At least 10 characters"
            error={fieldError(result, "password")}
            value={values.password}
            onChange={(password) => setValues({ ...values, password })}
          />
        </>
      )}
    </AuthForm>
  );
}
