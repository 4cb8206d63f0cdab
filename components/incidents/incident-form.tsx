"use client";

import { Form } from "@/components/forms/form";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, inputClass } from "@/components/ui/field";
import { fieldError, formError } from "@/components/forms/errors";
import { SelectField } from "@/components/ui/select-field";
import { INCIDENT_CATEGORIES, SEVERITIES, SEVERITY_LABELS } from "@/lib/incidents/labels";
import type { ActionProp } from "@/components/forms/action-prop";

type Option = { id: string; name: string };
/** A touchpoint and, on the steward form, the partners that handle it (the portal lists only its own). */
type TouchpointOption = Option & { partnerIds?: string[] };

type IncidentInput = {
  tenantSlug: string;
  partnerId: string;
  touchpointId: string;
  customerRef?: string | null;
  severity: (typeof SEVERITIES)[number];
  category: string;
  title: string;
  description: string;
  customersAffected: number;
  costRefunds: number;
  costReshipment: number;
  costCredits: number;
  costHandling: number;
};

type Props = {
  tenantSlug: string;
  mode: "steward" | "partner";
  partners: Option[];
  touchpoints: TouchpointOption[];
  /** The steward's create action (sends partnerId) or the portal's report action. */
  action: ActionProp<IncidentInput, { id: string }>;
};

/** Incident capture: the steward form (chooses the partner) or the partner portal form (its own partner). */
export function IncidentForm({ tenantSlug, mode, partners, touchpoints, action }: Props) {
  const router = useRouter();
  const [v, setV] = useState({
    partnerId: "",
    touchpointId: "",
    customerRef: "",
    severity: "MEDIUM",
    category: INCIDENT_CATEGORIES[0] as string,
    title: "",
    description: "",
    customersAffected: "1",
    costRefunds: "0",
    costReshipment: "0",
    costCredits: "0",
    costHandling: "0",
  });
  const base = mode === "steward" ? `/t/${tenantSlug}/incidents` : `/portal/${tenantSlug}/incidents`;
  const onSuccess = ({ data }: { data?: { id: string } }) => data && router.push(`${base}/${data.id}`);
  const { execute, result, isPending } = useAction(action, { onSuccess });
  const set =
    (key: keyof typeof v) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
      setV({ ...v, [key]: e.target.value });
  // Only the touchpoints the chosen partner handles; none until a partner is chosen (steward form).
  const offered =
    mode === "partner"
      ? touchpoints
      : touchpoints.filter((t) => v.partnerId !== "" && t.partnerIds?.includes(v.partnerId));
  const choosePartner = (e: React.ChangeEvent<HTMLSelectElement>) => {
    const partnerId = e.target.value;
    const stillHandled = touchpoints.some((t) => t.id === v.touchpointId && t.partnerIds?.includes(partnerId));
    setV({ ...v, partnerId, touchpointId: stillHandled ? v.touchpointId : "" });
  };
  const money = (key: "costRefunds" | "costReshipment" | "costCredits" | "costHandling", label: string) => (
    <Field label={label} error={fieldError(result, key)}>
      {(p) => <input {...p} inputMode="decimal" className={inputClass} value={v[key]} onChange={set(key)} />}
    </Field>
  );
  return (
    <Form
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const input = {
          tenantSlug,
          touchpointId: v.touchpointId,
          customerRef: v.customerRef.trim() || null,
          severity: v.severity as (typeof SEVERITIES)[number],
          category: v.category,
          title: v.title,
          description: v.description,
          customersAffected: v.customersAffected as unknown as number,
          costRefunds: v.costRefunds as unknown as number,
          costReshipment: v.costReshipment as unknown as number,
          costCredits: v.costCredits as unknown as number,
          costHandling: v.costHandling as unknown as number,
        };
        // The portal's action has no partnerId field (its partner is the user's own): it drops the empty one.
        execute({ ...input, partnerId: v.partnerId });
      }}
    >
      <FormMessage>{formError(result)}</FormMessage>
      <div className="grid gap-4 sm:grid-cols-2">
        {mode === "steward" && (
          <SelectField
            label="Partner"
            error={fieldError(result, "partnerId")}
            value={v.partnerId}
            onChange={choosePartner}
            placeholder="Choose a partner…"
            options={partners.map((o) => ({ value: o.id, label: o.name }))}
          />
        )}
        <SelectField
          label="Touchpoint"
          error={fieldError(result, "touchpointId")}
          hint={
            mode === "steward"
              ? v.partnerId === ""
                ? "Choose the partner first"
                : offered.length === 0
                  ? "This partner handles no touchpoint yet"
                  : undefined
              : undefined
          }
          value={v.touchpointId}
          onChange={set("touchpointId")}
          placeholder="Choose a touchpoint…"
          options={offered.map((o) => ({ value: o.id, label: o.name }))}
        />
        <SelectField
          label="Severity"
          error={fieldError(result, "severity")}
          value={v.severity}
          onChange={set("severity")}
          options={SEVERITIES.map((s) => ({ value: s, label: SEVERITY_LABELS[s] }))}
        />
        <SelectField
          label="Category"
          error={fieldError(result, "category")}
          value={v.category}
          onChange={set("category")}
          options={INCIDENT_CATEGORIES.map((c) => ({ value: c, label: c }))}
        />
      </div>
      <Field label="Title" error={fieldError(result, "title")}>
        {(p) => <input {...p} className={inputClass} value={v.title} onChange={set("title")} />}
      </Field>
      <Field label="Description" error={fieldError(result, "description")}>
        {(p) => <textarea {...p} rows={4} className={inputClass} value={v.description} onChange={set("description")} />}
      </Field>
      <Field
        label="Affected customer (reference)"
        error={fieldError(result, "customerRef")}
        hint="Optional: the customer's reference in your systems. Equity at risk then uses this customer's value instead of an average."
      >
        {(p) => (
          <input {...p} className={inputClass} value={v.customerRef} onChange={set("customerRef")} autoComplete="off" />
        )}
      </Field>
      <Field label="Customers affected" error={fieldError(result, "customersAffected")}>
        {(p) => (
          <input
            {...p}
            inputMode="numeric"
            className={inputClass}
            value={v.customersAffected}
            onChange={set("customersAffected")}
          />
        )}
      </Field>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">Cost of failure</legend>
        <div className="grid gap-4 sm:grid-cols-4">
          {money("costRefunds", "Refunds")}
          {money("costReshipment", "Reshipment")}
          {money("costCredits", "Credits")}
          {money("costHandling", "Handling")}
        </div>
      </fieldset>
      <Button type="submit" pending={isPending}>
        {mode === "steward" ? "Open incident" : "Report incident"}
      </Button>
    </Form>
  );
}
