"use client";

import { Form } from "@/components/forms/form";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field, FormMessage, inputClass } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { fieldError, formError } from "@/components/forms/errors";
import type { ActionProp } from "@/components/forms/action-prop";
import type { PlanEventName } from "@/lib/plans/lifecycle";
import { PLAN_METRIC_LABELS, PLAN_METRICS, type PlanMetric } from "@/lib/plans/progress";

// The plan's forms and buttons, for the steward's plan page and the partner portal. Each takes its server action as a
// prop (components never import app/).

type Opened = { id: string };

/** "Open a plan" on a scorecard or a pattern of incidents: opens a draft and goes to it. */
export function OpenPlanButton<Input>({
  action,
  input,
  label,
  plansPath,
}: {
  action: ActionProp<Input, Opened>;
  input: Input;
  label: string;
  /** Where plans live, e.g. /t/<tenant>/plans: the new plan opens at <plansPath>/<id>. */
  plansPath: string;
}) {
  const router = useRouter();
  const { execute, result, isPending } = useAction(action, {
    onSuccess: ({ data }) => {
      if (data) router.push(`${plansPath}/${data.id}`);
    },
  });
  return (
    <div className="space-y-1">
      <Button variant="secondary" className="px-2.5 py-1 text-xs" pending={isPending} onClick={() => execute(input)}>
        {label}
      </Button>
      <FormMessage>{formError(result)}</FormMessage>
    </div>
  );
}

const EVENT_BUTTONS: Record<PlanEventName, { label: string; confirm?: string }> = {
  propose: { label: "Propose to the partner" },
  accept: { label: "Accept the plan" },
  dispute: { label: "Dispute the plan" },
  start: { label: "Mark as in progress" },
  verify: { label: "Close as verified" },
  closeUnmet: {
    label: "Close as unmet",
    confirm: "The plan closes without its target met; its actions can no longer be evidenced or verified.",
  },
};

type PlanEventInput = { tenantSlug: string; planId: string; event: PlanEventName; reason?: string };

/** The plan-level steps the user's side may take now; disputing asks for a reason. */
export function PlanEventButtons({
  tenantSlug,
  planId,
  events,
  action,
}: {
  tenantSlug: string;
  planId: string;
  events: PlanEventName[];
  action: ActionProp<PlanEventInput>;
}) {
  const router = useRouter();
  const [disputing, setDisputing] = useState(false);
  const [reason, setReason] = useState("");
  const { execute, result, isPending } = useAction(action, {
    onSuccess: () => {
      setDisputing(false);
      setReason("");
      router.refresh();
    },
  });
  if (events.length === 0) return null;
  const run = (event: PlanEventName, extra: { reason?: string } = {}) =>
    execute({ tenantSlug, planId, event, ...extra });
  return (
    <div className="space-y-3" data-testid="plan-event-buttons">
      <div className="flex flex-wrap gap-2">
        {events.map((event) => {
          const { label, confirm } = EVENT_BUTTONS[event];
          if (confirm)
            return (
              <ConfirmDialog
                key={event}
                trigger={label}
                title={`${label}?`}
                description={confirm}
                confirmLabel={label}
                onConfirm={() => run(event)}
                pending={isPending}
              />
            );
          return (
            <Button
              key={event}
              variant={event === "dispute" ? "secondary" : "primary"}
              pending={isPending}
              onClick={() => (event === "dispute" ? setDisputing(true) : run(event))}
            >
              {label}
            </Button>
          );
        })}
      </div>
      {disputing ? (
        <Form
          className="space-y-3 rounded-md border border-slate-200 p-4"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            run("dispute", { reason });
          }}
        >
          <Field
            label="Why do you dispute the plan?"
            error={fieldError(result, "reason")}
            hint="The brand reads it and can revise the plan."
          >
            {(p) => (
              <textarea
                {...p}
                rows={3}
                className={inputClass}
                value={reason}
                maxLength={2000}
                onChange={(e) => setReason(e.target.value)}
              />
            )}
          </Field>
          <Button type="submit" pending={isPending}>
            Send the dispute
          </Button>
        </Form>
      ) : null}
      <FormMessage>{formError(result)}</FormMessage>
    </div>
  );
}

type AddActionInput = {
  tenantSlug: string;
  planId: string;
  description: string;
  owner: string;
  dueOn: string;
  metric: PlanMetric;
  standardId?: string;
  baseline?: string;
  target?: string;
};

const EMPTY = {
  description: "",
  owner: "",
  dueOn: "",
  metric: "score" as PlanMetric,
  standardId: "",
  baseline: "",
  target: "",
};

/** Adds an action to a plan that is not yet agreed. */
export function AddActionForm({
  tenantSlug,
  planId,
  owners,
  standards,
  action,
}: {
  tenantSlug: string;
  planId: string;
  owners: { value: string; label: string }[];
  standards: { id: string; name: string }[];
  action: ActionProp<AddActionInput>;
}) {
  const router = useRouter();
  const [fields, setFields] = useState(EMPTY);
  const [added, setAdded] = useState(false);
  const { execute, result, isPending } = useAction(action, {
    onSuccess: () => {
      setFields(EMPTY);
      setAdded(true);
      router.refresh();
    },
  });
  const set = (name: keyof typeof EMPTY) => (e: { target: { value: string } }) => {
    setAdded(false);
    setFields((f) => ({ ...f, [name]: e.target.value as PlanMetric & string }));
  };
  return (
    <Form
      className="grid gap-4 sm:grid-cols-2"
      noValidate
      data-testid="add-action-form"
      onSubmit={(e) => {
        e.preventDefault();
        execute({
          tenantSlug,
          planId,
          ...fields,
          standardId: fields.metric === "standard" ? fields.standardId : undefined,
        });
      }}
    >
      <div className="sm:col-span-2">
        <Field label="Action" error={fieldError(result, "description")} hint="What the partner will do, in a sentence.">
          {(p) => (
            <textarea
              {...p}
              rows={2}
              className={inputClass}
              value={fields.description}
              onChange={set("description")}
              maxLength={2000}
            />
          )}
        </Field>
      </div>
      <SelectField
        label="Owner on the partner's side"
        error={fieldError(result, "owner")}
        value={fields.owner}
        onChange={set("owner")}
        options={owners}
        placeholder="Choose a user or contact…"
        hint={
          owners.length === 0
            ? "The partner has no users or contacts yet: add a contact on the partner page."
            : undefined
        }
      />
      <Field label="Due date" error={fieldError(result, "dueOn")}>
        {(p) => <input {...p} type="date" className={inputClass} value={fields.dueOn} onChange={set("dueOn")} />}
      </Field>
      <SelectField
        label="Metric it should move"
        error={fieldError(result, "metric")}
        value={fields.metric}
        onChange={set("metric")}
        options={PLAN_METRICS.map((m) => ({ value: m, label: PLAN_METRIC_LABELS[m] }))}
      />
      {fields.metric === "standard" ? (
        <SelectField
          label="Standard"
          error={fieldError(result, "standardId")}
          value={fields.standardId}
          onChange={set("standardId")}
          options={standards.map((s) => ({ value: s.id, label: s.name }))}
          placeholder="Choose a standard…"
        />
      ) : (
        <div />
      )}
      <Field
        label="Baseline (optional)"
        error={fieldError(result, "baseline")}
        hint="Left empty: the value on the scorecard the plan was opened from, or the latest published."
      >
        {(p) => (
          <input {...p} inputMode="decimal" className={inputClass} value={fields.baseline} onChange={set("baseline")} />
        )}
      </Field>
      <Field label="Target" error={fieldError(result, "target")} hint="The value the metric should reach, e.g. 65.">
        {(p) => (
          <input {...p} inputMode="decimal" className={inputClass} value={fields.target} onChange={set("target")} />
        )}
      </Field>
      <div className="space-y-2 sm:col-span-2">
        <FormMessage>{formError(result)}</FormMessage>
        {added ? <FormMessage tone="success">The action was added.</FormMessage> : null}
        <Button type="submit" pending={isPending}>
          Add the action
        </Button>
      </div>
    </Form>
  );
}

type StepInput = { tenantSlug: string; actionId: string; step: "verify" | "reopen" };

/** The steward's per-action steps: verify a done action, reopen a done or verified one, remove one from a draft. */
export function StewardActionControls({
  tenantSlug,
  actionId,
  canVerify,
  canReopen,
  canRemove,
  step,
  remove,
}: {
  tenantSlug: string;
  actionId: string;
  canVerify: boolean;
  canReopen: boolean;
  canRemove: boolean;
  step: ActionProp<StepInput>;
  remove: ActionProp<{ tenantSlug: string; actionId: string }>;
}) {
  const router = useRouter();
  const stepper = useAction(step, { onSuccess: () => router.refresh() });
  const remover = useAction(remove, { onSuccess: () => router.refresh() });
  if (!canVerify && !canReopen && !canRemove) return null;
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap gap-2">
        {canVerify ? (
          <Button
            className="px-2.5 py-1 text-xs"
            pending={stepper.isPending}
            onClick={() => stepper.execute({ tenantSlug, actionId, step: "verify" })}
          >
            Verify
          </Button>
        ) : null}
        {canReopen ? (
          <Button
            variant="secondary"
            className="px-2.5 py-1 text-xs"
            pending={stepper.isPending}
            onClick={() => stepper.execute({ tenantSlug, actionId, step: "reopen" })}
          >
            Reopen
          </Button>
        ) : null}
        {canRemove ? (
          <ConfirmDialog
            trigger="Remove"
            title="Remove this action?"
            description="The action leaves the plan; the timeline keeps a note of it."
            confirmLabel="Remove the action"
            onConfirm={() => remover.execute({ tenantSlug, actionId })}
            pending={remover.isPending}
          />
        ) : null}
      </div>
      <FormMessage>{formError(stepper.result) ?? formError(remover.result)}</FormMessage>
    </div>
  );
}

type EvidenceInput = { tenantSlug: string; actionId: string; body: string; link?: string; markDone?: boolean };

/** The partner posts evidence for an action (text and an optional link) and may mark it done with it. */
export function EvidenceForm({
  tenantSlug,
  actionId,
  canMarkDone,
  action,
}: {
  tenantSlug: string;
  actionId: string;
  canMarkDone: boolean;
  action: ActionProp<EvidenceInput>;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [fields, setFields] = useState({ body: "", link: "", markDone: false });
  const { execute, result, isPending } = useAction(action, {
    onSuccess: () => {
      setFields({ body: "", link: "", markDone: false });
      setOpen(false);
      router.refresh();
    },
  });
  if (!open)
    return (
      <Button variant="secondary" className="px-2.5 py-1 text-xs" onClick={() => setOpen(true)}>
        Post evidence
      </Button>
    );
  return (
    <Form
      className="space-y-3 rounded-md border border-slate-200 p-3"
      noValidate
      data-testid="evidence-form"
      onSubmit={(e) => {
        e.preventDefault();
        execute({ tenantSlug, actionId, ...fields });
      }}
    >
      <Field label="Evidence" error={fieldError(result, "body")} hint="What you did and how it shows.">
        {(p) => (
          <textarea
            {...p}
            rows={3}
            className={inputClass}
            value={fields.body}
            maxLength={4000}
            onChange={(e) => setFields((f) => ({ ...f, body: e.target.value }))}
          />
        )}
      </Field>
      <Field label="Link (optional)" error={fieldError(result, "link")} hint="A document or photo online, https://…">
        {(p) => (
          <input
            {...p}
            type="url"
            className={inputClass}
            value={fields.link}
            onChange={(e) => setFields((f) => ({ ...f, link: e.target.value }))}
          />
        )}
      </Field>
      {canMarkDone ? (
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={fields.markDone}
            onChange={(e) => setFields((f) => ({ ...f, markDone: e.target.checked }))}
          />
          This completes the action: mark it done
        </label>
      ) : null}
      <FormMessage>{formError(result)}</FormMessage>
      <div className="flex gap-2">
        <Button type="submit" pending={isPending}>
          Post the evidence
        </Button>
        <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </Form>
  );
}

/** The partner marks an action done without new evidence. */
export function MarkDoneButton({
  tenantSlug,
  actionId,
  action,
}: {
  tenantSlug: string;
  actionId: string;
  action: ActionProp<{ tenantSlug: string; actionId: string }>;
}) {
  const router = useRouter();
  const { execute, result, isPending } = useAction(action, { onSuccess: () => router.refresh() });
  return (
    <span className="inline-flex flex-col gap-1">
      <Button className="px-2.5 py-1 text-xs" pending={isPending} onClick={() => execute({ tenantSlug, actionId })}>
        Mark done
      </Button>
      <FormMessage>{formError(result)}</FormMessage>
    </span>
  );
}
