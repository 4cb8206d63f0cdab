-- Level-1 mail and SLA warnings (issue 16), sent by the escalation sweep exactly once per incident and notice: each
-- column is set by the conditional UPDATE that wins (lib/incidents/incident-notices.ts), in the transaction that
-- queues the mail.
-- AlterTable
ALTER TABLE "Incident" ADD COLUMN "partnerMailedAt" TIMESTAMP(3),
ADD COLUMN "ackWarnedAt" TIMESTAMP(3),
ADD COLUMN "resolveWarnedAt" TIMESTAMP(3);

-- Like due_incident_escalations(): (tenantId, incidentId) of running incidents, in every tenant, that have a notice
-- due: the level-1 mail while the acknowledge window is still open, or a warning once 80% of the window to a deadline
-- not yet passed is used. The sweep then works on each inside withTenant.
CREATE FUNCTION due_incident_notices(p_now timestamp, p_limit integer)
RETURNS TABLE ("tenantId" text, "incidentId" text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT
AS $$
  SELECT i."tenantId", i."id"
  FROM "Incident" i
  WHERE i."status" IN ('OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS')
    AND i."pausedAt" IS NULL
    AND i."nextDueAt" > p_now
    AND ((i."partnerMailedAt" IS NULL AND i."acknowledgedAt" IS NULL AND i."ackDueAt" > p_now)
      OR (i."ackWarnedAt" IS NULL AND i."acknowledgedAt" IS NULL AND i."ackDueAt" > p_now
          AND p_now >= i."openedAt" + (i."ackDueAt" - i."openedAt") * 0.8)
      OR (i."resolveWarnedAt" IS NULL AND i."resolveDueAt" > p_now
          AND p_now >= i."openedAt" + (i."resolveDueAt" - i."openedAt") * 0.8))
  ORDER BY i."nextDueAt"
  LIMIT p_limit
$$;

REVOKE ALL ON FUNCTION due_incident_notices(timestamp, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION due_incident_notices(timestamp, integer) TO steward_app;
