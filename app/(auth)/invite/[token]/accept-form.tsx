"use client";

import { useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, inputClass } from "@/components/ui/field";
import { fieldError, formError } from "@/components/forms/errors";
import { acceptInvitationAction } from "../../actions";

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
    <form
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        execute(needsAccount ? { token, ...values } : { token });
      }}
    >
      <FormMessage>{formError(result)}</FormMessage>
      {needsAccount && (
        <>
          <p className="text-sm text-slate-600">Create your account for {email}.</p>
          <Field label="Your name" error={fieldError(result, "name")}>
            {(p) => (
              <input
                {...p}
                autoComplete="name"
                className={inputClass}
                value={values.name}
                onChange={(e) => setValues({ ...values, name: e.target.value })}
              />
            )}
          </Field>
          <Field label="Password" error={fieldError(result, "password")} hint="At least 10 characters">
            {(p) => (
              <input
                {...p}
                type="password"
                autoComplete="new-password"
                className={inputClass}
                value={values.password}
                onChange={(e) => setValues({ ...values, password: e.target.value })}
              />
            )}
          </Field>
        </>
      )}
      <Button type="submit" className="w-full" pending={isPending}>
        {needsAccount ? "Create account and join" : "Accept invitation"}
      </Button>
    </form>
  );
}
