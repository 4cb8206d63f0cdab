"use client";

import { useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
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
        <SelectField
          key={kind}
          label={KIND_LABELS[kind]}
          hint={HINTS[kind]}
          name={kind}
          value={modes[kind]}
          onChange={(e) => setModes({ ...modes, [kind]: e.target.value as PreferenceMode })}
          options={PREFERENCE_MODES.map((m) => ({ value: m, label: MODE_LABELS[m] }))}
        />
      ))}
      <Button type="submit" pending={isPending}>
        Save preferences
      </Button>
    </form>
  );
}
