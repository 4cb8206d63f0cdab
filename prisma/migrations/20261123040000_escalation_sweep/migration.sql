-- Escalation sweep (lib/incidents/escalation-sweep.ts): the app role is under row-level security and
-- sees one tenant at a time, but the sweep must find due breaches in every tenant. This function,
-- owned by the migration role and run with its rights, returns only (tenantId, incidentId) pairs;
-- the sweep then escalates each incident inside withTenant, so every write stays tenant-scoped.
--
-- The migration role may not be a superuser (FORCE ROW LEVEL SECURITY applies to the table owner
-- too), so it gets a read-only policy of its own on "Incident". steward_app is not a member of the
-- owner role, so the app never gains this policy.
DO $$
BEGIN
  EXECUTE format('CREATE POLICY escalation_sweep ON "Incident" AS PERMISSIVE FOR SELECT TO %I USING (true)', current_user);
END
$$;

CREATE FUNCTION due_incident_escalations(p_now timestamp, p_limit integer)
RETURNS TABLE ("tenantId" text, "incidentId" text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT
AS $$
  SELECT i."tenantId", i."id"
  FROM "Incident" i
  WHERE i."status" IN ('OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS')
    AND i."pausedAt" IS NULL
    AND i."nextDueAt" <= p_now
    AND ((i."acknowledgedAt" IS NULL AND i."ackDueAt" <= p_now AND i."escalationLevel" < 2)
      OR (i."resolveDueAt" <= p_now AND i."escalationLevel" < 3))
  ORDER BY i."nextDueAt"
  LIMIT p_limit
$$;

REVOKE ALL ON FUNCTION due_incident_escalations(timestamp, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION due_incident_escalations(timestamp, integer) TO steward_app;


-- The next per-tenant incident number. A partner user's transaction sees only its own partner's
-- incidents, so the maximum is read with the owner's rights, for the tenant in context only.
-- The transaction-scoped advisory lock serialises concurrent creations in the same tenant.
CREATE FUNCTION next_incident_number() RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path FROM CURRENT
AS $$
DECLARE
  t text := app_tenant_id();
  n integer;
BEGIN
  IF t IS NULL THEN
    RAISE EXCEPTION 'next_incident_number() needs app.tenant_id';
  END IF;
  PERFORM pg_advisory_xact_lock(hashtextextended('incident-number:' || t, 0));
  SELECT coalesce(max("number"), 0) + 1 INTO n FROM "Incident" WHERE "tenantId" = t;
  RETURN n;
END
$$;

REVOKE ALL ON FUNCTION next_incident_number() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION next_incident_number() TO steward_app;
