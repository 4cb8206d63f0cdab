"use client";

import { Form } from "@/components/forms/form";
import { useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, inputClass } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { fieldError, formError } from "@/components/forms/errors";
import { PARTNER_STATUS_DESCRIPTIONS, PARTNER_STATUS_LABELS, type PartnerStatus } from "@/lib/partners/lifecycle";
import { transitionPartnerAction } from "../actions";

/** Move the partner to one of its allowed next statuses, with a reason (kept in the audit log). */
export function LifecycleForm({
  tenantSlug,
  partnerId,
  allowed,
}: {
  tenantSlug: string;
  partnerId: string;
  allowed: readonly PartnerStatus[];
}) {
  const [to, setTo] = useState<string>(allowed[0] ?? "");
  const [reason, setReason] = useState("");
  const { execute, result, isPending } = useAction(transitionPartnerAction, { onSuccess: () => setReason("") });
  if (allowed.length === 0)
    return <p className="text-sm text-slate-600">Offboarded is final: no further transition.</p>;
  return (
    <Form
      className="space-y-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        execute({ tenantSlug, partnerId, to: to as PartnerStatus, reason });
      }}
    >
      <FormMessage>{formError(result)}</FormMessage>
      {result.data && <FormMessage tone="success">Moved to {PARTNER_STATUS_LABELS[result.data.to]}.</FormMessage>}
      <SelectField
        label="Move to"
        error={fieldError(result, "to")}
        hint={to ? PARTNER_STATUS_DESCRIPTIONS[to as PartnerStatus] : undefined}
        value={to}
        onChange={(e) => setTo(e.target.value)}
        options={allowed.map((s) => ({ value: s, label: PARTNER_STATUS_LABELS[s] }))}
      />
      <Field label="Reason" error={fieldError(result, "reason")}>
        {(p) => (
          <textarea {...p} rows={2} className={inputClass} value={reason} onChange={(e) => setReason(e.target.value)} />
        )}
      </Field>
      <Button type="submit" pending={isPending}>
        Change status
      </Button>
    </Form>
  );
}
