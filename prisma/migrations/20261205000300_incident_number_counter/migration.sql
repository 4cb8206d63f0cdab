-- Incident numbers come from a counter on the tenant's row, not from the largest number stored. The maximum, read
-- under an advisory lock, repeated a number in 6 of 25 runs of six concurrent creations on PostgreSQL 15 under CPU
-- load (13 of 25 when all six ran at once), and a retry in the same transaction read the same stale maximum four
-- times over. An UPDATE of one row is serialised by its row lock and, in READ COMMITTED, re-reads the row's latest
-- version after waiting, so each creation gets the previous one's number plus one.
ALTER TABLE "Tenant" ADD COLUMN "lastIncidentNumber" INTEGER NOT NULL DEFAULT 0;

UPDATE "Tenant" t SET "lastIncidentNumber" = coalesce((SELECT max(i."number") FROM "Incident" i WHERE i."tenantId" = t.id), 0);

-- greatest(…, max) keeps numbering right after rows written without this function (seeds, fixtures): the counter
-- alone decides between concurrent creations, as the maximum can only lag behind it.
CREATE OR REPLACE FUNCTION next_incident_number() RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path FROM CURRENT
AS $$
DECLARE
  t text := app_tenant_id();
  n integer;
BEGIN
  IF t IS NULL THEN
    RAISE EXCEPTION 'next_incident_number() needs app.tenant_id';
  END IF;
  UPDATE "Tenant"
     SET "lastIncidentNumber" = greatest("lastIncidentNumber",
           (SELECT coalesce(max("number"), 0) FROM "Incident" WHERE "tenantId" = t)) + 1
   WHERE id = t
  RETURNING "lastIncidentNumber" INTO n;
  IF n IS NULL THEN
    RAISE EXCEPTION 'next_incident_number(): no tenant %', t;
  END IF;
  RETURN n;
END
$$;
