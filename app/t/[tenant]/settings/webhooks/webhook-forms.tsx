"use client";

import { setMember } from "@/components/forms/set-member";
import { Form } from "@/components/forms/form";
import { useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormMessage } from "@/components/ui/field";
import { fieldError, formError } from "@/components/forms/errors";
import { UrlField } from "@/components/forms/url-field";
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENTS, type WebhookEvent } from "@/lib/webhooks/events";
import {
  createWebhookEndpointAction,
  deleteWebhookEndpointAction,
  retryWebhookDeliveryAction,
  rotateWebhookSecretAction,
  setWebhookEndpointActiveAction,
} from "./actions";

export function CreateWebhookForm({ tenantSlug }: { tenantSlug: string }) {
  const [url, setUrl] = useState("");
  const [events, setEvents] = useState<WebhookEvent[]>([...WEBHOOK_EVENTS]);
  const { execute, result, isPending } = useAction(createWebhookEndpointAction, { onSuccess: () => setUrl("") });
  const eventsError = fieldError(result, "events");
  return (
    <Form
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        execute({ tenantSlug, url, events });
      }}
    >
      <FormMessage>{formError(result)}</FormMessage>
      {result.data && (
        <FormMessage tone="success">
          Endpoint {result.data.url} added. Its signing secret is shown only once; store it with the receiver to verify
          signatures:
          <code
            className="mt-2 block break-all rounded bg-white px-2 py-1 text-xs text-slate-800"
            data-testid="webhook-secret"
          >
            {result.data.secret}
          </code>
        </FormMessage>
      )}
      <UrlField
        label="Endpoint URL"
        error={fieldError(result, "url")}
        hint="https:// on a public address (not a private or local network). Events are POSTed as JSON."
        value={url}
        placeholder="https://erp.example.com/steward-webhooks"
        onChange={setUrl}
      />
      <fieldset aria-describedby={eventsError ? "webhook-events-error" : undefined}>
        <legend className="text-sm font-medium text-slate-700">Events</legend>
        <div className="mt-1 space-y-1">
          {WEBHOOK_EVENTS.map((event) => (
            <label key={event} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={events.includes(event)}
                onChange={(e) => setEvents(setMember(events, event, e.target.checked))}
              />
              <code className="text-xs">{event}</code>
              <span className="text-slate-600">— {WEBHOOK_EVENT_LABELS[event]}</span>
            </label>
          ))}
        </div>
        {eventsError && (
          <p id="webhook-events-error" className="mt-1 text-xs font-medium text-red-600" data-testid="field-error">
            {eventsError}
          </p>
        )}
      </fieldset>
      <Button type="submit" pending={isPending}>
        Add endpoint
      </Button>
    </Form>
  );
}

export function EndpointButtons({
  tenantSlug,
  endpointId,
  url,
  active,
}: {
  tenantSlug: string;
  endpointId: string;
  url: string;
  active: boolean;
}) {
  const toggle = useAction(setWebhookEndpointActiveAction);
  const rotate = useAction(rotateWebhookSecretAction);
  const remove = useAction(deleteWebhookEndpointAction);
  const error = formError(toggle.result) ?? formError(rotate.result) ?? formError(remove.result);
  return (
    <span className="inline-flex flex-col items-end gap-2">
      <span className="inline-flex items-center gap-2">
        {error && <span className="text-xs text-red-600">{error}</span>}
        <Button
          variant="secondary"
          className="px-2.5 py-1 text-xs"
          pending={toggle.isPending}
          onClick={() => toggle.execute({ tenantSlug, endpointId, active: !active })}
        >
          {active ? "Disable" : "Enable"}
        </Button>
        <ConfirmDialog
          trigger="Rotate secret"
          title="Rotate this endpoint's signing secret?"
          description={`${url} gets a new signing secret, shown once. The current secret stops working at once: every delivery from now on, retries included, is signed with the new one, so update the receiver right away.`}
          confirmLabel="Rotate secret"
          pending={rotate.isPending}
          onConfirm={() => rotate.execute({ tenantSlug, endpointId })}
        />
        <ConfirmDialog
          trigger="Delete"
          title="Delete this webhook endpoint?"
          description={`${url} stops receiving events at once, and its delivery log is deleted with it. To pause deliveries instead, disable it.`}
          confirmLabel="Delete endpoint"
          pending={remove.isPending}
          onConfirm={() => remove.execute({ tenantSlug, endpointId })}
        />
      </span>
      {rotate.result.data && (
        <FormMessage tone="success">
          New signing secret, shown only once; store it with the receiver:
          <code
            className="mt-2 block max-w-xs break-all rounded bg-white px-2 py-1 text-left text-xs text-slate-800"
            data-testid="webhook-rotated-secret"
          >
            {rotate.result.data.secret}
          </code>
        </FormMessage>
      )}
    </span>
  );
}

export function RetryDeliveryButton({ tenantSlug, deliveryId }: { tenantSlug: string; deliveryId: string }) {
  const { execute, result, isPending } = useAction(retryWebhookDeliveryAction);
  return (
    <span className="inline-flex items-center gap-2">
      {formError(result) && <span className="text-xs text-red-600">{formError(result)}</span>}
      {result.data ? (
        <span className="text-xs text-slate-600">Queued</span>
      ) : (
        <Button
          variant="secondary"
          className="px-2.5 py-1 text-xs"
          pending={isPending}
          onClick={() => execute({ tenantSlug, deliveryId })}
        >
          Retry
        </Button>
      )}
    </span>
  );
}
