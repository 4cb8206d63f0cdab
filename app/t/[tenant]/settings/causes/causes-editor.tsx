"use client";

import { Form } from "@/components/forms/form";
import { useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { SelectField } from "@/components/ui/select-field";
import { Field, FormMessage, inputClass } from "@/components/ui/field";
import { fieldError, formError } from "@/components/forms/errors";
import type { CauseCategory } from "@/lib/costs/causes";
import type { addCauseAction, addCausePresetsAction, removeCauseAction } from "./actions";

type Cause = { id: string; label: string; category: string; categoryLabel: string; incidents: number };

export function CausesEditor({
  tenantSlug,
  causes,
  categories,
  readOnly,
  actions,
}: {
  tenantSlug: string;
  causes: Cause[];
  categories: { value: string; label: string }[];
  readOnly: boolean;
  actions: { add: typeof addCauseAction; presets: typeof addCausePresetsAction; remove: typeof removeCauseAction };
}) {
  const [values, setValues] = useState({ label: "", category: categories[0].value });
  const add = useAction(actions.add, { onSuccess: () => setValues((v) => ({ ...v, label: "" })) });
  const presets = useAction(actions.presets);
  const remove = useAction(actions.remove);
  const done =
    (add.result.data ?? presets.result.data)
      ? `${(add.result.data ?? presets.result.data)!.added} added; ${(add.result.data ?? presets.result.data)!.mapped} incidents mapped from their free-text cause.`
      : null;
  return (
    <div className="space-y-6">
      {causes.length === 0 ? (
        <p className="text-sm text-slate-600">No causes yet. Start from the presets or add your own.</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm" data-testid="causes">
          {causes.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                <span className="font-medium">{c.label}</span>{" "}
                <span className="text-slate-600">
                  · {c.categoryLabel} · {c.incidents} incident{c.incidents === 1 ? "" : "s"}
                </span>
              </span>
              {!readOnly && c.incidents === 0 && (
                <ConfirmDialog
                  trigger={`Remove ${c.label}`}
                  triggerText="Remove"
                  tone="danger"
                  title={`Remove “${c.label}”?`}
                  description="No incident uses it; it disappears from the list incidents are filed under."
                  confirmLabel="Remove"
                  pending={remove.isPending}
                  onConfirm={() => remove.execute({ tenantSlug, causeId: c.id })}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      <FormMessage>{formError(remove.result)}</FormMessage>
      {!readOnly && (
        <>
          <Form
            className="grid gap-3 sm:grid-cols-[1fr_14rem_auto] sm:items-end"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              add.execute({ tenantSlug, label: values.label, category: values.category as CauseCategory });
            }}
          >
            <Field label="Cause" error={fieldError(add.result, "label")}>
              {(p) => (
                <input
                  {...p}
                  className={inputClass}
                  value={values.label}
                  maxLength={80}
                  onChange={(e) => setValues({ ...values, label: e.target.value })}
                />
              )}
            </Field>
            <SelectField
              label="Category"
              error={fieldError(add.result, "category")}
              value={values.category}
              onChange={(e) => setValues({ ...values, category: e.target.value })}
              options={categories}
            />
            <Button type="submit" pending={add.isPending}>
              Add cause
            </Button>
          </Form>
          <FormMessage>{formError(add.result) ?? formError(presets.result)}</FormMessage>
          {done && <FormMessage tone="success">{done}</FormMessage>}
          <Button
            type="button"
            variant="secondary"
            pending={presets.isPending}
            onClick={() => presets.execute({ tenantSlug, presets: true })}
          >
            Add the preset causes
          </Button>
        </>
      )}
    </div>
  );
}
