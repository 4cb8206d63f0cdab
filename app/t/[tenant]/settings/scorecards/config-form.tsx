"use client";

import { Form } from "@/components/forms/form";
import { useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, inputClass } from "@/components/ui/field";
import { typedNumber } from "@/components/ui/number-field";
import { fieldError, formError } from "@/components/forms/errors";
import type { ScorecardConfig } from "@/lib/scorecards/config";
import { SCORECARD_AREA_LABELS, SCORECARD_AREAS, THRESHOLD_LABELS, THRESHOLD_LEVELS } from "@/lib/scorecards/weights";
import { saveScorecardConfigAction } from "../../scorecards/actions";

export function ScorecardConfigForm({
  tenantSlug,
  config,
  readOnly,
}: {
  tenantSlug: string;
  config: ScorecardConfig;
  readOnly: boolean;
}) {
  const [weights, setWeights] = useState<Record<string, string>>(
    Object.fromEntries(SCORECARD_AREAS.map((a) => [a, String(config.weights[a])])),
  );
  const [thresholds, setThresholds] = useState<Record<string, string>>(
    Object.fromEntries(THRESHOLD_LEVELS.map((l) => [l, String(config.thresholds[l])])),
  );
  const [saved, setSaved] = useState(false);
  const action = useAction(saveScorecardConfigAction, { onSuccess: () => setSaved(true) });
  const sum = SCORECARD_AREAS.reduce((s, a) => s + (Number(weights[a]) || 0), 0);
  return (
    <Form
      className="space-y-6"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        action.execute({
          tenantSlug,
          weights: Object.fromEntries(
            SCORECARD_AREAS.map((a) => [a, typedNumber(weights[a])]),
          ) as ScorecardConfig["weights"],
          thresholds: Object.fromEntries(
            THRESHOLD_LEVELS.map((l) => [l, typedNumber(thresholds[l])]),
          ) as ScorecardConfig["thresholds"],
        });
      }}
    >
      <fieldset className="space-y-3" disabled={readOnly}>
        <legend className="text-sm font-semibold">Weights (%)</legend>
        <div className="grid gap-3 sm:grid-cols-5">
          {SCORECARD_AREAS.map((a) => (
            <Field key={a} label={SCORECARD_AREA_LABELS[a]}>
              {(p) => (
                <input
                  {...p}
                  type="number"
                  min={0}
                  max={100}
                  step={1}
                  className={inputClass}
                  value={weights[a]}
                  onChange={(e) => setWeights((w) => ({ ...w, [a]: e.target.value }))}
                />
              )}
            </Field>
          ))}
        </div>
        <p className={`text-sm ${sum === 100 ? "text-slate-600" : "text-amber-700"}`} data-testid="weights-sum">
          Total: {sum} {sum === 100 ? "" : "— must add up to 100"}
        </p>
        <FormMessage>{fieldError(action.result, "weights")}</FormMessage>
      </fieldset>
      <fieldset className="space-y-3" disabled={readOnly}>
        <legend className="text-sm font-semibold">Recommendation thresholds (minimum overall score)</legend>
        <div className="grid gap-3 sm:grid-cols-4">
          {THRESHOLD_LEVELS.map((l) => (
            <Field key={l} label={THRESHOLD_LABELS[l]}>
              {(p) => (
                <input
                  {...p}
                  type="number"
                  min={0}
                  max={100}
                  step="any"
                  className={inputClass}
                  value={thresholds[l]}
                  onChange={(e) => setThresholds((t) => ({ ...t, [l]: e.target.value }))}
                />
              )}
            </Field>
          ))}
        </div>
        <FormMessage>{fieldError(action.result, "thresholds")}</FormMessage>
        <p className="text-xs text-slate-500">
          A score below the probation threshold means exit. Each threshold must be lower than the one before it.
        </p>
      </fieldset>
      <FormMessage>{formError(action.result)}</FormMessage>
      {saved && (
        <FormMessage tone="success">Saved. The next computation uses these weights and thresholds.</FormMessage>
      )}
      {!readOnly && (
        <Button type="submit" pending={action.isPending}>
          Save
        </Button>
      )}
    </Form>
  );
}
