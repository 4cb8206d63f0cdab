"use client";

import { Form } from "@/components/forms/form";
import { useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { NumberField, typedNumber } from "@/components/ui/number-field";
import { fieldError, formError } from "@/components/forms/errors";
import { MAX_SURVEY_AGE_DAYS, type FeedbackSettings } from "@/lib/tenants/settings";
import { updateFeedbackSettingsAction } from "./actions";

/** How often customers are surveyed about one touchpoint, and how long their link works. */
export function FeedbackSettingsForm({
  tenantSlug,
  settings,
  readOnly,
}: {
  tenantSlug: string;
  settings: FeedbackSettings;
  readOnly: boolean;
}) {
  const [values, setValues] = useState({
    surveyEveryDays: String(settings.surveyEveryDays),
    linkValidDays: String(settings.linkValidDays),
  });
  const { execute, result, isPending } = useAction(updateFeedbackSettingsAction);
  const set = (key: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement>) =>
    setValues({ ...values, [key]: e.target.value });
  return (
    <Form
      aria-label="Customer surveys"
      className="max-w-xl space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        // Sent as numbers; an empty or non-numeric field reaches the server as NaN and gets its message there.
        execute({
          tenantSlug,
          surveyEveryDays: typedNumber(values.surveyEveryDays),
          linkValidDays: typedNumber(values.linkValidDays),
        });
      }}
    >
      <FormMessage>{formError(result)}</FormMessage>
      {result.data && (
        <FormMessage tone="success">
          Saved: a customer is asked about a touchpoint at most every {result.data.surveyEveryDays} days; links work{" "}
          {result.data.linkValidDays} days.
        </FormMessage>
      )}
      <fieldset disabled={readOnly} className="grid gap-4 sm:grid-cols-2">
        <NumberField
          label="Days between surveys"
          error={fieldError(result, "surveyEveryDays")}
          hint="At most one survey per customer and touchpoint in this many days (1–365)"
          value={values.surveyEveryDays}
          onChange={set("surveyEveryDays")}
        />
        <NumberField
          label="Survey link lifetime (days)"
          error={fieldError(result, "linkValidDays")}
          hint={`How long a link can be answered; interactions older than this get no survey (1–${MAX_SURVEY_AGE_DAYS})`}
          value={values.linkValidDays}
          onChange={set("linkValidDays")}
        />
      </fieldset>
      {!readOnly && (
        <Button type="submit" pending={isPending}>
          Save survey settings
        </Button>
      )}
    </Form>
  );
}
