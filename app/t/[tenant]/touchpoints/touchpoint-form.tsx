"use client";

import { Form } from "@/components/forms/form";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, inputClass } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { fieldError, formError } from "@/components/forms/errors";
import { CHANNELS, CHANNEL_LABELS, DEFAULT_STAGES } from "@/lib/touchpoints/touchpoints";
import { createTouchpointAction, updateTouchpointAction } from "./actions";

export type TouchpointFormValues = {
  name: string;
  description: string;
  stage: string;
  channel: string;
  isMomentOfTruth: boolean;
  weight: string;
};

const EMPTY_TOUCHPOINT: TouchpointFormValues = {
  name: "",
  description: "",
  stage: "engage",
  channel: "FIELD",
  isMomentOfTruth: false,
  weight: "1",
};

export function TouchpointForm({
  tenantSlug,
  touchpointId,
  initial = EMPTY_TOUCHPOINT,
  stages,
}: {
  tenantSlug: string;
  touchpointId?: string;
  initial?: TouchpointFormValues;
  stages: string[];
}) {
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const create = useAction(createTouchpointAction, { onSuccess: () => setValues(EMPTY_TOUCHPOINT) });
  const update = useAction(updateTouchpointAction, { onSuccess: () => router.push(`/t/${tenantSlug}/touchpoints`) });
  const { result, isPending } = touchpointId ? update : create;
  return (
    <Form
      className="space-y-3"
      noValidate
      aria-label={touchpointId ? "Edit touchpoint" : "New touchpoint"}
      onSubmit={(e) => {
        e.preventDefault();
        const input = {
          tenantSlug,
          ...values,
          channel: values.channel as (typeof CHANNELS)[number],
          weight: values.weight.trim() === "" ? Number.NaN : Number(values.weight),
        };
        if (touchpointId) update.execute({ ...input, touchpointId });
        else create.execute(input);
      }}
    >
      <FormMessage>{formError(result)}</FormMessage>
      {!touchpointId && create.result.data && <FormMessage tone="success">Touchpoint added.</FormMessage>}
      <Field label="Touchpoint name" error={fieldError(result, "name")}>
        {(p) => (
          <input
            {...p}
            className={inputClass}
            value={values.name}
            onChange={(e) => setValues({ ...values, name: e.target.value })}
          />
        )}
      </Field>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="Stage" error={fieldError(result, "stage")} hint="attract, connect, engage, convert or your own">
          {(p) => (
            <>
              <input
                {...p}
                list="stages"
                className={inputClass}
                value={values.stage}
                onChange={(e) => setValues({ ...values, stage: e.target.value })}
              />
              <datalist id="stages">
                {[...new Set([...DEFAULT_STAGES, ...stages])].map((s) => (
                  <option key={s} value={s} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <SelectField
          label="Channel"
          error={fieldError(result, "channel")}
          value={values.channel}
          onChange={(e) => setValues({ ...values, channel: e.target.value })}
          options={CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))}
        />
        <Field label="Weight" error={fieldError(result, "weight")}>
          {(p) => (
            <input
              {...p}
              inputMode="decimal"
              className={inputClass}
              value={values.weight}
              onChange={(e) => setValues({ ...values, weight: e.target.value })}
            />
          )}
        </Field>
      </div>
      <Field label="Description" error={fieldError(result, "description")}>
        {(p) => (
          <textarea
            {...p}
            rows={2}
            className={inputClass}
            value={values.description}
            onChange={(e) => setValues({ ...values, description: e.target.value })}
          />
        )}
      </Field>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input
          type="checkbox"
          checked={values.isMomentOfTruth}
          onChange={(e) => setValues({ ...values, isMomentOfTruth: e.target.checked })}
        />
        Moment of truth (weighs more)
      </label>
      <Button type="submit" pending={isPending}>
        {touchpointId ? "Save touchpoint" : "Add touchpoint"}
      </Button>
    </Form>
  );
}
