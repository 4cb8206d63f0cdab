"use client";

import { Form } from "@/components/forms/form";
import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { formError } from "@/components/forms/errors";
import { stopSurveysAction } from "./actions";

/** "Stop asking me": a button, not a link, so a mail scanner that follows the survey link stops nothing. */
export function StopSurveys({ token, tenantName }: { token: string; tenantName: string }) {
  const action = useAction(stopSurveysAction);
  const error = formError(action.result);
  if (action.result.data?.stopped)
    return (
      <p className="text-sm text-slate-700" role="status" data-testid="surveys-stopped">
        Done: {tenantName} will not send you surveys again.
      </p>
    );
  return (
    <Form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        action.execute({ token });
      }}
    >
      <h2 className="text-sm font-semibold">Rather not be asked?</h2>
      <p className="text-sm text-slate-600">
        Stop every survey from {tenantName}, by e-mail or by link. You will not be asked again.
      </p>
      {error ? <FormMessage tone="error">{error}</FormMessage> : null}
      <Button type="submit" variant="secondary" pending={action.isPending}>
        Stop asking me
      </Button>
    </Form>
  );
}
