"use client";

import { Form } from "@/components/forms/form";
import { useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { fieldError, formError } from "@/components/forms/errors";
import { RadioChoices } from "@/components/forms/radio-choices";
import { CHANNEL_DESIGN_OPTIONS, INTEGRATION_SCOPE_OPTIONS } from "@/lib/touchpoints/channel-design";
import type { ChannelSettings } from "@/lib/tenants/settings";
import { updateChannelDesignAction } from "./actions";

export function ChannelDesignForm({
  tenantSlug,
  initial,
  readOnly,
}: {
  tenantSlug: string;
  initial: ChannelSettings;
  readOnly: boolean;
}) {
  const [values, setValues] = useState<ChannelSettings>(initial);
  const { execute, result, isPending } = useAction(updateChannelDesignAction);
  return (
    <Form
      aria-label="Channel design"
      className="max-w-2xl space-y-6"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        execute({ tenantSlug, design: values.design as never, scope: values.scope as never });
      }}
    >
      <FormMessage>{formError(result)}</FormMessage>
      {result.data && (
        <FormMessage tone="success">
          Saved: {CHANNEL_DESIGN_OPTIONS[result.data.design ?? "TRANSACTIONAL"].label.toLowerCase()} channel design,{" "}
          {INTEGRATION_SCOPE_OPTIONS[result.data.scope ?? "COMPOSITE"].label.toLowerCase()} scope.
        </FormMessage>
      )}
      <fieldset disabled={readOnly} className="grid gap-6 md:grid-cols-2">
        <RadioChoices
          name="design"
          legend="Channel design: how the brand reaches customers"
          options={CHANNEL_DESIGN_OPTIONS}
          value={values.design}
          onChange={(design) => setValues({ ...values, design })}
          error={fieldError(result, "design")}
        />
        <RadioChoices
          name="scope"
          legend="Scope of integration: who performs the experience"
          options={INTEGRATION_SCOPE_OPTIONS}
          value={values.scope}
          onChange={(scope) => setValues({ ...values, scope })}
          error={fieldError(result, "scope")}
        />
      </fieldset>
      {!readOnly && (
        <Button type="submit" pending={isPending}>
          Save channel design
        </Button>
      )}
    </Form>
  );
}
