"use client";

import { useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, inputClass } from "@/components/ui/field";
import { fieldError, formError } from "@/components/forms/errors";
import { INCIDENT_STATUS_LABELS, type IncidentStatus } from "@/lib/incidents/lifecycle";
import {
  assignIncidentsAction,
  commentIncidentAction,
  decideExtensionAction,
  transitionIncidentAction,
} from "@/app/t/[tenant]/incidents/actions";
import { partnerCommentAction, partnerTransitionAction, requestExtensionAction } from "@/app/portal/[tenant]/incidents/actions";

const VERB: Partial<Record<IncidentStatus, string>> = {
  ACKNOWLEDGED: "Acknowledge",
  IN_PROGRESS: "Start work",
  WAITING: "Wait on customer",
  RESOLVED: "Resolve",
  CLOSED: "Close",
};

type Common = { tenantSlug: string; incidentId: string; mode: "steward" | "partner" };

export function TransitionControls({ tenantSlug, incidentId, mode, status, targets }: Common & { status: IncidentStatus; targets: IncidentStatus[] }) {
  const [resolving, setResolving] = useState(false);
  const [fields, setFields] = useState({ rootCause: "", resolution: "" });
  // Once resolved, the root-cause form has done its job: close and empty it.
  const onSuccess = () => {
    setResolving(false);
    setFields({ rootCause: "", resolution: "" });
  };
  const steward = useAction(transitionIncidentAction, { onSuccess });
  const partner = useAction(partnerTransitionAction, { onSuccess });
  const { result, isPending } = mode === "steward" ? steward : partner;
  const run = (to: IncidentStatus, extra = {}) => {
    const input = { tenantSlug, incidentId, to, ...extra };
    if (mode === "steward") steward.execute(input);
    else partner.execute(input);
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
            {(status === "RESOLVED" || status === "CLOSED") && to === "IN_PROGRESS" ? "Reopen" : (VERB[to] ?? INCIDENT_STATUS_LABELS[to])}
          </Button>
        ))}
      </div>
      {resolving && (
        <form
          className="space-y-3 rounded-md border border-slate-200 p-4"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            run("RESOLVED", fields);
          }}
        >
          <Field label="Root cause" error={fieldError(result, "rootCause")}>
            {(p) => <textarea {...p} rows={2} className={inputClass} value={fields.rootCause} onChange={(e) => setFields({ ...fields, rootCause: e.target.value })} />}
          </Field>
          <Field label="Resolution" error={fieldError(result, "resolution")}>
            {(p) => <textarea {...p} rows={2} className={inputClass} value={fields.resolution} onChange={(e) => setFields({ ...fields, resolution: e.target.value })} />}
          </Field>
          <div className="flex gap-2">
            <Button type="submit" pending={isPending}>
              Mark resolved
            </Button>
            <Button type="button" variant="ghost" onClick={() => setResolving(false)}>
              Cancel
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}

export function CommentForm({ tenantSlug, incidentId, mode }: Common) {
  const [body, setBody] = useState("");
  const [internal, setInternal] = useState(false);
  // After posting, the next comment starts empty and public again (an internal note is opt-in each time).
  const onSuccess = () => {
    setBody("");
    setInternal(false);
  };
  const steward = useAction(commentIncidentAction, { onSuccess });
  const partner = useAction(partnerCommentAction, { onSuccess });
  const { result, isPending } = mode === "steward" ? steward : partner;
  return (
    <form
      className="space-y-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (mode === "steward") steward.execute({ tenantSlug, incidentId, body, internal });
        else partner.execute({ tenantSlug, incidentId, body });
      }}
    >
      <FormMessage>{formError(result)}</FormMessage>
      <Field label={mode === "steward" ? "Comment or internal note" : "Respond"} error={fieldError(result, "body")}>
        {(p) => <textarea {...p} rows={3} className={inputClass} value={body} onChange={(e) => setBody(e.target.value)} />}
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
    </form>
  );
}

export function AssignControl({ tenantSlug, incidentId, assigneeId, stewards }: Omit<Common, "mode"> & { assigneeId: string | null; stewards: { id: string; name: string }[] }) {
  const [value, setValue] = useState(assigneeId ?? "");
  const { execute, result, isPending } = useAction(assignIncidentsAction);
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        execute({ tenantSlug, incidentIds: [incidentId], membershipId: value || null });
      }}
    >
      <Field label="Assignee" error={formError(result)}>
        {(p) => (
          <select {...p} className={inputClass} value={value} onChange={(e) => setValue(e.target.value)}>
            <option value="">Unassigned</option>
            {stewards.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Button type="submit" variant="secondary" pending={isPending}>
        Assign
      </Button>
    </form>
  );
}

export function ExtensionDecision({ tenantSlug, incidentId, requestId, minutes, reason, by }: Omit<Common, "mode"> & { requestId: string; minutes: number; reason: string | null; by: string }) {
  const { execute, result, isPending } = useAction(decideExtensionAction);
  return (
    <div className="space-y-2 rounded-md border border-amber-200 bg-amber-50 p-4 text-sm" data-testid="extension-request">
      <p>
        <span className="font-medium">{by}</span> asks for {minutes} more minutes: {reason}
      </p>
      <FormMessage>{formError(result)}</FormMessage>
      <div className="flex gap-2">
        <Button pending={isPending} onClick={() => execute({ tenantSlug, incidentId, requestId, approve: true })}>
          Approve
        </Button>
        <Button variant="secondary" pending={isPending} onClick={() => execute({ tenantSlug, incidentId, requestId, approve: false })}>
          Deny
        </Button>
      </div>
    </div>
  );
}

export function ExtensionRequestForm({ tenantSlug, incidentId }: Omit<Common, "mode">) {
  const [v, setV] = useState({ minutes: "120", reason: "" });
  const { execute, result, isPending } = useAction(requestExtensionAction, { onSuccess: () => setV({ minutes: "120", reason: "" }) });
  return (
    <form
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
        {(p) => <input {...p} inputMode="numeric" className={inputClass} value={v.minutes} onChange={(e) => setV({ ...v, minutes: e.target.value })} />}
      </Field>
      <Field label="Why more time is needed" error={fieldError(result, "reason")}>
        {(p) => <textarea {...p} rows={2} className={inputClass} value={v.reason} onChange={(e) => setV({ ...v, reason: e.target.value })} />}
      </Field>
      <Button type="submit" variant="secondary" pending={isPending}>
        Request more time
      </Button>
    </form>
  );
}
