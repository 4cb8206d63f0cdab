-- The rest of the SECURITY DEFINER functions get the search_path the sweeps' readers got in 20261204209002: the
-- schema, then pg_temp last. They were created with "SET search_path FROM CURRENT", which stored "public" alone, and
-- a path without pg_temp searches it first: a temporary table of the caller's (the app role may create them) named
-- like one of these functions' tables would stand in for it while the function runs with the owner's rights.
-- tests/integration/db/definer-search-path.test.ts now checks every SECURITY DEFINER function in the schema.
ALTER FUNCTION next_incident_number() SET search_path = public, pg_temp;
ALTER FUNCTION due_webhook_deliveries(timestamp, integer) SET search_path = public, pg_temp;
ALTER FUNCTION due_webhook_outbox_messages(timestamp, integer) SET search_path = public, pg_temp;
ALTER FUNCTION queued_scorecard_exports(timestamp, timestamp, integer) SET search_path = public, pg_temp;
ALTER FUNCTION claim_due_email_messages(timestamp, timestamp, integer) SET search_path = public, pg_temp;
ALTER FUNCTION tenants_with_held_email() SET search_path = public, pg_temp;
