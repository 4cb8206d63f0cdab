"use client";

import { Form } from "@/components/forms/form";
import { useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { NumberField, typedNumber } from "@/components/ui/number-field";
import { SelectField } from "@/components/ui/select-field";
import { fieldError, formError } from "@/components/forms/errors";
import type { ValueSettings } from "@/lib/tenants/settings";
import { updateValueSettingsAction } from "./actions";

/** Percentages in the form, fractions in the settings. */
const pct = (v: number) => String(Math.round(v * 10000) / 100);
const fraction = (s: string) => typedNumber(s) / 100;

const MODELS = [
  { value: "BG_NBD", label: "BG/NBD + Gamma-Gamma (non-contractual)" },
  { value: "RETENTION", label: "Retention model (contractual)" },
];

export function ValueSettingsForm({
  tenantSlug,
  settings,
  readOnly,
}: {
  tenantSlug: string;
  settings: ValueSettings;
  readOnly: boolean;
}) {
  const [values, setValues] = useState({
    model: settings.model,
    horizonMonths: String(settings.horizonMonths),
    discount: pct(settings.annualDiscountRate),
    churnB2B: pct(settings.churnProbability.B2B),
    churnB2C: pct(settings.churnProbability.B2C),
  });
  const { execute, result, isPending } = useAction(updateValueSettingsAction);
  const set = (key: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setValues({ ...values, [key]: e.target.value });
  return (
    <Form
      className="max-w-xl space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        execute({
          tenantSlug,
          model: values.model,
          horizonMonths: typedNumber(values.horizonMonths),
          annualDiscountRate: fraction(values.discount),
          churnB2B: fraction(values.churnB2B),
          churnB2C: fraction(values.churnB2C),
        });
      }}
    >
      <FormMessage>{formError(result)}</FormMessage>
      {result.data && (
        <FormMessage tone="success">Value settings saved. Recompute customer values to apply them.</FormMessage>
      )}
      <fieldset disabled={readOnly} className="space-y-4">
        <SelectField
          label="CLV model"
          error={fieldError(result, "model")}
          hint="BG/NBD for non-contractual buying (retail); retention for contracts and subscriptions"
          value={values.model}
          onChange={set("model") as never}
          options={MODELS}
        />
        <NumberField
          label="Horizon (months)"
          error={fieldError(result, "horizonMonths")}
          hint="How far ahead the BG/NBD “expected purchases” figure looks (1–120). CLV itself is always lifetime (≥ 95 % of the discounted value)."
          value={values.horizonMonths}
          onChange={set("horizonMonths")}
        />
        <NumberField
          label="Annual discount rate (%)"
          error={fieldError(result, "annualDiscountRate")}
          hint="e.g. 10 for 10 % a year"
          inputMode="decimal"
          value={values.discount}
          onChange={set("discount")}
        />
        <div className="grid grid-cols-2 gap-4">
          <NumberField
            label="B2B churn after a bad experience (%)"
            error={fieldError(result, "churnB2B")}
            hint="Default 66"
            inputMode="decimal"
            value={values.churnB2B}
            onChange={set("churnB2B")}
          />
          <NumberField
            label="B2C churn after a bad experience (%)"
            error={fieldError(result, "churnB2C")}
            hint="Default 52"
            inputMode="decimal"
            value={values.churnB2C}
            onChange={set("churnB2C")}
          />
        </div>
      </fieldset>
      {!readOnly && (
        <Button type="submit" pending={isPending}>
          Save value settings
        </Button>
      )}
    </Form>
  );
}
