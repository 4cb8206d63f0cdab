"use client";

import { setMember } from "@/components/forms/set-member";
import { Form } from "@/components/forms/form";
import { useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { FormMessage, inputClass } from "@/components/ui/field";
import { fieldError, formError } from "@/components/forms/errors";
import {
  BRAND,
  RACI_LABELS,
  VALUE_PROPOSITION_LABELS,
  VALUE_PROPOSITIONS,
  type RaciRoleKey,
  type ValuePropositionKey,
} from "@/lib/touchpoints/channel-design";
import { setTouchpointRolesAction } from "./actions";

type Party = { id: string; name: string };
type Roles = Record<RaciRoleKey, string[]>;

/**
 * A touchpoint's value proposition and RACI: one accountable party (a select), and any number of
 * responsible, consulted and informed parties (checkbox lists), each the brand or a partner.
 */
export function ChannelRolesForm({
  tenantSlug,
  touchpointId,
  name,
  parties,
  initial,
}: {
  tenantSlug: string;
  touchpointId: string;
  name: string;
  parties: Party[];
  initial: { valueProposition: ValuePropositionKey | null; roles: Roles };
}) {
  const [valueProposition, setValueProposition] = useState<string>(initial.valueProposition ?? "");
  const [roles, setRoles] = useState<Roles>(initial.roles);
  const { execute, result, isPending } = useAction(setTouchpointRolesAction);
  const all: Party[] = [{ id: BRAND, name: "The brand (us)" }, ...parties];
  const toggle = (role: RaciRoleKey, party: string, on: boolean) =>
    setRoles({ ...roles, [role]: setMember(roles[role], party, on) });
  const rolesError = fieldError(result, "roles");
  return (
    <Form
      aria-label={`Value proposition and roles of ${name}`}
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        execute({
          tenantSlug,
          touchpointId,
          valueProposition: valueProposition as ValuePropositionKey,
          roles: (Object.keys(roles) as RaciRoleKey[]).flatMap((role) => roles[role].map((party) => ({ role, party }))),
        });
      }}
    >
      <FormMessage>{formError(result) ?? rolesError}</FormMessage>
      {result.data && <FormMessage tone="success">Saved the value proposition and roles of {name}.</FormMessage>}
      <div>
        <label htmlFor="tp-value-proposition" className="mb-1 block text-sm font-medium text-slate-900">
          Value proposition it serves
        </label>
        <select
          id="tp-value-proposition"
          className={inputClass}
          value={valueProposition}
          aria-invalid={fieldError(result, "valueProposition") ? true : undefined}
          aria-describedby={fieldError(result, "valueProposition") ? "tp-value-proposition-error" : undefined}
          onChange={(e) => setValueProposition(e.target.value)}
        >
          <option value="">Choose…</option>
          {VALUE_PROPOSITIONS.map((v) => (
            <option key={v} value={v}>
              {VALUE_PROPOSITION_LABELS[v]}
            </option>
          ))}
        </select>
        {fieldError(result, "valueProposition") && (
          <p id="tp-value-proposition-error" className="mt-1 text-sm text-red-700">
            {fieldError(result, "valueProposition")}
          </p>
        )}
      </div>
      <div>
        <label htmlFor="tp-accountable" className="mb-1 block text-sm font-medium text-slate-900">
          Accountable <span className="font-normal text-slate-600">({RACI_LABELS.ACCOUNTABLE.explanation})</span>
        </label>
        <select
          id="tp-accountable"
          className={inputClass}
          value={roles.ACCOUNTABLE[0] ?? ""}
          aria-invalid={rolesError ? true : undefined}
          onChange={(e) => setRoles({ ...roles, ACCOUNTABLE: e.target.value ? [e.target.value] : [] })}
        >
          <option value="">Nobody yet</option>
          {all.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div className="grid gap-4 md:grid-cols-3">
        {(["RESPONSIBLE", "CONSULTED", "INFORMED"] as const).map((role) => (
          <fieldset key={role} className="min-w-0">
            <legend className="text-sm font-medium text-slate-900">
              {RACI_LABELS[role].label}{" "}
              <span className="font-normal text-slate-600">({RACI_LABELS[role].explanation})</span>
            </legend>
            <div className="mt-1 max-h-48 space-y-1 overflow-y-auto rounded-md border border-slate-200 p-2">
              {all.map((p) => (
                <label key={p.id} className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    checked={roles[role].includes(p.id)}
                    onChange={(e) => toggle(role, p.id, e.target.checked)}
                  />
                  <span className="min-w-0 break-words">{p.name}</span>
                </label>
              ))}
            </div>
          </fieldset>
        ))}
      </div>
      <Button type="submit" pending={isPending}>
        Save value proposition and roles
      </Button>
    </Form>
  );
}
