"use client";

import { Form } from "@/components/forms/form";
import { useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, inputClass } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { fieldError, formError } from "@/components/forms/errors";
import { inviteMemberAction } from "./actions";

const ROLES = [
  ["STEWARD", "Steward (brand staff)"],
  ["ANALYST", "Analyst (read-mostly)"],
  ["OWNER", "Owner"],
  ["PARTNER_ADMIN", "Partner admin"],
  ["PARTNER_AGENT", "Partner agent"],
] as const;

export function InviteForm({ tenantSlug, partners }: { tenantSlug: string; partners: { id: string; name: string }[] }) {
  const [values, setValues] = useState({ email: "", role: "STEWARD", partnerId: "" });
  const { execute, result, isPending } = useAction(inviteMemberAction, {
    onSuccess: () => setValues({ email: "", role: values.role, partnerId: values.partnerId }),
  });
  const partnerRole = values.role.startsWith("PARTNER_");
  return (
    <Form
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        execute({ tenantSlug, ...values, role: values.role as (typeof ROLES)[number][0] });
      }}
    >
      <FormMessage>{formError(result)}</FormMessage>
      {result.data && (
        <FormMessage tone="success">
          Invitation for {result.data.email} created. Send them this link (it is shown once and works for 7 days):
          <code
            className="mt-2 block break-all rounded bg-white px-2 py-1 text-xs text-slate-800"
            data-testid="invite-link"
          >
            {result.data.link}
          </code>
        </FormMessage>
      )}
      <Field label="E-mail" error={fieldError(result, "email")}>
        {(p) => (
          <input
            {...p}
            type="email"
            className={inputClass}
            value={values.email}
            onChange={(e) => setValues({ ...values, email: e.target.value })}
          />
        )}
      </Field>
      <SelectField
        label="Role"
        error={fieldError(result, "role")}
        value={values.role}
        onChange={(e) => setValues({ ...values, role: e.target.value })}
        options={ROLES.map(([value, label]) => ({ value, label }))}
      />
      {partnerRole && (
        <SelectField
          label="Partner"
          error={fieldError(result, "partnerId")}
          hint="Partner users see only this partner's data"
          value={values.partnerId}
          onChange={(e) => setValues({ ...values, partnerId: e.target.value })}
          placeholder="Choose a partner…"
          options={partners.map((partner) => ({ value: partner.id, label: partner.name }))}
        />
      )}
      <Button type="submit" pending={isPending}>
        Create invitation
      </Button>
    </Form>
  );
}
