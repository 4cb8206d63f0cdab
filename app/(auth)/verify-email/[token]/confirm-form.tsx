"use client";

import { Form } from "@/components/forms/form";
import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { fieldError, formError } from "@/components/forms/errors";
import { verifyEmailAction } from "../../actions";

export function ConfirmEmailForm({ token }: { token: string }) {
  const { execute, result, isPending } = useAction(verifyEmailAction);
  return (
    <Form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        execute({ token });
      }}
    >
      <FormMessage>{formError(result) ?? fieldError(result, "token")}</FormMessage>
      <Button type="submit" className="w-full" pending={isPending}>
        Confirm my e-mail address
      </Button>
    </Form>
  );
}
