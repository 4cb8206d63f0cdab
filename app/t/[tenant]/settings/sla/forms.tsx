"use client";

import { setMember } from "@/components/forms/set-member";
import { Form } from "@/components/forms/form";
import { useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, inputClass } from "@/components/ui/field";
import { NumberField } from "@/components/ui/number-field";
import { SelectField } from "@/components/ui/select-field";
import { fieldError, formError } from "@/components/forms/errors";
import { SEVERITY_LABELS, type SeverityValue } from "@/lib/incidents/labels";
import { WEEKDAY_LABELS } from "@/lib/incidents/business-hours";
import { saveBusinessHoursAction, saveSlaPolicyAction } from "./actions";

type Steward = { id: string; name: string };

export function SlaPolicyForm({
  tenantSlug,
  policy,
  stewards,
}: {
  tenantSlug: string;
  policy: {
    severity: SeverityValue;
    ackMinutes: number;
    resolveMinutes: number;
    businessHoursOnly: boolean;
    level2: string;
    level3: string;
  };
  stewards: Steward[];
}) {
  const [v, setV] = useState({
    ackMinutes: String(policy.ackMinutes),
    resolveMinutes: String(policy.resolveMinutes),
    businessHoursOnly: policy.businessHoursOnly,
    level2: policy.level2,
    level3: policy.level3,
  });
  const { execute, result, isPending } = useAction(saveSlaPolicyAction);
  const person = (key: "level2" | "level3", label: string, fallback: string) => (
    <SelectField
      label={label}
      value={v[key]}
      onChange={(e) => setV({ ...v, [key]: e.target.value })}
      placeholder={fallback}
      options={stewards.map((s) => ({ value: s.id, label: s.name }))}
    />
  );
  return (
    <Form
      className="space-y-3"
      noValidate
      aria-label={`${SEVERITY_LABELS[policy.severity]} policy`}
      onSubmit={(e) => {
        e.preventDefault();
        execute({
          tenantSlug,
          severity: policy.severity,
          ackMinutes: v.ackMinutes as unknown as number,
          resolveMinutes: v.resolveMinutes as unknown as number,
          businessHoursOnly: v.businessHoursOnly,
          level2MembershipId: v.level2 || undefined,
          level3MembershipId: v.level3 || undefined,
        });
      }}
    >
      <h3 className="font-semibold">{SEVERITY_LABELS[policy.severity]}</h3>
      <FormMessage>{formError(result)}</FormMessage>
      {result.data && <FormMessage tone="success">Saved. {retargetedNote(result.data.retargeted)}</FormMessage>}
      <div className="grid gap-3 sm:grid-cols-2">
        <NumberField
          label="Time to acknowledge (minutes)"
          error={fieldError(result, "ackMinutes")}
          value={v.ackMinutes}
          onChange={(e) => setV({ ...v, ackMinutes: e.target.value })}
        />
        <NumberField
          label="Time to resolve (minutes)"
          error={fieldError(result, "resolveMinutes")}
          value={v.resolveMinutes}
          onChange={(e) => setV({ ...v, resolveMinutes: e.target.value })}
        />
        {person("level2", "Level 2 (channel manager)", "Every steward")}
        {person("level3", "Level 3 (executive)", "Every owner")}
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={v.businessHoursOnly}
          onChange={(e) => setV({ ...v, businessHoursOnly: e.target.checked })}
        />
        Count business hours only (otherwise 24/7)
      </label>
      <Button type="submit" variant="secondary" pending={isPending}>
        Save {SEVERITY_LABELS[policy.severity].toLowerCase()} policy
      </Button>
    </Form>
  );
}

export function BusinessHoursForm({
  tenantSlug,
  calendar,
}: {
  tenantSlug: string;
  calendar: { timezone: string; days: number[]; start: string; end: string };
}) {
  const [v, setV] = useState(calendar);
  const { execute, result, isPending } = useAction(saveBusinessHoursAction);
  return (
    <Form
      className="space-y-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        execute({ tenantSlug, ...v });
      }}
    >
      <FormMessage>{formError(result)}</FormMessage>
      {result.data && (
        <FormMessage tone="success">Business hours saved. {retargetedNote(result.data.retargeted)}</FormMessage>
      )}
      <Field label="Time zone (IANA, e.g. Europe/Berlin)" error={fieldError(result, "timezone")}>
        {(p) => (
          <input
            {...p}
            className={inputClass}
            value={v.timezone}
            onChange={(e) => setV({ ...v, timezone: e.target.value })}
          />
        )}
      </Field>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Working days</legend>
        <div className="mt-1 flex flex-wrap gap-3">
          {[1, 2, 3, 4, 5, 6, 7].map((d) => (
            <label key={d} className="flex items-center gap-1 text-sm">
              <input
                type="checkbox"
                checked={v.days.includes(d)}
                onChange={(e) => setV({ ...v, days: setMember(v.days, d, e.target.checked) })}
              />
              {WEEKDAY_LABELS[d]}
            </label>
          ))}
        </div>
        {fieldError(result, "days") && <p className="text-xs font-medium text-red-600">{fieldError(result, "days")}</p>}
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Opens (HH:MM)" error={fieldError(result, "start")}>
          {(p) => (
            <input
              {...p}
              className={inputClass}
              value={v.start}
              onChange={(e) => setV({ ...v, start: e.target.value })}
            />
          )}
        </Field>
        <Field label="Closes (HH:MM)" error={fieldError(result, "end")}>
          {(p) => (
            <input {...p} className={inputClass} value={v.end} onChange={(e) => setV({ ...v, end: e.target.value })} />
          )}
        </Field>
      </div>
      <Button type="submit" variant="secondary" pending={isPending}>
        Save business hours
      </Button>
    </Form>
  );
}

function retargetedNote(count: number) {
  if (count === 0) return "No open incident to re-target.";
  return `New deadlines applied to ${count} open incident${count === 1 ? "" : "s"}.`;
}
