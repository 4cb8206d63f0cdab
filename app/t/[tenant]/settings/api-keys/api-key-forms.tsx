"use client";

import { Form } from "@/components/forms/form";
import { useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field, FormMessage, inputClass } from "@/components/ui/field";
import { NumberField } from "@/components/ui/number-field";
import { SelectField } from "@/components/ui/select-field";
import { fieldError, formError } from "@/components/forms/errors";
import { createApiKeyAction, revokeApiKeyAction } from "./actions";

const EMPTY = { name: "", partnerId: "", rateLimitPerMinute: "600" };

export function CreateApiKeyForm({
  tenantSlug,
  partners,
}: {
  tenantSlug: string;
  partners: { id: string; name: string }[];
}) {
  const [values, setValues] = useState(EMPTY);
  const [copied, setCopied] = useState(false);
  const { execute, result, isPending } = useAction(createApiKeyAction, {
    onSuccess: () => {
      setValues(EMPTY);
      setCopied(false);
    },
  });
  return (
    <Form
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        execute({
          tenantSlug,
          name: values.name,
          partnerId: values.partnerId,
          rateLimitPerMinute: values.rateLimitPerMinute as unknown as number,
        });
      }}
    >
      <FormMessage>{formError(result)}</FormMessage>
      {result.data && (
        <FormMessage tone="success">
          Key “{result.data.name}” created. Copy it now: it is shown only once and cannot be recovered.
          <code
            className="mt-2 block break-all rounded bg-white px-2 py-1 text-xs text-slate-800"
            data-testid="new-api-key"
          >
            {result.data.key}
          </code>
          <button
            type="button"
            className="mt-2 text-xs font-medium text-emerald-900 underline"
            onClick={() => {
              void navigator.clipboard?.writeText(result.data!.key).then(() => setCopied(true));
            }}
          >
            {copied ? "Copied" : "Copy to clipboard"}
          </button>
        </FormMessage>
      )}
      <Field
        label="Name"
        error={fieldError(result, "name")}
        hint="The system that uses the key, e.g. “ERP” or “Swift TMS”"
      >
        {(p) => (
          <input
            {...p}
            className={inputClass}
            value={values.name}
            onChange={(e) => setValues({ ...values, name: e.target.value })}
          />
        )}
      </Field>
      <SelectField
        label="Scope"
        error={fieldError(result, "partnerId")}
        hint="A partner key reads and writes only that partner's data"
        value={values.partnerId}
        onChange={(e) => setValues({ ...values, partnerId: e.target.value })}
        placeholder="Whole workspace"
        options={partners.map((partner) => ({ value: partner.id, label: `Partner: ${partner.name}` }))}
      />
      <NumberField
        label="Rate limit (requests per minute)"
        error={fieldError(result, "rateLimitPerMinute")}
        value={values.rateLimitPerMinute}
        onChange={(e) => setValues({ ...values, rateLimitPerMinute: e.target.value })}
      />
      <Button type="submit" pending={isPending}>
        Create API key
      </Button>
    </Form>
  );
}

export function RevokeApiKeyButton({
  tenantSlug,
  apiKeyId,
  name,
}: {
  tenantSlug: string;
  apiKeyId: string;
  name: string;
}) {
  const { execute, result, isPending } = useAction(revokeApiKeyAction);
  return (
    <span className="inline-flex items-center gap-2">
      {formError(result) && <span className="text-xs text-red-600">{formError(result)}</span>}
      <ConfirmDialog
        trigger="Revoke"
        title={`Revoke the key “${name}”?`}
        description="Requests with this key are refused at once (401). This cannot be undone; create a new key to restore access."
        confirmLabel="Revoke key"
        pending={isPending}
        onConfirm={() => execute({ tenantSlug, apiKeyId })}
      />
    </span>
  );
}
