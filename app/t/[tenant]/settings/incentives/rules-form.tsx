"use client";

import { Form } from "@/components/forms/form";
import { useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, inputClass } from "@/components/ui/field";
import { NumberField, typedNumber } from "@/components/ui/number-field";
import { formError } from "@/components/forms/errors";
import type { IncentiveRules } from "@/lib/incentives/rules";
import { updateIncentiveRulesAction } from "./actions";

type Draft = {
  tiers: { name: string; minScore: string }[];
  hysteresisMonths: string;
  poolAmount: string;
  floorScore: string;
};

export function IncentiveRulesForm({
  tenantSlug,
  rules,
  currency,
  readOnly,
}: {
  tenantSlug: string;
  rules: IncentiveRules;
  currency: string;
  readOnly: boolean;
}) {
  const [draft, setDraft] = useState<Draft>({
    tiers: rules.tiers.map((t) => ({ name: t.name, minScore: String(t.minScore) })),
    hysteresisMonths: String(rules.hysteresisMonths),
    poolAmount: String(rules.poolAmount),
    floorScore: String(rules.floorScore),
  });
  const { execute, result, isPending } = useAction(updateIncentiveRulesAction);
  const errors = result.validationErrors as { fieldErrors?: Record<string, string[]> } | undefined;
  const ruleError = errors?.fieldErrors?.rules?.[0];
  const setTier = (i: number, patch: Partial<Draft["tiers"][number]>) =>
    setDraft({ ...draft, tiers: draft.tiers.map((t, k) => (k === i ? { ...t, ...patch } : t)) });
  return (
    <Form
      aria-label="Incentive rules"
      className="max-w-2xl space-y-5"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        execute({
          tenantSlug,
          rules: {
            tiers: draft.tiers.map((t) => ({ name: t.name, minScore: typedNumber(t.minScore) })),
            hysteresisMonths: typedNumber(draft.hysteresisMonths),
            poolAmount: typedNumber(draft.poolAmount),
            floorScore: typedNumber(draft.floorScore),
          },
        });
      }}
    >
      <FormMessage>{formError(result) ?? ruleError}</FormMessage>
      {result.data && <FormMessage tone="success">Saved: the next approved month uses these rules.</FormMessage>}
      <fieldset disabled={readOnly} className="space-y-3">
        <legend className="text-sm font-semibold">Tiers, best first</legend>
        <p className="text-xs text-slate-600">
          A month&apos;s score falls in the best tier whose minimum it reaches; the lowest tier must start at 0.
        </p>
        {draft.tiers.map((tier, i) => (
          <div key={i} className="grid grid-cols-[minmax(0,1fr)_8rem_auto] items-end gap-2">
            <Field label={`Tier ${i + 1} name`}>
              {(p) => (
                <input
                  {...p}
                  className={inputClass}
                  value={tier.name}
                  onChange={(e) => setTier(i, { name: e.target.value })}
                />
              )}
            </Field>
            <NumberField
              label="Minimum score"
              inputMode="decimal"
              value={tier.minScore}
              onChange={(e) => setTier(i, { minScore: e.target.value })}
            />
            {!readOnly && draft.tiers.length > 2 && (
              <Button
                type="button"
                variant="ghost"
                aria-label={`Remove tier ${tier.name || i + 1}`}
                onClick={() => setDraft({ ...draft, tiers: draft.tiers.filter((_, k) => k !== i) })}
              >
                Remove
              </Button>
            )}
          </div>
        ))}
        {!readOnly && draft.tiers.length < 8 && (
          <Button
            type="button"
            variant="secondary"
            onClick={() => setDraft({ ...draft, tiers: [...draft.tiers, { name: "", minScore: "" }] })}
          >
            Add a tier
          </Button>
        )}
      </fieldset>
      <fieldset disabled={readOnly} className="grid gap-4 sm:grid-cols-3">
        <NumberField
          label="Months in a band before the tier moves"
          hint="2: one good or bad month does not move a tier"
          value={draft.hysteresisMonths}
          onChange={(e) => setDraft({ ...draft, hysteresisMonths: e.target.value })}
        />
        <NumberField
          label={`Monthly bonus pool (${currency})`}
          hint="Shared by score × equity served"
          inputMode="decimal"
          value={draft.poolAmount}
          onChange={(e) => setDraft({ ...draft, poolAmount: e.target.value })}
        />
        <NumberField
          label="Floor score for a share"
          hint="Partners below it get no bonus"
          inputMode="decimal"
          value={draft.floorScore}
          onChange={(e) => setDraft({ ...draft, floorScore: e.target.value })}
        />
      </fieldset>
      {!readOnly && (
        <Button type="submit" pending={isPending}>
          Save incentive rules
        </Button>
      )}
    </Form>
  );
}
