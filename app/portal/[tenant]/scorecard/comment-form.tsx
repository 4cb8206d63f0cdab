"use client";

import { Form } from "@/components/forms/form";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, inputClass } from "@/components/ui/field";
import { fieldError, formError } from "@/components/forms/errors";
import { commentOnScorecardAction } from "./actions";

export function CommentForm({
  tenantSlug,
  scorecardId,
  acknowledged,
}: {
  tenantSlug: string;
  scorecardId: string;
  acknowledged: boolean;
}) {
  const router = useRouter();
  const [body, setBody] = useState("");
  const [ack, setAck] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const action = useAction(commentOnScorecardAction, {
    onSuccess: () => {
      setDone(ack ? "Thank you: the scorecard is acknowledged." : "Your comment was sent.");
      setBody("");
      setAck(false);
      router.refresh();
    },
  });
  return (
    <Form
      className="space-y-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setDone(null);
        action.execute({ tenantSlug, scorecardId, body, acknowledged: ack });
      }}
    >
      <Field
        label="Your comment"
        error={fieldError(action.result, "body")}
        hint="The brand's stewards read every comment."
      >
        {(p) => (
          <textarea
            {...p}
            rows={3}
            className={inputClass}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            maxLength={2000}
          />
        )}
      </Field>
      {!acknowledged && (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={ack} onChange={(e) => setAck(e.target.checked)} />
          We have read and acknowledge this scorecard
        </label>
      )}
      <FormMessage>{formError(action.result)}</FormMessage>
      {done && <FormMessage tone="success">{done}</FormMessage>}
      <Button type="submit" pending={action.isPending}>
        {ack ? "Acknowledge" : "Send comment"}
      </Button>
    </Form>
  );
}
