"use client";

import { useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, inputClass } from "@/components/ui/field";
import { fieldError, formError } from "@/components/forms/errors";
import { saveChatWebhookAction } from "./actions";

export function ChatWebhookForm({ tenantSlug, initial }: { tenantSlug: string; initial: string }) {
  const [url, setUrl] = useState(initial);
  const { execute, result, isPending } = useAction(saveChatWebhookAction);
  return (
    <form
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        execute({ tenantSlug, url });
      }}
    >
      <FormMessage>{formError(result)}</FormMessage>
      {result.data && (
        <FormMessage tone="success">
          {result.data.url ? "Escalations will be posted to the chat channel." : "Chat posts are off."}
        </FormMessage>
      )}
      <Field
        label="Chat incoming-webhook URL"
        error={fieldError(result, "url")}
        hint="A Slack or Microsoft Teams incoming webhook (https, public address). Leave empty to post nothing."
      >
        {(p) => (
          <input
            {...p}
            type="url"
            className={inputClass}
            value={url}
            placeholder="https://hooks.slack.com/services/…"
            onChange={(e) => setUrl(e.target.value)}
          />
        )}
      </Field>
      <Button type="submit" pending={isPending}>
        Save chat webhook
      </Button>
    </form>
  );
}
