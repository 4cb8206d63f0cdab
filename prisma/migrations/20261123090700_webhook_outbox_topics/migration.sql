-- The webhook dispatcher consumes only the outbox messages it carries (issue 7 follow-up). Before,
-- due_outbox_messages returned every unprocessed message and the dispatcher marked each processed,
-- also topics webhooks never carry (incident.commented, incident.extension_*, status changes other
-- than to RESOLVED), so another outbox consumer (an e-mail sender) would never have seen them.
-- This function returns only messages that are webhook events; it must agree with webhookEventFor
-- in lib/webhooks/events.ts (tests/integration/webhooks/outbox-topics.test.ts checks that it does).
-- Other topics stay unprocessed for their own consumer, and cannot crowd webhook events out of the
-- dispatcher's batch.
CREATE FUNCTION due_webhook_outbox_messages(p_now timestamp, p_limit integer)
RETURNS TABLE ("tenantId" text, "id" text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT
AS $$
  SELECT o."tenantId", o."id"
  FROM "OutboxMessage" o
  WHERE o."processedAt" IS NULL AND o."nextAttemptAt" <= p_now
    AND (o."topic" IN ('incident.created', 'incident.escalated', 'scorecard.published')
         OR (o."topic" = 'incident.status_changed' AND o."payload"->>'to' = 'RESOLVED'))
  ORDER BY o."nextAttemptAt", o."id"
  LIMIT p_limit
$$;

REVOKE ALL ON FUNCTION due_webhook_outbox_messages(timestamp, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION due_webhook_outbox_messages(timestamp, integer) TO steward_app;

-- Its only caller was the dispatcher.
DROP FUNCTION due_outbox_messages(timestamp, integer);
