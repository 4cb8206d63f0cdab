"use client";

import { useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, inputClass } from "@/components/ui/field";
import { formError } from "@/components/forms/errors";
import {
  KIND_LABELS,
  MODE_LABELS,
  PREFERENCE_KINDS,
  PREFERENCE_MODES,
  type PreferenceKind,
  type PreferenceMode,
} from "@/lib/mail/kinds";
import { saveEmailPreferencesAction } from "./actions";

const HINTS: Record<PreferenceKind, string> = {
  escalation: "Incidents that reach your level of the escalation ladder. Level 3 (executives) is always sent.",
  sla_warning: "An incident you handle has used 80% of its SLA window.",
  scorecard_published: "A scorecard of your partner company was published.",
  plan_action_overdue: "An action of a corrective-action plan you own or oversee is past its due date.",
};

export function PreferencesForm({
  tenantSlug,
  initial,
}: {
  tenantSlug: string;
  initial: Record<PreferenceKind, PreferenceMode>;
}) {
  const [modes, setModes] = useState(initial);
  const { execute, result, isPending } = useAction(saveEmailPreferencesAction);
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        execute({ tenantSlug, modes });
      }}
    >
      <FormMessage>{formError(result)}</FormMessage>
      {result.data && <FormMessage tone="success">Your e-mail preferences are saved.</FormMessage>}
      {PREFERENCE_KINDS.map((kind) => (
        <Field key={kind} label={KIND_LABELS[kind]} hint={HINTS[kind]}>
          {(p) => (
            <select
              {...p}
              name={kind}
              className={inputClass}
              value={modes[kind]}
              onChange={(e) => setModes({ ...modes, [kind]: e.target.value as PreferenceMode })}
            >
              {PREFERENCE_MODES.map((m) => (
                <option key={m} value={m}>
                  {MODE_LABELS[m]}
                </option>
              ))}
            </select>
          )}
        </Field>
      ))}
      <Button type="submit" pending={isPending}>
        Save preferences
      </Button>
    </form>
  );
}
