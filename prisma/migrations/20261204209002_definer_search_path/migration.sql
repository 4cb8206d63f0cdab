-- The sweeps' SECURITY DEFINER readers run with the migration role's rights: pin their search_path to the schema
-- and pg_temp (last), not whatever path the migrating session had, so no object earlier on a caller-controlled path
-- can stand in for a table or function they use.
ALTER FUNCTION due_incident_notices(timestamp, integer) SET search_path = public, pg_temp;
ALTER FUNCTION due_plan_action_escalations(timestamp, integer, integer) SET search_path = public, pg_temp;
