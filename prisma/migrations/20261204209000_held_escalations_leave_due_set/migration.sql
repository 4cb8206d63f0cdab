-- A manual de-escalation (Incident.escalationHeldAt, lib/incidents/manual-escalation.ts) makes the breaches already
-- passed the steward's decision: the sweep's breachesSince() ignores a deadline at or before it. The due set must
-- leave them out too, or a held incident's past nextDueAt keeps it first in line in every sweep and enough of them
-- starve a real breach behind them (issue 15). Same result columns and rights as before; a fixed search_path.
CREATE OR REPLACE FUNCTION due_incident_escalations(p_now timestamp, p_limit integer)
RETURNS TABLE ("tenantId" text, "incidentId" text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
  SELECT i."tenantId", i."id"
  FROM "Incident" i
  WHERE i."status" IN ('OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS')
    AND i."pausedAt" IS NULL
    AND i."nextDueAt" <= p_now
    AND ((i."acknowledgedAt" IS NULL AND i."ackDueAt" <= p_now AND i."escalationLevel" < 2
          AND (i."escalationHeldAt" IS NULL OR i."ackDueAt" > i."escalationHeldAt"))
      OR (i."resolveDueAt" <= p_now AND i."escalationLevel" < 3
          AND (i."escalationHeldAt" IS NULL OR i."resolveDueAt" > i."escalationHeldAt")))
  ORDER BY i."nextDueAt"
  LIMIT p_limit
$$;

REVOKE ALL ON FUNCTION due_incident_escalations(timestamp, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION due_incident_escalations(timestamp, integer) TO steward_app;
