"use client";

import { useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, inputClass } from "@/components/ui/field";
import { fieldError, formError } from "@/components/forms/errors";
import { forgotPasswordAction } from "../actions";

export function ForgotPasswordForm() {
  const [email, setEmail] = useState("");
  const { execute, result, isPending } = useAction(forgotPasswordAction);
  return (
    <form
      className="space-y-4"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        execute({ email });
      }}
    >
      <FormMessage>{formError(result)}</FormMessage>
      {result.data && <FormMessage tone="success">{result.data.message}</FormMessage>}
      <Field label="E-mail" error={fieldError(result, "email")}>
        {(props) => (
          <input
            {...props}
            name="email"
            type="email"
            autoComplete="email"
            className={inputClass}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        )}
      </Field>
      <Button type="submit" className="w-full" pending={isPending}>
        Mail me a reset link
      </Button>
    </form>
  );
}
