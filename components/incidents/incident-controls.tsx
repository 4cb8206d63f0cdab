"use client";

import { Form } from "@/components/forms/form";
import { useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, inputClass } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { fieldError, formError } from "@/components/forms/errors";
import { INCIDENT_STATUS_LABELS, type IncidentStatus } from "@/lib/incidents/lifecycle";
import type { ActionProp } from "@/components/forms/action-prop";

const VERB: Partial<Record<IncidentStatus, string>> = {
  ACKNOWLEDGED: "Acknowledge",
  IN_PROGRESS: "Start work",
  WAITING: "Wait on customer",
  RESOLVED: "Resolve",
  CLOSED: "Close",
};

const EMPTY_RESOLUTION = { rootCause: "", rootCauseId: "", resolution: "" };

type Common = { tenantSlug: string; incidentId: string; mode: "steward" | "partner" };

type TransitionInput = {
  tenantSlug: string;
  incidentId: string;
  to: IncidentStatus;
  rootCause?: string;
  rootCauseId?: string;
  resolution?: string;
};

export function TransitionControls({
  tenantSlug,
  incidentId,
  status,
  targets,
  causes,
  action,
}: Omit<Common, "mode"> & {
  status: IncidentStatus;
  targets: IncidentStatus[];
  /** The workspace's list of causes (Settings → Root causes) the incident can be filed under when resolved. */
  causes: { value: string; label: string }[];
  action: ActionProp<TransitionInput>;
}) {
  const [resolving, setResolving] = useState(false);
  const [fields, setFields] = useState(EMPTY_RESOLUTION);
  // Once resolved, the root-cause form has done its job: close and empty it.
  const onSuccess = () => {
    setResolving(false);
    setFields(EMPTY_RESOLUTION);
  };
  const { execute, result, isPending } = useAction(action, { onSuccess });
  const run = (to: IncidentStatus, extra = {}) => {
    execute({ tenantSlug, incidentId, to, ...extra });
  };
  if (targets.length === 0) return null;
  return (
    <div className="space-y-3">
      <FormMessage>{formError(result)}</FormMessage>
      <div className="flex flex-wrap gap-2">
        {targets.map((to) => (
          <Button
            key={to}
            variant={to === "RESOLVED" ? "primary" : "secondary"}
            pending={isPending}
            onClick={() => (to === "RESOLVED" ? setResolving(true) : run(to))}
          >
            {(status === "RESOLVED" || status === "CLOSED") && to === "IN_PROGRESS"
              ? "Reopen"
              : (VERB[to] ?? INCIDENT_STATUS_LABELS[to])}
          </Button>
        ))}
      </div>
      {resolving && (
        <Form
          className="space-y-3 rounded-md border border-slate-200 p-4"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const { rootCauseId, ...text } = fields;
            run("RESOLVED", rootCauseId ? { ...text, rootCauseId } : text);
          }}
        >
          <Field label="Root cause" error={fieldError(result, "rootCause")}>
            {(p) => (
              <textarea
                {...p}
                rows={2}
                className={inputClass}
                value={fields.rootCause}
                onChange={(e) => setFields({ ...fields, rootCause: e.target.value })}
              />
            )}
          </Field>
          {causes.length > 0 && (
            <SelectField
              label="Filed under"
              hint="A cause from the workspace's list; it feeds the cost-of-failure Pareto. Left empty, a root cause worded exactly like a cause is filed under it."
              placeholder="Choose a cause…"
              value={fields.rootCauseId}
              onChange={(e) => setFields({ ...fields, rootCauseId: e.target.value })}
              options={causes}
              error={fieldError(result, "rootCauseId")}
            />
          )}
          <Field label="Resolution" error={fieldError(result, "resolution")}>
            {(p) => (
              <textarea
                {...p}
                rows={2}
                className={inputClass}
                value={fields.resolution}
                onChange={(e) => setFields({ ...fields, resolution: e.target.value })}
              />
            )}
          </Field>
          <div className="flex gap-2">
            <Button type="submit" pending={isPending}>
              Mark resolved
            </Button>
            <Button type="button" variant="ghost" onClick={() => setResolving(false)}>
              Cancel
            </Button>
          </div>
        </Form>
      )}
    </div>
  );
}

type EscalationInput = { tenantSlug: string; incidentId: string; direction: "up" | "down"; reason: string };

/** Escalate or de-escalate by hand: the reason is required and goes on the timeline; a confirmation step first. */
export function EscalationControl({
  tenantSlug,
  incidentId,
  level,
  action,
}: Omit<Common, "mode"> & { level: number; action: ActionProp<EscalationInput> }) {
  const [direction, setDirection] = useState<"up" | "down" | null>(null);
  const [reason, setReason] = useState("");
  const { execute, result, isPending } = useAction(action, {
    onSuccess: () => {
      setDirection(null);
      setReason("");
    },
  });
  return (
    <div className="space-y-3" data-testid="escalation-control">
      <p className="text-sm text-slate-600">
        Escalation level {level} of 3. Moving it by hand notifies the next rung as an SLA breach would; after a
        de-escalation, only a deadline passing later escalates it again.
      </p>
      {!direction && (
        <div className="flex flex-wrap gap-2">
          {level < 3 && (
            <Button variant="secondary" onClick={() => setDirection("up")}>
              Escalate
            </Button>
          )}
          {level > 1 && (
            <Button variant="secondary" onClick={() => setDirection("down")}>
              De-escalate
            </Button>
          )}
        </div>
      )}
      {direction && (
        <Form
          aria-label={direction === "up" ? "Escalate by hand" : "De-escalate by hand"}
          className="space-y-3 rounded-md border border-slate-200 p-4"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            execute({ tenantSlug, incidentId, direction, reason });
          }}
        >
          <FormMessage>{formError(result)}</FormMessage>
          <Field
            label={
              direction === "up" ? `Why escalate to level ${level + 1}?` : `Why de-escalate to level ${level - 1}?`
            }
            error={fieldError(result, "reason")}
          >
            {(p) => (
              <textarea
                {...p}
                rows={2}
                className={inputClass}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            )}
          </Field>
          <div className="flex gap-2">
            <Button type="submit" pending={isPending}>
              {direction === "up" ? `Escalate to level ${level + 1}` : `De-escalate to level ${level - 1}`}
            </Button>
            <Button type="button" variant="ghost" onClick={() => setDirection(null)}>
              Cancel
            </Button>
          </div>
        </Form>
      )}
    </div>
  );
}

type CommentInput = { tenantSlug: string; incidentId: string; body: string; internal?: boolean };

export function CommentForm({ tenantSlug, incidentId, mode, action }: Common & { action: ActionProp<CommentInput> }) {
  const [body, setBody] = useState("");
  const [internal, setInternal] = useState(false);
  // After posting, the next comment starts empty and public again (an internal note is opt-in each time).
  const onSuccess = () => {
    setBody("");
    setInternal(false);
  };
  const { execute, result, isPending } = useAction(action, { onSuccess });
  return (
    <Form
      className="space-y-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        execute(mode === "steward" ? { tenantSlug, incidentId, body, internal } : { tenantSlug, incidentId, body });
      }}
    >
      <FormMessage>{formError(result)}</FormMessage>
      <Field label={mode === "steward" ? "Comment or internal note" : "Respond"} error={fieldError(result, "body")}>
        {(p) => (
          <textarea {...p} rows={3} className={inputClass} value={body} onChange={(e) => setBody(e.target.value)} />
        )}
      </Field>
      {mode === "steward" && (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={internal} onChange={(e) => setInternal(e.target.checked)} />
          Internal note (stewards only; the partner does not see it)
        </label>
      )}
      <Button type="submit" variant="secondary" pending={isPending}>
        {internal ? "Add internal note" : "Post comment"}
      </Button>
    </Form>
  );
}

type AssignInput = { tenantSlug: string; incidentIds: string[]; membershipId: string | null };

export function AssignControl({
  tenantSlug,
  incidentId,
  assigneeId,
  stewards,
  action,
}: Omit<Common, "mode"> & {
  assigneeId: string | null;
  stewards: { id: string; name: string }[];
  action: ActionProp<AssignInput>;
}) {
  const [value, setValue] = useState(assigneeId ?? "");
  const { execute, result, isPending } = useAction(action);
  return (
    <Form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        execute({ tenantSlug, incidentIds: [incidentId], membershipId: value || null });
      }}
    >
      <SelectField
        label="Assignee"
        error={formError(result)}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        placeholder="Unassigned"
        options={stewards.map((s) => ({ value: s.id, label: s.name }))}
      />
      <Button type="submit" variant="secondary" pending={isPending}>
        Assign
      </Button>
    </Form>
  );
}

type DecisionInput = { tenantSlug: string; incidentId: string; requestId: string; approve: boolean };
type DecisionProps = Omit<Common, "mode"> & {
  requestId: string;
  minutes: number;
  reason: string | null;
  by: string;
  action: ActionProp<DecisionInput>;
};

export function ExtensionDecision({ tenantSlug, incidentId, requestId, minutes, reason, by, action }: DecisionProps) {
  const { execute, result, isPending } = useAction(action);
  return (
    <div
      className="space-y-2 rounded-md border border-amber-200 bg-amber-50 p-4 text-sm"
      data-testid="extension-request"
    >
      <p>
        <span className="font-medium">{by}</span> asks for {minutes} more minutes: {reason}
      </p>
      <FormMessage>{formError(result)}</FormMessage>
      <div className="flex gap-2">
        <Button pending={isPending} onClick={() => execute({ tenantSlug, incidentId, requestId, approve: true })}>
          Approve
        </Button>
        <Button
          variant="secondary"
          pending={isPending}
          onClick={() => execute({ tenantSlug, incidentId, requestId, approve: false })}
        >
          Deny
        </Button>
      </div>
    </div>
  );
}

type ExtensionRequestInput = { tenantSlug: string; incidentId: string; minutes: number; reason: string };

export function ExtensionRequestForm({
  tenantSlug,
  incidentId,
  action,
}: Omit<Common, "mode"> & { action: ActionProp<ExtensionRequestInput, { id: string }> }) {
  const [v, setV] = useState({ minutes: "120", reason: "" });
  const { execute, result, isPending } = useAction(action, { onSuccess: () => setV({ minutes: "120", reason: "" }) });
  return (
    <Form
      className="space-y-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        execute({ tenantSlug, incidentId, minutes: v.minutes as unknown as number, reason: v.reason });
      }}
    >
      <FormMessage>{formError(result)}</FormMessage>
      {result.data && <FormMessage tone="success">Request sent: the brand will approve or deny it.</FormMessage>}
      <Field label="Extra minutes" error={fieldError(result, "minutes")}>
        {(p) => (
          <input
            {...p}
            inputMode="numeric"
            className={inputClass}
            value={v.minutes}
            onChange={(e) => setV({ ...v, minutes: e.target.value })}
          />
        )}
      </Field>
      <Field label="Why more time is needed" error={fieldError(result, "reason")}>
        {(p) => (
          <textarea
            {...p}
            rows={2}
            className={inputClass}
            value={v.reason}
            onChange={(e) => setV({ ...v, reason: e.target.value })}
          />
        )}
      </Field>
      <Button type="submit" variant="secondary" pending={isPending}>
        Request more time
      </Button>
    </Form>
  );
}
