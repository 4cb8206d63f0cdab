"use client";

import { Form } from "@/components/forms/form";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, inputClass } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { fieldError, formError } from "@/components/forms/errors";
import { PARTNER_TIERS, PARTNER_TIER_LABELS, PARTNER_TYPES, PARTNER_TYPE_LABELS } from "@/lib/partners/schemas";
import { createPartnerAction, updatePartnerAction } from "./actions";

export type PartnerFormValues = {
  name: string;
  type: string;
  tier: string;
  region: string;
  contractStart: string;
  contractEnd: string;
  website: string;
  description: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
};

const EMPTY_PARTNER: PartnerFormValues = {
  name: "",
  type: "DELIVERY",
  tier: "REGISTERED",
  region: "",
  contractStart: "",
  contractEnd: "",
  website: "",
  description: "",
  contactName: "",
  contactEmail: "",
  contactPhone: "",
};

export function PartnerForm({
  tenantSlug,
  partnerId,
  initial = EMPTY_PARTNER,
}: {
  tenantSlug: string;
  partnerId?: string;
  initial?: PartnerFormValues;
}) {
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const onSuccess = ({ data }: { data?: { id: string } }) =>
    data && router.push(`/t/${tenantSlug}/partners/${data.id}`);
  const create = useAction(createPartnerAction, { onSuccess });
  const update = useAction(updatePartnerAction, { onSuccess });
  const { result, isPending } = partnerId ? update : create;
  const set =
    (key: keyof PartnerFormValues) =>
    (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
      setValues({ ...values, [key]: e.target.value });
  return (
    <Form
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const input = { tenantSlug, ...values } as Parameters<typeof createPartnerAction>[0];
        if (partnerId) update.execute({ ...input, partnerId });
        else create.execute(input);
      }}
    >
      <FormMessage>{formError(result)}</FormMessage>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" error={fieldError(result, "name")}>
          {(p) => <input {...p} className={inputClass} value={values.name} onChange={set("name")} />}
        </Field>
        <Field label="Region" error={fieldError(result, "region")} hint="Where the partner serves your customers">
          {(p) => <input {...p} className={inputClass} value={values.region} onChange={set("region")} />}
        </Field>
        <SelectField
          label="Type"
          error={fieldError(result, "type")}
          value={values.type}
          onChange={set("type")}
          options={PARTNER_TYPES.map((t) => ({ value: t, label: PARTNER_TYPE_LABELS[t] }))}
        />
        <SelectField
          label="Tier"
          error={fieldError(result, "tier")}
          value={values.tier}
          onChange={set("tier")}
          options={PARTNER_TIERS.map((t) => ({ value: t, label: PARTNER_TIER_LABELS[t] }))}
        />
        <Field label="Contract start" error={fieldError(result, "contractStart")}>
          {(p) => (
            <input
              {...p}
              type="date"
              className={inputClass}
              value={values.contractStart}
              onChange={set("contractStart")}
            />
          )}
        </Field>
        <Field label="Contract end" error={fieldError(result, "contractEnd")}>
          {(p) => (
            <input {...p} type="date" className={inputClass} value={values.contractEnd} onChange={set("contractEnd")} />
          )}
        </Field>
        <Field label="Website" error={fieldError(result, "website")} hint="https://…">
          {(p) => <input {...p} type="url" className={inputClass} value={values.website} onChange={set("website")} />}
        </Field>
      </div>
      <Field label="Description" error={fieldError(result, "description")}>
        {(p) => (
          <textarea {...p} rows={3} className={inputClass} value={values.description} onChange={set("description")} />
        )}
      </Field>
      <fieldset className="grid gap-4 rounded-md border border-slate-200 p-4 sm:grid-cols-3">
        <legend className="px-1 text-sm font-medium text-slate-700">Primary contact (optional)</legend>
        <Field label="Contact name" error={fieldError(result, "contactName")}>
          {(p) => <input {...p} className={inputClass} value={values.contactName} onChange={set("contactName")} />}
        </Field>
        <Field label="Contact e-mail" error={fieldError(result, "contactEmail")}>
          {(p) => (
            <input
              {...p}
              type="email"
              className={inputClass}
              value={values.contactEmail}
              onChange={set("contactEmail")}
            />
          )}
        </Field>
        <Field label="Contact phone" error={fieldError(result, "contactPhone")}>
          {(p) => <input {...p} className={inputClass} value={values.contactPhone} onChange={set("contactPhone")} />}
        </Field>
      </fieldset>
      <Button type="submit" pending={isPending}>
        {partnerId ? "Save changes" : "Create partner"}
      </Button>
    </Form>
  );
}
