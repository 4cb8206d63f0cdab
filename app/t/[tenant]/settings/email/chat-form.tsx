"use client";

import { Form } from "@/components/forms/form";
import { useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { UrlField } from "@/components/forms/url-field";
import { fieldError, formError } from "@/components/forms/errors";
import { saveChatWebhookAction } from "./actions";

export function ChatWebhookForm({ tenantSlug, initial }: { tenantSlug: string; initial: string }) {
  const [url, setUrl] = useState(initial);
  const { execute, result, isPending } = useAction(saveChatWebhookAction);
  return (
    <Form
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
      <UrlField
        label="Chat incoming-webhook URL"
        error={fieldError(result, "url")}
        hint="A Slack or Microsoft Teams incoming webhook (https, public address). Leave empty to post nothing."
        value={url}
        placeholder="https://hooks.slack.com/services/…"
        onChange={setUrl}
      />
      <Button type="submit" pending={isPending}>
        Save chat webhook
      </Button>
    </Form>
  );
}
