"use client";

import { Form } from "@/components/forms/form";
import { useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { formError } from "@/components/forms/errors";
import type { ActionProp } from "@/components/forms/action-prop";
import {
  KIND_LABELS,
  MODE_LABELS,
  PREFERENCE_KINDS,
  PREFERENCE_MODES,
  type PreferenceKind,
  type PreferenceMode,
} from "@/lib/mail/kinds";

// Each member's own e-mail preferences, in the workspace (Settings → E-mail) and in the partner portal (E-mail
// preferences): the page passes its own server action.

type SaveAction = ActionProp<{ tenantSlug: string; modes: Record<PreferenceKind, PreferenceMode> }, { saved: boolean }>;

const HINTS: Record<PreferenceKind, string> = {
  escalation:
    "Incidents that reach your level of the escalation ladder (partners: level 1, when an incident is routed to you). Level 3 (executives) is always sent.",
  sla_warning:
    "An incident you handle (or, unassigned, your partner company's) has used 80% of its time to acknowledge or resolve.",
  scorecard_published: "A scorecard of your partner company was published.",
  plan_action_overdue:
    "An action of a corrective-action plan you own is due in two days (one reminder), or an action you own or oversee is past its due date. Turning this off stops both.",
};

export function PreferencesForm({
  tenantSlug,
  initial,
  action,
}: {
  tenantSlug: string;
  initial: Record<PreferenceKind, PreferenceMode>;
  action: SaveAction;
}) {
  const [modes, setModes] = useState(initial);
  const { execute, result, isPending } = useAction(action);
  return (
    <Form
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
    </Form>
  );
}
