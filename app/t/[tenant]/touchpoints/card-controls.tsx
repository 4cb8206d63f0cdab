"use client";

import { Form } from "@/components/forms/form";
import { useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { ChevronDown, ChevronUp } from "lucide-react";
import { Button } from "@/components/ui/button";
import { formError } from "@/components/forms/errors";
import { inputBase } from "@/components/ui/field";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { assignPartnerAction, moveTouchpointAction, unassignPartnerAction } from "./actions";

export function MoveButtons({
  tenantSlug,
  touchpointId,
  name,
  first,
  last,
}: {
  tenantSlug: string;
  touchpointId: string;
  name: string;
  first: boolean;
  last: boolean;
}) {
  const { execute, result, isPending } = useAction(moveTouchpointAction);
  return (
    <span className="inline-flex items-center gap-1">
      {formError(result) && <span className="text-xs text-red-600">{formError(result)}</span>}
      <Button
        variant="ghost"
        className="p-1"
        disabled={first || isPending}
        aria-label={`Move ${name} up`}
        onClick={() => execute({ tenantSlug, touchpointId, direction: "up" })}
      >
        <ChevronUp className="size-4" aria-hidden />
      </Button>
      <Button
        variant="ghost"
        className="p-1"
        disabled={last || isPending}
        aria-label={`Move ${name} down`}
        onClick={() => execute({ tenantSlug, touchpointId, direction: "down" })}
      >
        <ChevronDown className="size-4" aria-hidden />
      </Button>
    </span>
  );
}

export function AssignPartner({
  tenantSlug,
  touchpointId,
  name,
  partners,
}: {
  tenantSlug: string;
  touchpointId: string;
  name: string;
  partners: { id: string; name: string }[];
}) {
  const [partnerId, setPartnerId] = useState("");
  const { execute, result, isPending } = useAction(assignPartnerAction, { onSuccess: () => setPartnerId("") });
  const message = formError(result) ?? result.validationErrors?.fieldErrors?.partnerId?.[0];
  return (
    <Form
      className="mt-2 space-y-1"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        execute({ tenantSlug, touchpointId, partnerId });
      }}
    >
      <div className="flex gap-1">
        <label className="sr-only" htmlFor={`assign-${touchpointId}`}>
          Assign a partner to {name}
        </label>
        <select
          id={`assign-${touchpointId}`}
          className={`${inputBase} block min-w-0 flex-1 py-1 text-xs`}
          value={partnerId}
          onChange={(e) => setPartnerId(e.target.value)}
        >
          <option value="">Assign a partner…</option>
          {partners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <Button type="submit" variant="secondary" className="px-2 py-1 text-xs" pending={isPending}>
          Assign
        </Button>
      </div>
      {message && (
        <p className="text-xs text-red-600" role="alert">
          {message}
        </p>
      )}
    </Form>
  );
}

export function UnassignPartner({
  tenantSlug,
  touchpointId,
  partnerId,
  partnerName,
  touchpointName,
}: {
  tenantSlug: string;
  touchpointId: string;
  partnerId: string;
  partnerName: string;
  touchpointName: string;
}) {
  const { execute, isPending } = useAction(unassignPartnerAction);
  return (
    <ConfirmDialog
      trigger={`Unassign ${partnerName}`}
      triggerText="Unassign"
      title={`Unassign ${partnerName} from ${touchpointName}?`}
      description="The standards of this touchpoint stop applying to this partner. Past assessments are kept."
      confirmLabel="Unassign"
      pending={isPending}
      onConfirm={() => execute({ tenantSlug, touchpointId, partnerId })}
    />
  );
}
